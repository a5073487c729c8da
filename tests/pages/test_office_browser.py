import pytest

from pages.models import Office
from pages.services import office_update
from tests.browser import assert_accessible
from tests.core.test_rich_text_browser import office_logs_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_imprint_page_is_accessible(page):
    office = Office.objects.get()
    office.register_court = "Amtsgericht Hannover (Beispielwert)"
    office.register_number = "VR 000000 (Beispielwert)"
    office_update(office=office)
    page.goto("/impressum/")
    assert page.get_by_text("Registernummer: VR 000000 (Beispielwert)").is_visible()
    assert_accessible(page)


def test_office_changes_the_phone_number_in_the_admin_and_the_footer_shows_it(page, staff_user):
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/pages/office/")
    assert page.get_by_role("heading", name="Geschäftsstelle und Impressum ändern").is_visible()
    assert_accessible(page)
    page.get_by_label("Telefon").fill("0511 999999-0")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.wait_for_load_state()
    page.goto("/kontakt/")
    assert page.locator("footer").get_by_text("0511 999999-0").is_visible()
