"""Browser tests: Debian's Chromium driven by Playwright, audited by axe-core."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

axe = Axe()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page that records every request to a host other than the live server."""
    context = browser.new_context(
        locale="de-DE", base_url=live_server.url, java_script_enabled=True
    )
    page = context.new_page()
    own_host = urlsplit(live_server.url).netloc
    page.foreign_requests = []

    def record(request):
        host = urlsplit(request.url).netloc
        if host and host != own_host:
            page.foreign_requests.append(request.url)

    page.on("request", record)
    yield page
    context.close()


def assert_accessible(page) -> None:
    """Zero axe-core violations (WCAG 2.1 A/AA and best practice) and no foreign request."""
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.foreign_requests == [], page.foreign_requests


def log_in(page, email: str, password: str) -> None:
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=False).first.fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
