import pytest

from tests.browser import DEMO_PASSWORD, assert_accessible, log_in, log_in_with_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FOUNDATION_PAGES = [
    "/",
    "/mitglieder/",
    "/mitglieder/?state=NW&kind=stadt",
    "/mitglieder/essen/",
    "/projekte/",
    "/projekte/panreflex/",
    "/themen/",
    "/themen/urbane-resilienz/",
    "/ueber-uns/",
    "/ueber-uns/vorstand-und-team/",
    "/ueber-uns/satzung/",
    "/ueber-uns/mitglied-werden/",
    "/kontakt/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/barrierefreiheit/melden/",
    "/konto/login/",
    "/gibt-es-nicht/",
]


@pytest.mark.parametrize("path", FOUNDATION_PAGES)
def test_page_is_accessible_and_self_hosted(page, demo, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_every_navigation_link_leads_to_a_page(page, demo):
    page.goto("/")
    links = page.locator("header nav a, footer a[href^='/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(links) >= 8
    for href in set(links):
        response = page.request.get(href)
        assert response.status == 200, href


def test_skip_link_moves_focus_to_the_content(page, demo):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


@pytest.mark.parametrize("path", ["/", "/mitglieder/", "/ueber-uns/vorstand-und-team/"])
def test_pages_fit_a_320_pixel_screen(browser, site_server, demo, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=site_server.url)
    small = context.new_page()
    small.goto(path)
    overflow = small.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_directory_filters_work_without_javascript(browser, site_server, demo):
    context = browser.new_context(java_script_enabled=False, base_url=site_server.url)
    nojs = context.new_page()
    nojs.goto("/mitglieder/")
    nojs.get_by_label("Bundesland").select_option("BY")
    nojs.get_by_role("button", name="Filtern").click()
    text = nojs.locator("main").inner_text()
    context.close()
    assert "Stadt Augsburg" in text
    assert "Stadt Essen" not in text


def test_print_stylesheet_hides_navigation(page, demo):
    page.goto("/ueber-uns/")
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert page.locator("h1").is_visible()


def test_member_sees_contact_persons_that_anonymous_visitors_do_not(page, demo):
    page.goto("/mitglieder/essen/")
    assert "Christian Kromberg" not in page.locator("main").inner_text()
    log_in(page, "mitglied@defus.example", DEMO_PASSWORD)
    page.goto("/mitglieder/essen/")
    assert "Christian Kromberg" in page.locator("main").inner_text()
    assert_accessible(page)


def test_office_edits_a_page_text_in_the_admin_and_sees_it_on_the_site(page, demo):
    log_in_with_code(page, "buero@defus.example", DEMO_PASSWORD)
    page.goto("/verwaltung/pages/page/")
    page.get_by_role("link", name="Kontakt", exact=True).click()
    page.get_by_label("Vorspann").fill(
        "Telefonisch erreichen Sie uns montags bis freitags von 9 bis 15 Uhr."
    )
    # Saving keeps a draft (tests/pages/test_page_drafts_browser.py); publishing puts it live.
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_load_state()
    assert "Die Seite ist veröffentlicht" in page.locator(".messagelist").inner_text()
    page.goto("/kontakt/")
    assert "montags bis freitags von 9 bis 15 Uhr" in page.locator("main").inner_text()


def test_a_barrier_report_submits_and_the_honeypot_stays_out_of_sight(page, demo):
    from pages.models import BarrierReport

    page.goto("/barrierefreiheit/melden/")
    assert not page.locator("input[name=website]").is_visible()
    # Not in the accessibility tree either (what a screen reader reads).
    assert page.get_by_role("textbox", name="Bitte lassen Sie dieses Feld leer").count() == 0
    page.get_by_label("Wo ist die Barriere?").fill("/termine/")
    page.get_by_label("Was funktioniert nicht?").fill("Der Filter lässt sich nicht bedienen.")
    page.get_by_role("button", name="Meldung senden").click()
    page.wait_for_load_state()
    assert "Ihre Meldung ist gespeichert" in page.content()
    assert BarrierReport.objects.get().page == "/termine/"
