import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Event
from registrations.models import Registration
from registrations.services import (
    RegistrationError,
    registration_cancel,
    registration_confirm,
    registration_create,
)
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def portal_event(**kwargs):
    return EventFactory(registration_mode=Event.RegistrationMode.PORTAL, **kwargs)


def register(event, user, **kwargs):
    return registration_create(
        event=event, user=user, name=user.get_full_name(), email=user.email, **kwargs
    )


def test_full_event_puts_next_registration_on_waitlist(django_capture_on_commit_callbacks):
    event = portal_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, UserFactory())
        second = register(event, UserFactory())
    assert first.status == Registration.Status.REGISTERED
    assert second.status == Registration.Status.WAITING
    assert second.waiting_position() == 1
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Anmeldung bestätigt", "Warteliste"]
    event.refresh_from_db()
    assert Event.objects.with_seats().get(pk=event.pk).seats_display == "ausgebucht – Warteliste"


def test_confirmation_carries_ics_and_online_link_and_cancel_link(
    django_capture_on_commit_callbacks,
):
    event = portal_event(capacity=5, online_link="https://konferenz.example/defus-raum")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, UserFactory())
    (message,) = mail.outbox
    assert "https://konferenz.example/defus-raum" in message.body
    assert registration.cancel_url() in message.body
    ((filename, content, mimetype),) = message.attachments
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in str(content)


def test_public_registration_takes_no_seat_until_confirmed(django_capture_on_commit_callbacks):
    event = portal_event(capacity=1, registration_audience=Event.RegistrationAudience.ANYONE)
    with django_capture_on_commit_callbacks(execute=True):
        pending = registration_create(
            event=event, name="Max Muster", email="max@example.org", organisation="Verein"
        )
    assert pending.status == Registration.Status.UNCONFIRMED
    assert event.registrations.seated().count() == 0
    assert "konferenz" not in mail.outbox[0].body
    assert pending.confirm_url() in mail.outbox[0].body
    assert not mail.outbox[0].attachments
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = registration_confirm(registration=pending)
    assert confirmed.status == Registration.Status.REGISTERED
    assert event.registrations.seated().count() == 1
    assert mail.outbox[-1].attachments


def test_cancellation_promotes_first_in_line_and_mails_them(django_capture_on_commit_callbacks):
    event = portal_event(capacity=1)
    seated = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status="warteliste", email="erste@stadt.example")
    RegistrationFactory(event=event, status="warteliste")
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=seated)
    first.refresh_from_db()
    assert first.status == Registration.Status.REGISTERED
    (message,) = mail.outbox
    assert message.to == ["erste@stadt.example"]
    assert message.subject.startswith("Sie haben einen Platz")
    assert event.registrations.waiting().get().waiting_position() == 1


def test_the_same_address_cannot_register_twice():
    event = portal_event()
    user = UserFactory()
    register(event, user)
    with pytest.raises(RegistrationError):
        register(event, user)


def test_no_registration_outside_the_window_or_for_past_events():
    now = timezone.now()
    later = portal_event(registration_opens_at=now + datetime.timedelta(days=1))
    closed = portal_event(registration_closes_at=now - datetime.timedelta(hours=1))
    past = portal_event(starts_on=timezone.localdate() - datetime.timedelta(days=2))
    for event in (later, closed, past):
        with pytest.raises(RegistrationError):
            register(event, UserFactory())


def test_participant_count_comes_from_attendance_else_the_typed_number():
    typed = EventFactory(participant_count=54)
    counted = EventFactory(participant_count=10)
    RegistrationFactory.create_batch(3, event=counted, status="teilgenommen")
    RegistrationFactory(event=counted, status="storniert")
    events = {e.pk: e for e in Event.objects.with_participants()}
    assert events[typed.pk].participants == 54
    assert events[counted.pk].participants == 3
    assert counted.participants == 3  # without the annotation, too


def test_registering_again_before_confirming_sends_a_fresh_link(
    django_capture_on_commit_callbacks,
):
    event = portal_event(registration_audience=Event.RegistrationAudience.ANYONE)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            registration_create(event=event, name="Max Muster", email="max@example.org")
    assert event.registrations.get().is_unconfirmed
    assert len(mail.outbox) == 2


def test_datenschutz_page_tells_about_registrations():
    from pages.models import Page

    body = Page.objects.get(slug="datenschutz").body
    assert "Anmeldungen zu Veranstaltungen" in body
    assert body.index("Anmeldungen zu Veranstaltungen") < body.index("Ihre Rechte")
