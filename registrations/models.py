import datetime

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import SEATED_STATUSES

CONFIRM_SALT = "registrations.confirm"
CANCEL_SALT = "registrations.cancel"
CONFIRM_MAX_AGE = datetime.timedelta(days=3)


class Question(models.Model):
    """An extra question on the registration form, e.g. Teilnahmeform or Ernährungswünsche."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Freitext")
        CHOICE = "auswahl", _("Auswahl")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registration_questions",
        verbose_name=_("Termin"),
    )
    label = models.CharField(_("Frage"), max_length=200)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind, default=Kind.TEXT)
    options = models.TextField(
        _("Antwortmöglichkeiten"),
        blank=True,
        help_text=_("Nur bei Auswahl: eine Möglichkeit pro Zeile, z. B. „vor Ort“ und „online“."),
    )
    required = models.BooleanField(_("Pflichtfeld"), default=False)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Zusatzfrage")
        verbose_name_plural = _("Zusatzfragen")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="auswahl") | ~Q(options=""),
                name="question_choice_has_options",
                violation_error_message=_("Eine Auswahlfrage braucht Antwortmöglichkeiten."),
            )
        ]

    def __str__(self):
        return self.label

    @property
    def is_choice(self) -> bool:
        return self.kind == self.Kind.CHOICE

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class RegistrationQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(status__in=SEATED_STATUSES)

    def waiting(self):
        """The waiting list, first in line first."""
        return self.filter(status=Registration.Status.WAITING).order_by("queued_at", "pk")

    def active(self):
        """Everybody who still holds a seat or a place in line (not unconfirmed, not cancelled)."""
        return self.filter(status__in=[*SEATED_STATUSES, Registration.Status.WAITING])

    def own(self, *, event, user):
        """``user``'s current registration for ``event`` (not cancelled), or None."""
        if not user.is_authenticated:
            return None
        return (
            self.filter(event=event, user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )

    def for_attendee_list(self):
        return self.select_related("event", "user", "user__member").order_by("queued_at", "pk")

    def to_anonymise(self, today: datetime.date, days: int):
        """Registrations of events that ended more than ``days`` days before ``today``."""
        cutoff = today - datetime.timedelta(days=days)
        return self.filter(anonymised_at__isnull=True).filter(
            Q(event__ends_on__lt=cutoff)
            | Q(event__ends_on__isnull=True, event__starts_on__lt=cutoff)
        )


class Registration(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unbestaetigt", _("unbestätigt")
        REGISTERED = "angemeldet", _("angemeldet")
        WAITING = "warteliste", _("Warteliste")
        CANCELLED = "storniert", _("storniert")
        ATTENDED = "teilgenommen", _("teilgenommen")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("Termin"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("Konto"),
    )
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    answers = models.JSONField(_("Antworten"), default=dict, blank=True)
    status = models.CharField(
        _("Status"), max_length=15, choices=Status, default=Status.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("angemeldet am"), default=timezone.now)
    queued_at = models.DateTimeField(
        _("eingereiht am"),
        null=True,
        blank=True,
        help_text=_("Wann die Anmeldung bestätigt wurde; bestimmt die Reihenfolge der Warteliste."),
    )
    reminded_at = models.DateTimeField(_("erinnert am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisiert am"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["event", "queued_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="registration_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="storniert") & ~Q(email=""),
                name="registration_once_per_email",
                violation_error_message=_("Diese E-Mail-Adresse ist bereits angemeldet."),
            )
        ]

    def __str__(self):
        return f"{self.name or _('anonymisiert')} – {self.event.display_title}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEATED_STATUSES

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_unconfirmed(self) -> bool:
        return self.status == self.Status.UNCONFIRMED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def may_see_online_link(self) -> bool:
        return self.holds_seat

    def waiting_position(self) -> int | None:
        """1 for the first in line; None when not on the waiting list."""
        if not self.is_waiting:
            return None
        ahead = Registration.objects.filter(event_id=self.event_id, status=self.Status.WAITING)
        ahead = ahead.filter(
            Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    def confirm_token(self) -> str:
        """Signed and dated: a confirmation link expires after CONFIRM_MAX_AGE."""
        return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(self.pk)

    def cancel_token(self) -> str:
        """Signed, not dated: the cancel link works until the registration is anonymised."""
        return signing.Signer(salt=CANCEL_SALT).sign_object(self.pk)

    def confirm_url(self) -> str:
        return settings.SITE_URL + reverse(
            "registrations:confirm", kwargs={"token": self.confirm_token()}
        )

    def cancel_url(self) -> str:
        return settings.SITE_URL + reverse(
            "registrations:cancel", kwargs={"token": self.cancel_token()}
        )

    @classmethod
    def from_token(cls, token: str, *, salt: str, max_age=None):
        """The registration a signed link names, or None if the link is forged or expired."""
        try:
            if max_age is None:
                pk = signing.Signer(salt=salt).unsign_object(token)
            else:
                pk = signing.TimestampSigner(salt=salt).unsign_object(token, max_age=max_age)
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.select_related("event").filter(pk=pk, anonymised_at=None).first()
