import pytest

from pages.models import ContactMessage
from tests.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_contact_form_is_accessible_keeps_input_and_submits(page):
    page.goto("/kontakt/")
    assert_accessible(page)
    page.get_by_label("Presse").check()
    page.locator("#id_name").fill("Jana Schreiber")
    page.locator("#id_message").fill("Wir planen einen Beitrag über kommunale Prävention.")
    page.get_by_role("button", name="Nachricht senden").click()
    assert page.get_by_text("Die Nachricht ist noch nicht gesendet").is_visible()
    assert page.locator("#id_name").input_value() == "Jana Schreiber"
    assert page.get_by_label("Presse").is_checked()
    assert_accessible(page)
    page.locator("#id_email").fill("j.schreiber@haz.example")
    page.get_by_role("button", name="Nachricht senden").click()
    assert page.get_by_text("Ihre Nachricht ist bei der Geschäftsstelle angekommen").is_visible()
    assert ContactMessage.objects.get().topic == ContactMessage.Topic.PRESS


def test_membership_form_is_accessible(page):
    page.goto("/ueber-uns/mitglied-werden/")
    assert page.get_by_role(
        "heading", name="Sie sind an einer Mitgliedschaft interessiert?"
    ).count()
    assert_accessible(page)
