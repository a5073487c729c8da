import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from events.models import Event
from registrations.jobs import registrations_anonymise, reminders_send
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_jobs_are_scheduled():
    assert settings.SCHEDULE["registrations.jobs.reminders_send"] == "daily"
    assert settings.SCHEDULE["registrations.jobs.registrations_anonymise"] == "daily"


def test_reminder_goes_the_day_before_once(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    tomorrow = EventFactory(registration_mode="portal", starts_on=today + datetime.timedelta(days=1), online_link="https://konferenz.example/raum")  # fmt: skip
    seated = RegistrationFactory(event=tomorrow, email="dabei@stadt.example")
    RegistrationFactory(event=tomorrow, status="warteliste")
    RegistrationFactory(event=tomorrow, status="storniert")
    RegistrationFactory(event__starts_on=today + datetime.timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=today) == 1
    (message,) = mail.outbox
    assert message.to == ["dabei@stadt.example"]
    assert "https://konferenz.example/raum" in message.body
    assert seated.cancel_url() in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=today) == 0
    assert len(mail.outbox) == 1


def test_anonymisation_removes_personal_data_and_keeps_the_counts(settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    today = timezone.localdate()
    old = EventFactory(registration_mode="portal", starts_on=today - datetime.timedelta(days=31))
    recent = EventFactory(registration_mode="portal", starts_on=today - datetime.timedelta(days=29))  # fmt: skip
    RegistrationFactory.create_batch(3, event=old, status="teilgenommen", answers={"Ernährung": "vegan"})  # fmt: skip
    RegistrationFactory(event=old, status="storniert")
    kept = RegistrationFactory(event=recent, status="teilgenommen")

    assert registrations_anonymise(today=today) == 4
    assert registrations_anonymise(today=today) == 0
    for registration in old.registrations.all():
        assert (registration.name, registration.email, registration.organisation) == ("", "", "")
        assert registration.answers == {} and registration.user is None
        assert registration.anonymised_at is not None
    assert Event.objects.with_participants().get(pk=old.pk).participants == 3
    kept.refresh_from_db()
    assert kept.email and kept.anonymised_at is None
