import pytest

from inquiries.models import Answer, AnswerAttachment
from tests.browser import assert_accessible, log_in
from tests.factories import PASSWORD, AnswerFactory, InquiryFactory, MemberFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def protected_media(settings, tmp_path):
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"


def test_member_answers_an_inquiry_through_the_real_form(page, protected_media):
    essen = MemberFactory(name="Essen", designation="Stadt Essen", slug="essen")
    mannheim = MemberFactory(name="Mannheim", designation="Stadt Mannheim", slug="mannheim")
    koeln = MemberFactory(name="Köln", designation="Stadt Köln", slug="koeln")
    user = UserFactory(email="mitglied@defus.example", member=essen)
    inquiry = InquiryFactory(
        title="Bodycams für den Kommunalen Ordnungsdienst", asked_by_member=mannheim
    )
    AnswerFactory(inquiry=inquiry, member=koeln, text="Wir haben den Einsatz geprüft.")

    log_in(page, user.email, PASSWORD)
    page.goto("/mitgliederbereich/abfragen/")
    assert page.locator("h1").inner_text() == "Abfragen"
    assert_accessible(page)

    page.get_by_role("link", name="Bodycams für den Kommunalen Ordnungsdienst").click()
    assert page.locator("h1").inner_text() == "Bodycams für den Kommunalen Ordnungsdienst"
    assert_accessible(page)

    page.get_by_label("Antwort Ihres Mitglieds").fill("Essen setzt seit 2023 Bodycams ein.")
    page.get_by_label("Anhänge hinzufügen").set_input_files(
        {"name": "Dienstanweisung.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Antwort senden").click()
    page.wait_for_load_state()

    assert page.get_by_text("Ihre Antwort ist gespeichert.").is_visible()
    assert page.get_by_role("button", name="Antwort ändern").is_visible()
    answer = Answer.objects.get(inquiry=inquiry, member=essen)
    assert answer.text == "Essen setzt seit 2023 Bodycams ein."
    assert AnswerAttachment.objects.get(answer=answer).name == "Dienstanweisung.pdf"
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Dienstanweisung.pdf").click()
    assert download.value.suggested_filename == "Dienstanweisung.pdf"


def test_asking_form_is_accessible_and_shows_errors_accessibly(page):
    user = UserFactory(email="mitglied@defus.example")
    log_in(page, user.email, PASSWORD)
    page.goto("/mitgliederbereich/abfragen/neu/")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Alkoholkonsumverbote am Bahnhof")
    page.get_by_label("Hintergrund und Fragen").fill("Welche Regeln gelten bei Ihnen?")
    page.get_by_label("Antworten bis").fill("2020-01-01")
    page.get_by_role("button", name="Abfrage stellen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Die Frist muss in der Zukunft liegen").is_visible()
    assert page.get_by_label("Titel").input_value() == "Alkoholkonsumverbote am Bahnhof"
    assert_accessible(page)
