"""Registrations: every write that takes, frees or moves a seat, and the mails it causes.

Seats are handed out under a row lock on the event (``select_for_update``) inside one
transaction, so two people can never take the last seat at the same time; the waiting list is
ordered by the moment each person got in line under that lock.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.freshness import content_changed
from core.mail import mail_send
from events.calendar import calendar_build
from events.models import Event
from registrations.models import Registration


class RegistrationError(Exception):
    """A registration that is not possible; the message is German and meant for the person."""


def mail_build(registration: Registration, template: str, *, subject: str, **context):
    body = render_to_string(
        f"registrations/mail/{template}.txt",
        {"registration": registration, "event": registration.event, **context},
    )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )


def _confirmation(registration: Registration) -> EmailMessage:
    event = registration.event
    if registration.holds_seat:
        message = mail_build(
            registration, "confirmation", subject=f"Anmeldung bestätigt: {event.display_title}"
        )
        message.attach(
            f"{event.slug}.ics",
            calendar_build([event], name=event.display_title),
            "text/calendar; charset=utf-8",
        )
        return message
    return mail_build(
        registration,
        "waiting",
        subject=f"Warteliste: {event.display_title}",
        position=registration.waiting_position(),
    )


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _place(registration: Registration, event: Event) -> None:
    """Give ``registration`` a seat or a place in line; the caller holds the event's lock."""
    taken = event.registrations.seated().count()
    free = event.capacity is None or taken < event.capacity
    registration.status = Registration.Status.REGISTERED if free else Registration.Status.WAITING
    registration.queued_at = timezone.now()


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    answers: dict | None = None,
    user=None,
) -> Registration:
    """Register for ``event``.

    A member with an account (``user``) takes a seat or a place in line at once. Anybody else
    gets an unconfirmed registration and a mail with a signed link; only following it
    (``registration_confirm``) takes a seat, so nobody can register somebody else.
    """
    with transaction.atomic():
        event = _lock(event)
        if not event.registration_open():
            raise RegistrationError("Für diesen Termin ist keine Anmeldung möglich.")
        # An unconfirmed registration holds nothing: registering again sends a fresh link.
        event.registrations.filter(
            status=Registration.Status.UNCONFIRMED, email__iexact=email
        ).delete()
        if (
            event.registrations.exclude(status=Registration.Status.CANCELLED)
            .filter(email__iexact=email)
            .exists()
        ):
            raise RegistrationError("Diese E-Mail-Adresse ist für den Termin bereits angemeldet.")
        registration = Registration(
            event=event,
            user=user,
            name=name,
            email=email,
            organisation=organisation,
            answers=answers or {},
        )
        if user is not None:
            _place(registration, event)
            registration.save()
            mail_send(_confirmation(registration))
        else:
            registration.save()
            mail_send(
                mail_build(
                    registration,
                    "confirm_request",
                    subject=f"Bitte bestätigen Sie Ihre Anmeldung: {event.display_title}",
                )
            )
    return registration


def registration_confirm(*, registration: Registration) -> Registration:
    """The double opt-in: the person followed the link, now they get a seat or a place in
    line. Confirming twice changes nothing."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_unconfirmed:
            return registration
        if not event.registration_open():
            raise RegistrationError("Die Anmeldung zu diesem Termin ist inzwischen geschlossen.")
        _place(registration, event)
        registration.save(update_fields=["status", "queued_at"])
        mail_send(_confirmation(registration))
    return registration


def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel; a freed seat goes to the first in line, who is told by mail."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_cancelled:
            return registration
        freed = registration.holds_seat
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status"])
        if freed and not event.is_over():
            registrations_promote(event=event)
    return registration


def registrations_fill(*, event: Event) -> list[Registration]:
    """After the office raised the capacity: move people up from the waiting list."""
    with transaction.atomic():
        event = _lock(event)
        if event.is_over():
            return []
        return registrations_promote(event=event)


def registrations_promote(*, event: Event) -> list[Registration]:
    """Move people up from the waiting list while seats are free; the caller holds the lock."""
    promoted = []
    taken = event.registrations.seated().count()
    for registration in event.registrations.waiting().select_for_update():
        if event.capacity is not None and taken >= event.capacity:
            break
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        taken += 1
        promoted.append(registration)
        message = _confirmation(registration)
        message.subject = f"Sie haben einen Platz: {event.display_title}"
        mail_send(message)
    return promoted


def registrations_message(*, event: Event, subject: str, text: str) -> int:
    """Mail ``text`` to everybody with a seat at ``event``; returns how many were written to."""
    registrations = list(event.registrations.seated().exclude(email=""))
    mail_send(
        *(
            mail_build(registration, "office_message", subject=subject, text=text)
            for registration in registrations
        )
    )
    return len(registrations)


def registrations_mark_attended(*, registrations, attended: bool = True) -> int:
    """Tick (or untick) attendance; only people with a seat can have attended."""
    content_changed()  # participant counts show on public pages; update() sends no signal
    if attended:
        return registrations.filter(status=Registration.Status.REGISTERED).update(
            status=Registration.Status.ATTENDED
        )
    return registrations.filter(status=Registration.Status.ATTENDED).update(
        status=Registration.Status.REGISTERED
    )
