"""Browser tests: Debian's Chromium driven by Playwright, audited by axe-core.

They run after all other tests, against one demo portal loaded once per session. The live
server shares the test's database connection, so each browser test runs inside a transaction
like any other test: what it writes, through the page or through factories, is rolled back
at its end, and the demo stays as loaded.
"""

import threading
import time
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.testcases import LiveServerThread

# The demo logins of README.md (demo/data/members.toml): the browser tests hold the demo to them.
DEMO_PASSWORD = "DEFUS-demo-2026"
DEMO_TOTP_SECRET = "DEFUSGESCHAEFTSSTELLEHANNOVERXYZ"
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


def pytest_collection_modifyitems(items):
    """Browser tests last, and those on the demo portal after those on their own data: the
    demo is loaded once and stays for the rest of the session. Before them the transactional
    tests, those that restore the migrated rows (serialized_rollback) first: a plain
    transactional test's flush recreates the content types under new keys, which a later
    serialized restore would collide with."""

    def transactional(item) -> int:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            return 0
        return 1 if marker.kwargs.get("serialized_rollback") else 2

    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            "demo" in getattr(item, "fixturenames", ()),
            transactional(item),
        )
    )


class SharedConnectionServer(ThreadedWSGIServer):
    def _close_connections(self):
        """The connection belongs to the test, which rolls it back; requests don't close it."""


class SharedConnectionServerThread(LiveServerThread):
    server_class = SharedConnectionServer


def one_request_at_a_time(handler_class):
    """Chromium asks for several things at once; with one shared database connection the
    requests take turns (a response body is still streamed outside the lock)."""
    lock = threading.Lock()

    class Handler(handler_class):
        def __call__(self, environ, start_response):
            with lock:
                return super().__call__(environ, start_response)

    return Handler


class LiveServer:
    def __init__(self, thread: LiveServerThread):
        self.thread = thread
        self.url = f"http://{thread.host}:{thread.port}"

    def __str__(self):
        return self.url


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """One server for the session that uses the test thread's database connection.

    Not pytest-django's ``live_server``: that one makes every test that uses it transactional,
    which would flush the demo after each test."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler

    with django_db_blocker.unblock():
        connection = connections["default"]
        connection.inc_thread_sharing()
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
        thread = SharedConnectionServerThread(
            "localhost",
            one_request_at_a_time(StaticFilesHandler),
            connections_override={"default": connection},
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield LiveServer(thread)
        thread.terminate()
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
        connection.dec_thread_sharing()


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo portal, loaded and committed once for all browser tests. Its files live in
    a folder of the session's, which the tests that use the demo get as their protected root
    (tests/conftest.py: protected_media_root)."""
    from django.test import override_settings

    from demo.loader import load_demo
    from tests.conftest import standing_content_create

    files = tmp_path_factory.mktemp("demo-geschuetzt")
    with django_db_blocker.unblock(), override_settings(PROTECTED_MEDIA_ROOT=files):
        standing_content_create()
        load_demo()
    return files


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_server, db, settings):
    """A fresh page that records every request to a host other than the live server. The
    standing pages are there even after a transactional test flushed the migrated rows.

    Without the fragment cache: a browser test is one transaction that never commits, so
    what the person saves never gives a new content version, as every commit does in
    production. The fragments are tried by the other tests, which run the commit's callbacks
    (and across two servers in tests/pages/test_page_cache_processes.py)."""
    from tests.conftest import standing_content_create

    settings.FRAGMENT_CACHE_SECONDS = 0
    standing_content_create()
    context = browser.new_context(
        locale="de-DE", base_url=site_server.url, java_script_enabled=True
    )
    page = context.new_page()
    own_host = urlsplit(site_server.url).netloc
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
    """Log in through the form and wait for its answer: a click only starts the request, and
    a ``goto`` right after it would cancel the request and leave without the session."""
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=False).first.fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def log_in_with_code(page, email: str, password: str, secret: str = DEMO_TOTP_SECRET) -> None:
    """Log in as the office does: the password, then the current code of the authenticator
    app with ``secret``. Fails here, not at the next page, if the code was not accepted."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    log_in(page, email, password)
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    page.get_by_label("Code", exact=False).first.fill(
        format_hotp_value(hotp_value(secret, counter))
    )
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert "/2fa/" not in page.url, page.locator("main").inner_text()
