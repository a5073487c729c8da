import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Event
from registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = "https://konferenz.example/geheimer-raum"


@pytest.fixture(params=["anonymous", "member", "staff_without_second_factor", "staff"])
def person(request, client):
    """The same request as anonymous, member, staff without a second factor, office staff."""
    if request.param == "staff_without_second_factor":
        client.force_login(UserFactory(member=None, is_staff=True, totp=False))
    elif request.param != "anonymous":
        client.force_login(request.getfixturevalue(f"{request.param}_user"))
    client.kind = request.param
    return client


def portal_event(**kwargs):
    defaults = dict(registration_mode=Event.RegistrationMode.PORTAL, capacity=5)
    return EventFactory(**{**defaults, **kwargs})


# The registration page -----------------------------------------------------------------------


def test_members_only_registration_page_per_person(person):
    event = portal_event(slug="austausch-kos", audience=Event.Audience.MEMBERS)
    response = person.get("/anmeldung/austausch-kos/")
    if person.kind == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
    elif person.kind == "staff_without_second_factor":
        assert response.status_code == 403  # no member access until the factor is set up
    else:
        assert response.status_code == 200
        assert "Sie melden sich als" in response.text
        assert "E-Mail-Adresse" not in response.text  # one click: the account knows
    assert not event.registrations.exists()


def test_public_registration_page_per_person(person):
    portal_event(slug="siba", registration_audience=Event.RegistrationAudience.ANYONE)
    response = person.get("/anmeldung/siba/")
    assert response.status_code == 200
    if person.kind == "anonymous":
        assert "E-Mail-Adresse" in response.text
        assert "Erst wenn Sie ihn aufrufen" in response.text


def test_internal_event_registration_is_hidden_from_the_public(client):
    portal_event(slug="intern", audience=Event.Audience.INTERNAL)
    assert client.get("/anmeldung/intern/").status_code == 404
    assert client.get("/anmeldung/gibt-es-nicht/").status_code == 404


def test_member_registers_with_one_click(client, member_user, django_capture_on_commit_callbacks):
    event = portal_event(slug="ein-klick")
    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/anmeldung/ein-klick/")
    assert response.status_code == 302
    registration = event.registrations.get()
    assert registration.email == member_user.email
    assert registration.name == member_user.get_full_name()
    assert registration.organisation == "Stadt Essen"
    assert registration.status == Registration.Status.REGISTERED
    page = client.get(event.get_absolute_url()).text
    assert "Sie sind angemeldet" in page
    assert len(mail.outbox) == 1


def test_required_question_keeps_what_was_typed(client, member_user):
    event = portal_event(slug="fragen")
    question = event.registration_questions.create(label="Ernährungswünsche", required=True)
    choice = event.registration_questions.create(
        label="Teilnahmeform", kind="auswahl", options="vor Ort\nonline", required=True
    )
    client.force_login(member_user)
    response = client.post("/anmeldung/fragen/", {f"frage_{choice.pk}": "online"})
    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich" in response.text
    assert 'value="online" selected' in response.text
    response = client.post(
        "/anmeldung/fragen/", {f"frage_{choice.pk}": "online", f"frage_{question.pk}": "vegan"}
    )
    assert response.status_code == 302
    assert event.registrations.get().answers == {"Ernährungswünsche": "vegan", "Teilnahmeform": "online"}  # fmt: skip


def test_bad_input_gives_german_errors_not_500(client):
    portal_event(slug="offen", registration_audience=Event.RegistrationAudience.ANYONE)
    response = client.post("/anmeldung/offen/", {"name": "", "email": "kein-mail"})
    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in response.text


def test_double_opt_in_takes_no_seat_until_the_link_is_followed(
    client, django_capture_on_commit_callbacks
):
    event = portal_event(
        slug="webinar", capacity=1, registration_audience=Event.RegistrationAudience.ANYONE
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/anmeldung/webinar/",
            {"name": "Max Muster", "email": "max@example.org", "organisation": "Verein"},
        )
    assert response.status_code == 200
    assert "Bitte bestätigen Sie Ihre Anmeldung" in response.text
    registration = event.registrations.get()
    assert registration.status == Registration.Status.UNCONFIRMED
    assert Event.objects.with_seats().get(pk=event.pk).seats_left == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/bestaetigen/" in line)
    path = link.removeprefix("http://127.0.0.1:8000")
    # Opening the link (a mail scanner does that) takes no seat either; the button does.
    assert client.get(path).status_code == 200
    assert event.registrations.seated().count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert "Sie sind angemeldet" in response.text
    assert event.registrations.seated().count() == 1
    assert mail.outbox[-1].attachments


def test_forged_or_expired_links_get_a_german_404(client):
    registration = RegistrationFactory(status="unbestaetigt")
    assert client.get("/anmeldung/bestaetigen/falsch/").status_code == 404
    assert client.get("/anmeldung/stornieren/falsch/").status_code == 404
    # The cancel token does not confirm, and vice versa.
    assert client.get(f"/anmeldung/bestaetigen/{registration.cancel_token()}/").status_code == 404
    assert "nicht (mehr) gültig" in client.get("/anmeldung/stornieren/x:y/").text


def test_confirm_and_cancel_links_per_person(person):
    registration = RegistrationFactory(status="unbestaetigt")
    assert person.get(f"/anmeldung/bestaetigen/{registration.confirm_token()}/").status_code == 200
    assert person.get(f"/anmeldung/stornieren/{registration.cancel_token()}/").status_code == 200
    response = person.post(f"/anmeldung/stornieren/{registration.cancel_token()}/")
    assert "Ihre Anmeldung ist storniert" in response.text
    registration.refresh_from_db()
    assert registration.is_cancelled


# The event page ------------------------------------------------------------------------------


def test_event_page_and_list_show_free_seats_and_full(client):
    free = portal_event(slug="frei", capacity=5, registration_audience="alle")
    RegistrationFactory.create_batch(2, event=free)
    full = portal_event(slug="voll", capacity=1, registration_audience="alle")
    RegistrationFactory(event=full)
    assert "noch 3 Plätze" in client.get("/termine/frei/").text
    assert "ausgebucht – Warteliste" in client.get("/termine/voll/").text
    listing = client.get("/termine/").text
    assert "noch 3 Plätze" in listing and "ausgebucht – Warteliste" in listing


def test_online_link_only_for_registered_people(client, member_user):
    event = portal_event(slug="online", online=True, online_link=LINK, registration_audience="alle")
    assert LINK not in client.get("/termine/online/").text
    assert LINK not in client.get("/termine/kalender.ics").text
    assert LINK not in client.get("/termine/online/kalender.ics").text
    assert LINK not in client.get("/suche/", {"q": "geheimer-raum"}).text
    client.force_login(member_user)
    assert LINK not in client.get("/termine/online/").text
    RegistrationFactory(event=event, user=member_user, email=member_user.email)
    assert LINK in client.get("/termine/online/").text


def test_external_link_of_members_only_event_is_not_shown_to_the_public(client, member_user):
    EventFactory(slug="extern", audience=Event.Audience.MEMBERS, registration_mode="extern", registration_url="https://anmeldung.example/geheim")  # fmt: skip
    page = client.get("/termine/extern/").text
    assert "https://anmeldung.example/geheim" not in page
    assert "Als Mitglied einloggen" in page
    client.force_login(member_user)
    assert "https://anmeldung.example/geheim" in client.get("/termine/extern/").text


def test_past_events_offer_no_registration_and_no_calendar(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    portal_event(slug="vorbei-portal", starts_on=yesterday, registration_audience="alle")
    EventFactory(slug="vorbei-extern", starts_on=yesterday, registration_mode="extern", registration_url="https://anmeldung.example/alt")  # fmt: skip
    for slug in ("vorbei-portal", "vorbei-extern"):
        page = client.get(f"/termine/{slug}/").text
        assert "In den Kalender" not in page
        assert "Zur Anmeldung" not in page and "Jetzt anmelden" not in page
    assert client.post("/anmeldung/vorbei-portal/", {"name": "A", "email": "a@example.org"}).status_code == 400  # fmt: skip


def test_event_list_query_count_does_not_grow_with_events(client, django_assert_max_num_queries):
    for _ in range(30):
        event = portal_event(capacity=10, registration_audience="alle")
        RegistrationFactory.create_batch(2, event=event)
    with django_assert_max_num_queries(6):
        assert client.get("/termine/").status_code == 200


def test_event_page_query_budget(client, member_user, django_assert_max_num_queries):
    event = portal_event(slug="budget")
    RegistrationFactory.create_batch(50, event=event)
    RegistrationFactory(event=event, user=member_user, email=member_user.email)
    client.force_login(member_user)
    with django_assert_max_num_queries(14):
        assert client.get("/termine/budget/").status_code == 200


def test_registration_pages_have_a_pinned_query_budget(
    client, member_user, django_assert_max_num_queries
):
    event = portal_event(slug="budget", registration_audience="alle")
    for position in range(3):
        event.registration_questions.create(label=f"Frage {position}")
    RegistrationFactory.create_batch(100, event=event)
    registration = RegistrationFactory(event=event, status="unbestaetigt")
    with django_assert_max_num_queries(6):
        assert client.get("/anmeldung/budget/").status_code == 200
    with django_assert_max_num_queries(6):
        client.get(f"/anmeldung/bestaetigen/{registration.confirm_token()}/")
    with django_assert_max_num_queries(6):
        client.get(f"/anmeldung/stornieren/{registration.cancel_token()}/")
    client.force_login(member_user)
    with django_assert_max_num_queries(10):
        assert client.get("/anmeldung/budget/").status_code == 200
