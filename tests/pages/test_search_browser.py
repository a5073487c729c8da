import pytest

from tests.browser import DEMO_PASSWORD, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(
    "path",
    ["/suche/", "/suche/?q=Pr%C3%A4vention", "/suche/?q=Pr%C3%A4vention&art=termin&page=2",
     "/suche/?q=und+die+der", "/suche/?q=%22%26%7C%21"],
)  # fmt: skip
def test_search_pages_are_accessible(page, demo, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert page.get_by_role("search").count() == 1
    assert_accessible(page)


def test_the_header_search_works_without_javascript(browser, site_server, demo):
    context = browser.new_context(java_script_enabled=False, base_url=site_server.url)
    nojs = context.new_page()
    nojs.goto("/themen/")
    nojs.get_by_role("searchbox", name="Suche").fill("Krisenmanagment")
    nojs.get_by_role("searchbox", name="Suche").press("Enter")
    nojs.wait_for_load_state()
    heading = nojs.locator("h1").inner_text()
    first_hit = nojs.locator(".search-hit h2 a").first
    first_hit.click()
    nojs.wait_for_load_state()
    text = nojs.locator("main").inner_text()
    context.close()
    assert heading == "Suche"
    assert "Krisenmanagement" in text


def test_a_member_finds_entries_of_the_collections(page, demo):
    page.goto("/suche/?q=Tropfen")
    assert page.locator(".search-hit .badge", has_text="Eintrag").count() == 0
    log_in(page, "mitglied@defus.example", DEMO_PASSWORD)
    page.goto("/suche/")
    page.get_by_label("Suchbegriff").fill("Tropfen")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_load_state()
    assert page.locator(".search-hit .badge", has_text="Eintrag").count() >= 1
    assert page.locator(".search-hit .badge", has_text="Abfrage").count() >= 1
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/suche/?q=Pr%C3%A4vention", "/suche/?q=" + "Sicherheit" * 20])
def test_search_fits_a_320_pixel_screen(browser, site_server, demo, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=site_server.url)
    small = context.new_page()
    small.goto(path)
    overflow = small.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
