"""A Presse message from the contact form becomes a Medienanfrage of the office's record."""

import datetime

import pytest

from activities.models import MediaInquiry
from pages.models import ContactMessage
from pages.services import contact_message_record_media_inquiry
from tests.conftest import client_as

pytestmark = pytest.mark.django_db

LIST = "/verwaltung/pages/contactmessage/"
PRESS = {
    "topic": "presse",
    "name": "Jana Schreiber",
    "organisation": "Hannoversche Allgemeine Zeitung",
    "email": "j.schreiber@haz.example",
    "message": "Wir bereiten einen Beitrag über Waffenverbotszonen vor.\nHätten Sie Zeit?",
    # 23:30 UTC on 31 March is 1 April in Hannover.
    "created_at": datetime.datetime(2025, 3, 31, 23, 30, tzinfo=datetime.UTC),
}


def test_the_office_turns_a_press_message_into_a_media_inquiry(client, staff_user):
    message = ContactMessage.objects.create(**PRESS)
    client.force_login(staff_user)
    response = client.post(
        LIST, {"action": "record_media_inquiry", "_selected_action": [message.pk]}
    )
    inquiry = MediaInquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/verwaltung/activities/mediainquiry/{inquiry.pk}/change/"
    assert inquiry.outlet == "Hannoversche Allgemeine Zeitung"
    assert inquiry.topic == "Wir bereiten einen Beitrag über Waffenverbotszonen vor."
    assert inquiry.received_on == datetime.date(2025, 4, 1)
    assert inquiry.outcome == MediaInquiry.Outcome.OPEN
    message.refresh_from_db()
    assert message.media_inquiry == inquiry

    form = client.get(response["Location"])
    assert "Medienanfrage ist erfasst; bitte Format, Person und Ergebnis ergänzen." in form.text
    assert f'href="/verwaltung/pages/contactmessage/{message.pk}/change/"' in form.text
    back = client.get(f"/verwaltung/pages/contactmessage/{message.pk}/change/").text
    assert f'href="/verwaltung/activities/mediainquiry/{inquiry.pk}/change/"' in back


def test_a_second_run_creates_no_second_record_and_other_topics_are_left(client, staff_user):
    press = ContactMessage.objects.create(**PRESS)
    general = ContactMessage.objects.create(**{**PRESS, "topic": "allgemein"})
    first = contact_message_record_media_inquiry(contact=press)
    client.force_login(staff_user)
    response = client.post(
        LIST,
        {"action": "record_media_inquiry", "_selected_action": [press.pk, general.pk]},
        follow=True,
    )
    assert MediaInquiry.objects.get() == first
    assert "1 Kontaktanfrage hat nicht das Thema Presse und bleibt, wie sie ist." in response.text
    general.refresh_from_db()
    assert general.media_inquiry is None


def test_an_open_media_inquiry_shows_in_the_report_as_still_open():
    from activities.report import annual_report

    contact_message_record_media_inquiry(contact=ContactMessage.objects.create(**PRESS))
    lines = [line.text for line in annual_report(2025).section("medien").lines]
    assert lines == [
        "noch offen: Hannoversche Allgemeine Zeitung – "
        "Wir bereiten einen Beitrag über Waffenverbotszonen vor."
    ]


@pytest.mark.parametrize("kind", ["anonymous", "member", "staff_without_second_factor"])
def test_nobody_else_can_run_the_action(request, client, kind):
    message = ContactMessage.objects.create(**PRESS)
    response = client_as(request, client, kind).post(
        LIST, {"action": "record_media_inquiry", "_selected_action": [message.pk]}
    )
    assert response.status_code == 302
    assert not MediaInquiry.objects.exists()
