"""Issue 9, drafts for pages, as the office with its TOTP code: the Kontakt page's text is
changed as a draft, previewed, still old on the site, then published."""

import pytest

from pages.models import Page
from tests.browser import assert_accessible
from tests.core.test_rich_text_browser import office_logs_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_office_drafts_previews_and_publishes_the_contact_page(
    page, browser, site_server, staff_user
):
    contact = Page.objects.get(slug=Page.Slug.CONTACT)
    contact.lead = "Schreiben Sie uns: Wir antworten in der Regel innerhalb einer Woche."
    contact.save()
    visitor = browser.new_context(base_url=site_server.url).new_page()

    office_logs_in(page, staff_user)
    page.goto(f"/verwaltung/pages/page/{contact.pk}/change/")
    assert_accessible(page)
    page.get_by_label("Vorspann").fill("Neue Sprechzeiten ab Januar: dienstags und donnerstags.")
    editor = page.locator(".prose-editor > .ProseMirror").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Telefonsprechstunde dienstags von 10 bis 12 Uhr")
    page.get_by_role("button", name="Als Entwurf speichern").click()
    page.wait_for_load_state()
    assert "Der Entwurf ist gespeichert" in page.locator(".messagelist").inner_text()
    assert "Entwurf vorhanden" in page.locator(".field-state").inner_text()
    assert_accessible(page)

    visitor.goto("/kontakt/")
    assert "Wir antworten in der Regel" in visitor.locator(".lead").inner_text()
    assert "Telefonsprechstunde" not in visitor.content()
    assert visitor.goto("/seiten/kontakt/vorschau/").status == 404

    page.get_by_role("link", name="Vorschau des Entwurfs").click()
    page.wait_for_load_state()
    assert "/seiten/kontakt/vorschau/" in page.url
    assert "Neue Sprechzeiten ab Januar" in page.locator(".lead").inner_text()
    assert "Telefonsprechstunde dienstags" in page.locator("main").inner_text()
    assert "So erscheint die Seite" in page.locator(".preview-note").inner_text()
    assert_accessible(page)

    page.goto(f"/verwaltung/pages/page/{contact.pk}/change/")
    assert page.get_by_label("Vorspann").input_value().startswith("Neue Sprechzeiten")
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_load_state()
    assert "Die Seite ist veröffentlicht" in page.locator(".messagelist").inner_text()

    visitor.goto("/kontakt/")
    assert "Neue Sprechzeiten ab Januar" in visitor.locator(".lead").inner_text()
    assert "Telefonsprechstunde dienstags" in visitor.locator("main").inner_text()
    page.goto("/verwaltung/pages/page/")
    assert "Entwurf vorhanden" not in page.locator("#result_list").inner_text()
    visitor.context.close()
    assert page.foreign_requests == []
