"""The Abfrage loop: question, copy, answers to the asker, reminder, overview, export."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from inquiries.jobs import answer_digests_send, inquiry_overviews_send, inquiry_reminders_send
from inquiries.models import Answer, Inquiry
from inquiries.services import answer_save, inquiry_ask
from tests.factories import (
    AnswerFactory,
    ContactPersonFactory,
    InquiryFactory,
    MemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


@pytest.fixture
def network(member_user):
    """Essen asks (member_user); Köln and Dortmund are asked."""
    ContactPersonFactory(member=member_user.member, email="kpr@essen.example")
    koeln = MemberFactory(name="Köln", designation="Stadt Köln", slug="koeln")
    dortmund = MemberFactory(name="Dortmund", designation="Stadt Dortmund", slug="dortmund")
    ContactPersonFactory(member=koeln, email="praevention@koeln.example")
    ContactPersonFactory(member=dortmund, email="ordnung@dortmund.example")
    return {
        "koeln": UserFactory(member=koeln, email="antwort@koeln.example"),
        "dortmund": UserFactory(member=dortmund, email="antwort@dortmund.example"),
    }


@pytest.fixture
def asked(member_user, network):
    """An Abfrage of Essen, asked a week ago, due in three days."""
    return InquiryFactory(
        title="Bodycams im Ordnungsdienst",
        asked_by_member=member_user.member,
        asked_by=member_user,
        created_at=timezone.now() - 7 * DAY,
        deadline=TODAY() + 3 * DAY,
    )


def addresses(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def test_asking_city_is_not_mailed_its_own_question_and_the_asker_gets_a_copy(
    member_user, network, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry_ask(
            user=member_user,
            member=member_user.member,
            title="Bodycams im Ordnungsdienst",
            context="Wie sind Ihre Erfahrungen?",
            deadline=TODAY() + 14 * DAY,
        )
    questions = [m for m in mailoutbox if m.subject.startswith("DEFUS-Abfrage")]
    assert addresses(questions) == [
        "antwort@dortmund.example",
        "antwort@koeln.example",
        "ordnung@dortmund.example",
        "praevention@koeln.example",
    ]
    assert "kpr@essen.example" not in addresses(mailoutbox)
    (copy,) = [m for m in mailoutbox if m not in questions]
    assert copy.to == ["mitglied@stadt.example"]
    assert copy.subject == "Kopie: DEFUS-Abfrage: Bodycams im Ordnungsdienst"
    assert "an 4 Adressen bei den anderen Mitgliedern" in copy.body


def test_each_new_answer_notifies_the_asker_at_once(
    asked, network, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer_save(inquiry=asked, user=network["koeln"], text="Wir testen seit 2023.")
    (message,) = mailoutbox
    assert message.to == ["mitglied@stadt.example"]
    assert message.subject == "Neue Antwort auf Ihre Abfrage: Bodycams im Ordnungsdienst"
    assert "Stadt Köln" in message.body
    assert f"/mitgliederbereich/abfragen/{asked.pk}/" in message.body
    # Changing the answer is not a new answer.
    with django_capture_on_commit_callbacks(execute=True):
        answer_save(inquiry=asked, user=network["koeln"], text="Wir testen seit 2022.")
    assert len(mailoutbox) == 1
    assert answer_digests_send() == 0


def test_an_asker_who_prefers_the_digest_gets_the_answers_once_a_day(
    asked, member_user, network, mailoutbox, django_capture_on_commit_callbacks
):
    member_user.answers_as_digest = True
    member_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer_save(inquiry=asked, user=network["koeln"], text="Seit 2023.")
        answer_save(inquiry=asked, user=network["dortmund"], text="Noch nicht.")
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert answer_digests_send() == 1
    (message,) = mailoutbox
    assert message.subject == "2 neue Antworten auf Ihre Abfrage: Bodycams im Ordnungsdienst"
    assert "Stadt Köln" in message.body and "Stadt Dortmund" in message.body
    assert answer_digests_send() == 0
    assert len(mailoutbox) == 1


def test_reminder_goes_only_to_members_without_answer_and_only_once(
    asked, network, mailoutbox, django_capture_on_commit_callbacks
):
    AnswerFactory(inquiry=asked, member=network["koeln"].member)
    with django_capture_on_commit_callbacks(execute=True):
        assert inquiry_reminders_send() == 2
    assert addresses(mailoutbox) == ["antwort@dortmund.example", "ordnung@dortmund.example"]
    assert mailoutbox[0].subject.startswith("Erinnerung: DEFUS-Abfrage „Bodycams")
    assert inquiry_reminders_send() == 0
    assert len(mailoutbox) == 2
    asked.refresh_from_db()
    assert asked.reminder_sent_at is not None


def test_no_reminder_earlier_than_three_days_before_the_deadline(asked):
    Inquiry.objects.filter(pk=asked.pk).update(deadline=TODAY() + 4 * DAY)
    assert inquiry_reminders_send() == 0
    assert inquiry_reminders_send(TODAY() + DAY) == 4  # Köln and Dortmund, two addresses each


def test_after_the_deadline_office_and_asker_get_the_overview_once(
    asked, network, mailoutbox, settings, django_capture_on_commit_callbacks
):
    AnswerFactory(inquiry=asked, member=network["koeln"].member)
    assert inquiry_overviews_send() == 0  # still open
    with django_capture_on_commit_callbacks(execute=True):
        assert inquiry_overviews_send(asked.deadline + DAY) == 1
    (message,) = mailoutbox
    assert message.to == sorted([settings.OFFICE_EMAIL, "mitglied@stadt.example"])
    body = message.body
    assert "1 von 2 Mitgliedern hat geantwortet" in body
    answered, silent = body.split("Nicht geantwortet haben:")
    assert "Stadt Köln" in answered and "Stadt Dortmund" in silent
    assert inquiry_overviews_send(asked.deadline + 2 * DAY) == 0


def test_office_accepts_late_answers(asked, network, client):
    Inquiry.objects.filter(pk=asked.pk).update(deadline=TODAY() - DAY)
    asked.refresh_from_db()
    client.force_login(network["koeln"])
    response = client.post(asked.get_absolute_url(), {"text": "Verspätet, aber vollständig."})
    assert response.status_code == 400  # refused, the typed text shown back to copy
    assert "Verspätet, aber vollständig." in response.text
    assert not Answer.objects.exists()
    Inquiry.objects.filter(pk=asked.pk).update(late_answers_until=TODAY() + DAY)
    page = client.get(asked.get_absolute_url())
    assert "Späte Antworten bis" in page.text
    assert 'name="text"' in page.text
    response = client.post(asked.get_absolute_url(), {"text": "Verspätet, aber vollständig."})
    assert response.status_code == 302
    assert Answer.objects.get().text == "Verspätet, aber vollständig."


@pytest.mark.parametrize(
    ("answered", "asked_count", "text"),
    [
        (0, 22, "noch keine Antwort"),
        (1, 22, "1 von 22 Mitgliedern hat geantwortet"),
        (12, 22, "12 von 22 Mitgliedern haben geantwortet"),
    ],
)
def test_status_reads_naturally(answered, asked_count, text):
    assert Inquiry.answer_status(answered, asked_count) == text


def test_detail_page_no_longer_says_null(asked, member_user, client):
    client.force_login(member_user)
    text = client.get(asked.get_absolute_url()).text
    assert "noch keine Antwort" in text
    assert "null" not in text


# The office in the admin


def test_admin_shows_who_answered_and_who_not(asked, network, client, staff_user):
    AnswerFactory(inquiry=asked, member=network["koeln"].member)
    client.force_login(staff_user)
    text = client.get(f"/verwaltung/inquiries/inquiry/{asked.pk}/change/").text
    assert "1 von 2 Mitgliedern hat geantwortet" in text
    answered, silent = text.split("Nicht geantwortet</strong>")
    assert "Stadt Köln" in answered.split("Geantwortet</strong>")[1]
    assert "Stadt Dortmund" in silent


def export(client, inquiries, action):
    return client.post(
        "/verwaltung/inquiries/inquiry/",
        {"action": action, "_selected_action": [inquiry.pk for inquiry in inquiries]},
    )


def test_export_holds_every_answer_as_csv_and_xlsx(
    asked, network, client, staff_user, django_assert_max_num_queries, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from inquiries.models import AnswerAttachment

    members = MemberFactory.create_batch(60)
    other = InquiryFactory(title="Alkoholverbote", asked_by_member=None)
    for member in members:
        AnswerFactory(inquiry=asked, member=member, text=f"Antwort von {member.name}")
        AnswerFactory(inquiry=other, member=member, text="=SUMME(A1:A2)")
    answer = AnswerFactory(inquiry=asked, member=network["koeln"].member, author=network["koeln"])
    pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    AnswerAttachment.objects.create(
        answer=answer, file=SimpleUploadedFile("a.pdf", pdf), name="Dienstanweisung.pdf", size=1
    )
    client.force_login(staff_user)
    with django_assert_max_num_queries(15):
        response = export(client, [asked, other], "export_csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Abfrage", "Mitglied", "Person", "E-Mail", "geantwortet am", "zuletzt geändert", "Antwort", "Anhänge"]  # fmt: skip
    assert len(rows) == 1 + 121
    koeln = next(row for row in rows if row[1] == "Stadt Köln")
    assert koeln[2] == "Erika Beispiel" and koeln[3] == "antwort@koeln.example"
    assert koeln[7] == "Dienstanweisung.pdf"
    assert {row[6] for row in rows if row[0] == "Alkoholverbote"} == {"'=SUMME(A1:A2)"}

    response = export(client, [asked], "export_xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 1 + 61
    assert {row[6] for row in values[1:]} >= {f"Antwort von {m.name}" for m in members}


def test_office_extends_the_deadline_by_a_week(asked, client, staff_user):
    client.force_login(staff_user)
    deadline = asked.deadline
    response = export(client, [asked], "extend_deadline")
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.deadline == deadline + 7 * DAY
    assert "um eine Woche verlängert" in client.get(response["Location"]).text


# The preference: answers at once or as a digest


def test_preference_access(client, member_user, staff_user):
    url = "/mitgliederbereich/abfragen/benachrichtigungen/"
    response = client.post(url, {"answers_as_digest": "on"})
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    client.force_login(member_user)
    assert client.get(url).status_code == 405
    response = client.post(url, {"answers_as_digest": "on"})
    assert response.status_code == 302
    member_user.refresh_from_db()
    assert member_user.answers_as_digest
    client.post(url, {})
    member_user.refresh_from_db()
    assert not member_user.answers_as_digest
    client.force_login(UserFactory(member=None, is_staff=True, totp=False))
    response = client.post(url, {"answers_as_digest": "on"})
    assert response["Location"] == "/konto/2fa/totp/activate/"
    client.force_login(staff_user)
    assert client.post(url, {"answers_as_digest": "on"}).status_code == 302


def test_list_page_offers_the_preference(client, member_user):
    client.force_login(member_user)
    text = client.get("/mitgliederbereich/abfragen/").text
    assert "einmal täglich gesammelt" in text


def test_the_list_page_shows_the_saved_preference_at_once(client, member_user):
    """The field is kept like the list around it (an account's change gives no new content
    version), so it is kept per value: the box shows what was saved, at the next request."""
    client.force_login(member_user)

    def checkbox() -> str:
        text = client.get("/mitgliederbereich/abfragen/").text
        return re.search(r'<input[^>]*name="answers_as_digest"[^>]*>', text).group(0)

    assert "checked" not in checkbox()
    client.post("/mitgliederbereich/abfragen/benachrichtigungen/", {"answers_as_digest": "on"})
    assert "checked" in checkbox()
    client.post("/mitgliederbereich/abfragen/benachrichtigungen/", {})
    assert "checked" not in checkbox()
