"""Periodic jobs of the registrations, run by the task worker (settings.SCHEDULE)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.mail import mail_send
from registrations.models import Registration
from registrations.services import mail_build


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind everybody with a seat of tomorrow's event, once."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    with transaction.atomic():
        registrations = list(
            Registration.objects.seated()
            .filter(event__starts_on=tomorrow, reminded_at__isnull=True)
            .exclude(email="")
            .select_related("event")
            .select_for_update(of=("self",), skip_locked=True)
        )
        mail_send(
            *(
                mail_build(r, "reminder", subject=f"Morgen: {r.event.display_title}")
                for r in registrations
            )
        )
        Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
            reminded_at=timezone.now()
        )
    return len(registrations)


def registrations_anonymise(*, today: datetime.date | None = None) -> int:
    """Remove names, addresses and answers REGISTRATION_RETENTION_DAYS after the event.

    The rows and their statuses stay, so seat and participant counts stay right.
    """
    registrations = Registration.objects.to_anonymise(
        today or timezone.localdate(), settings.REGISTRATION_RETENTION_DAYS
    )
    return registrations.update(
        user=None, name="", email="", organisation="", answers={}, anonymised_at=timezone.now()
    )
