import csv
import io

import openpyxl
import pytest
from django.core import mail

from registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/verwaltung/registrations/registration/"


@pytest.fixture
def event():
    return EventFactory(registration_mode="portal", capacity=600, title="SiBa-Workshop")


def action(client, name, registrations, **data):
    return client.post(
        CHANGELIST,
        {"action": name, "_selected_action": [r.pk for r in registrations], **data},
    )


@pytest.mark.parametrize(
    "path",
    [CHANGELIST, CHANGELIST + "add/", "/verwaltung/events/event/add/"],
)
def test_admin_pages_per_person(client, member_user, staff_user, path):
    assert client.get(path).status_code == 302  # anonymous: to the login
    client.force_login(member_user)
    assert client.get(path).status_code == 302  # no admin for members
    client.force_login(UserFactory(member=None, is_staff=True, totp=False))
    assert client.get(path)["Location"] == "/konto/2fa/totp/activate/"
    client.force_login(staff_user)
    assert client.get(path).status_code == 200


def test_actions_are_refused_to_members(client, member_user, event):
    registration = RegistrationFactory(event=event)
    client.force_login(member_user)
    response = action(client, "export_csv", [registration])
    assert response.status_code == 302 and "teilnehmerliste" not in response.get("Content-Disposition", "")  # fmt: skip


def test_attendee_list_of_500_has_a_pinned_query_budget(
    client, staff_user, event, django_assert_max_num_queries
):
    RegistrationFactory.create_batch(500, event=event)
    client.force_login(staff_user)
    with django_assert_max_num_queries(16):
        response = client.get(CHANGELIST, {"event__id__exact": event.pk})
    assert response.status_code == 200
    assert response.text.count('name="_selected_action"') == 500
    assert "Warteliste" in response.text and "teilgenommen" in response.text  # the filter


def test_event_form_links_to_the_attendee_list_and_has_questions(client, staff_user, event):
    client.force_login(staff_user)
    response = client.get(f"/verwaltung/events/event/{event.pk}/change/")
    assert f"?event__id__exact={event.pk}" in response.text
    assert "Zusatzfragen" in response.text
    assert "Plätze" in response.text and "Zugangslink (online)" in response.text


def test_ticking_attendance_counts_participants(client, staff_user, event):
    came = RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="warteliste")
    client.force_login(staff_user)
    action(client, "mark_attended", [*came, waiting])
    assert event.registrations.filter(status="teilgenommen").count() == 3
    assert Registration.objects.get(pk=waiting.pk).is_waiting
    assert event.participants == 3


def test_exports_csv_and_xlsx(client, staff_user, event):
    rows = [
        RegistrationFactory(event=event, name="Jana Schröder", answers={"Teilnahmeform": "online"}),
        RegistrationFactory(event=event, name="Ömer Yılmaz", status="warteliste"),
    ]
    client.force_login(staff_user)
    response = action(client, "export_csv", rows)
    text = response.content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0][:3] == ["Termin", "Datum", "Name"]
    assert table[1][2] == "Jana Schröder" and table[1][5] == "angemeldet"
    assert table[1][7] == "Teilnahmeform: online"
    assert table[2][5] == "Warteliste"

    response = action(client, "export_xlsx", rows)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][2] == "Name" and values[2][2] == "Ömer Yılmaz"


def test_sign_in_sheet_lists_people_with_a_seat(client, staff_user, event):
    rows = [
        RegistrationFactory(event=event, name="Jana Schröder"),
        RegistrationFactory(event=event, name="Auf Warteliste", status="warteliste"),
    ]
    client.force_login(staff_user)
    response = action(client, "sign_in_sheet", rows)
    assert response.status_code == 200
    assert "Unterschriftenliste" in response.text and "Jana Schröder" in response.text
    assert "Auf Warteliste" not in response.text


def test_message_to_all_registered(client, staff_user, event, django_capture_on_commit_callbacks):
    seated = RegistrationFactory.create_batch(2, event=event)
    waiting = RegistrationFactory(event=event, status="warteliste")
    client.force_login(staff_user)
    response = action(client, "message_registered", [*seated, waiting])
    assert response.status_code == 200
    assert "Nachricht verschicken" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = action(
            client,
            "message_registered",
            [*seated, waiting],
            send="1",
            subject="Raumänderung",
            text="Wir treffen uns im Neuen Rathaus, Raum 3.",
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in seated)
    assert "Neuen Rathaus" in mail.outbox[0].body
    assert seated[0].cancel_url() in {m.body.split("stornieren: ")[1].split()[0] for m in mail.outbox}  # fmt: skip


def test_event_changelist_shows_seats_and_participants_in_few_queries(
    client, staff_user, django_assert_max_num_queries
):
    for _ in range(40):
        event = EventFactory(registration_mode="portal", capacity=10)
        RegistrationFactory.create_batch(2, event=event, status="teilgenommen")
    EventFactory(participant_count=54)
    client.force_login(staff_user)
    with django_assert_max_num_queries(16):
        response = client.get("/verwaltung/events/event/")
    assert "2 / 10" in response.text and "54" in response.text


def test_office_cancels_and_raises_capacity_and_the_waiting_list_moves_up(
    client, staff_user, django_capture_on_commit_callbacks
):
    event = EventFactory(registration_mode="portal", capacity=1, title="SiBa-Workshop")
    seated = RegistrationFactory(event=event)
    first, second, third = (RegistrationFactory(event=event, status="warteliste") for _ in range(3))
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        action(client, "cancel", [seated])
    assert Registration.objects.get(pk=first.pk).holds_seat
    assert [m.to for m in mail.outbox] == [[first.email]]

    data = {
        "title": event.title, "slug": event.slug, "kind": event.kind, "audience": event.audience,
        "starts_on": event.starts_on.strftime("%d.%m.%Y"), "online": "on",
        "organiser_role": event.organiser_role, "registration_mode": "portal", "capacity": 3,
        "registration_audience": "alle", "status": "veroeffentlicht",
        "registration_questions-TOTAL_FORMS": 0, "registration_questions-INITIAL_FORMS": 0,
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/verwaltung/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert event.registrations.seated().count() == 3
    assert {m.to[0] for m in mail.outbox[1:]} == {second.email, third.email}
