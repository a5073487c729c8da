import datetime
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.access import has_member_access
from core.fields import (
    RichTextField,
    search_index,
    search_indexes,
    search_vector,
    search_vector_field,
)
from core.files import OwnedFileField, protected_storage
from core.querysets import count_per_row
from core.uploads import validate_upload
from members.models import Member

DEADLINE_MAX_DAYS = 366  # an Abfrage asks for answers within a year at most
INQUIRY_SEARCH_VECTOR = search_vector(title=("title",), text=("context",))
# Searched only once it is published, so apart from the rest.
INQUIRY_SUMMARY_SEARCH_VECTOR = search_vector(text=("summary",))
ANSWER_SEARCH_VECTOR = search_vector(text=("text",))


def latest_deadline(asked_on: datetime.date | None = None) -> datetime.date:
    return (asked_on or timezone.localdate()) + datetime.timedelta(days=DEADLINE_MAX_DAYS)


def deadline_too_late(asked_on: datetime.date | None = None) -> str:
    return _(
        "Die Frist darf höchstens ein Jahr nach der Abfrage liegen, also spätestens am %(latest)s."
    ) % {"latest": date_format(latest_deadline(asked_on), "d.m.Y")}


def validate_answer_attachment(file) -> None:
    """The same types and content checks as for documents, up to
    ``ANSWER_ATTACHMENT_MAX_MB``; the message names the file, as an answer may carry several."""
    try:
        validate_upload(file, max_mb=settings.ANSWER_ATTACHMENT_MAX_MB)
    except ValidationError as error:
        name = os.path.basename(file.name or "")
        raise ValidationError(f"„{name}“: {' '.join(error.messages)}", code=error.code) from None


class InquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if has_member_access(user) else self.none()

    def open(self, today: datetime.date):
        """Still taking answers: the deadline day itself counts (Europe/Berlin)."""
        return self.filter(deadline__gte=today)

    def closed(self, today: datetime.date):
        return self.filter(deadline__lt=today)

    def with_published_summary(self):
        """Those whose summary the office has published (the time may lie ahead)."""
        return self.filter(summary_published_at__lte=Now())

    def with_answer_count(self):
        """Annotate ``answer_count``; a subquery per row, so counting the inquiries never
        joins all their answers."""
        return self.annotate(answer_count=count_per_row(Answer.objects.all(), "inquiry"))

    def with_answer_of(self, member):
        """Annotate ``answered``: whether ``member`` has answered (False without a member)."""
        if member is None:
            return self.annotate(answered=models.Value(False))
        return self.annotate(
            answered=models.Exists(
                Answer.objects.filter(inquiry=models.OuterRef("pk"), member=member)
            )
        )

    def by_year(self):
        """Newest year first, and within a year in the order they were asked, as the annual
        report lists them."""
        return self.annotate(year=ExtractYear("created_at")).order_by("-year", "created_at", "pk")


class Inquiry(models.Model):
    """An Abfrage: a member (or the office) asks the whole network a question."""

    title = models.CharField(_("Titel"), max_length=250)
    context = models.TextField(
        _("Hintergrund und Fragen"),
        help_text=_("Worum es geht und was Sie von den anderen Mitgliedern wissen möchten."),
    )
    deadline = models.DateField(
        _("Antworten bis"), help_text=_("Bis einschließlich zu diesem Tag können alle antworten.")
    )
    asked_by_member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("gefragt von (Mitglied)"),
        help_text=_("Leer = die DEFUS-Geschäftsstelle fragt."),
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("gestellt von"),
    )
    created_at = models.DateTimeField(_("gestellt am"), default=timezone.now)
    collection = models.ForeignKey(
        "knowledge.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("abgelegt in"),
        help_text=_("Die Informationssammlung, in der die Abfrage nach der Frist steht."),
    )
    late_answers_until = models.DateField(
        _("späte Antworten bis"),
        null=True,
        blank=True,
        help_text=_(
            "Nimmt nach der Frist noch Antworten an, bis einschließlich zu diesem Tag. "
            "Leer = nach der Frist keine Antworten mehr."
        ),
    )
    reminder_sent_at = models.DateTimeField(
        _("Erinnerung versandt am"),
        null=True,
        blank=True,
        help_text=_(
            "Drei Tage vor der Frist erinnert das Portal einmal, wer noch nicht antwortete."
        ),
    )
    overview_sent_at = models.DateTimeField(
        _("Übersicht versandt am"),
        null=True,
        blank=True,
        help_text=_("Nach der Frist erhalten Geschäftsstelle und Fragende die Übersicht."),
    )
    summary = RichTextField(
        _("Zusammenfassung"),
        blank=True,
        help_text=_("Schreibt die Geschäftsstelle nach Ablauf der Frist."),
    )
    summary_published_at = models.DateTimeField(
        _("Zusammenfassung veröffentlicht am"),
        null=True,
        blank=True,
        help_text=_("Leer = Entwurf: Die Mitglieder sehen die Zusammenfassung erst ab dann."),
    )

    search_vector = search_vector_field(INQUIRY_SEARCH_VECTOR)
    summary_search_vector = search_vector_field(
        INQUIRY_SUMMARY_SEARCH_VECTOR, verbose_name=_("Suchwörter der Zusammenfassung")
    )
    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Abfrage")
        verbose_name_plural = _("Abfragen")
        ordering = ["-created_at"]
        indexes = [
            *search_indexes("inquiry"),
            search_index("summary_search_vector", "inquiry_summary_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(summary_published_at__isnull=True) | ~models.Q(summary=""),
                name="inquiry_published_summary_has_text",
                violation_error_message=_("Eine veröffentlichte Zusammenfassung braucht Text."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("inquiries:detail", kwargs={"pk": self.pk})

    def clean(self):
        asked_on = timezone.localdate(self.created_at) if self.created_at else None
        if self.deadline and self.deadline > latest_deadline(asked_on):
            raise ValidationError({"deadline": deadline_too_late(asked_on)})
        published = self.summary_published_at
        if published and self.deadline and timezone.localdate(published) <= self.deadline:
            raise ValidationError(
                {"summary_published_at": _("Die Zusammenfassung erscheint erst nach der Frist.")}
            )

    @property
    def asker(self) -> str:
        return str(self.asked_by_member) if self.asked_by_member_id else _("DEFUS-Geschäftsstelle")

    @staticmethod
    def validate_new_deadline(deadline: datetime.date) -> None:
        """The deadline of a new Abfrage: after today, and at most a year ahead."""
        if deadline <= timezone.localdate():
            raise ValidationError(
                _("Die Frist muss in der Zukunft liegen, damit die Mitglieder antworten können.")
            )
        if deadline > latest_deadline():
            raise ValidationError(deadline_too_late())

    def is_open(self, today: datetime.date | None = None) -> bool:
        """Still taking answers: the deadline day itself counts (Europe/Berlin)."""
        return self.deadline >= (today or timezone.localdate())

    def takes_answers(self, today: datetime.date | None = None) -> bool:
        """Open, or past the deadline while the office still accepts late answers."""
        today = today or timezone.localdate()
        late = self.late_answers_until
        return self.is_open(today) or (late is not None and late >= today)

    @property
    def answers_until(self) -> datetime.date:
        """The last day an answer can be given or changed."""
        return max(self.deadline, self.late_answers_until or self.deadline)

    @staticmethod
    def answer_status(answered: int, asked: int) -> str:
        """ "noch keine Antwort", "1 von 22 Mitgliedern hat geantwortet", ..."""
        if not answered:
            return _("noch keine Antwort")
        return ngettext(
            "%(answered)s von %(asked)s Mitgliedern hat geantwortet",
            "%(answered)s von %(asked)s Mitgliedern haben geantwortet",
            answered,
        ) % {"answered": answered, "asked": max(asked, answered)}

    def is_asked_of(self, user) -> bool:
        """Every member with access answers, except the one that asked; the office does not."""
        member_id = getattr(user, "member_id", None)
        return (
            has_member_access(user)
            and member_id is not None
            and (member_id != self.asked_by_member_id)
        )

    def answer_refusal(self, user, today: datetime.date | None = None) -> str:
        """Why ``user`` may not answer (now), in German; empty if they may."""
        if not self.is_asked_of(user):
            if has_member_access(user) and user.member_id == self.asked_by_member_id:
                return _("Auf die eigene Abfrage antwortet Ihr Mitglied nicht.")
            return _("Nur Mitglieder können auf Abfragen antworten.")
        if not self.takes_answers(today):
            return _(
                "Die Frist ist am %(deadline)s abgelaufen; Antworten lassen sich nicht mehr "
                "geben oder ändern."
            ) % {"deadline": date_format(self.answers_until, "d.m.Y")}
        return ""

    def may_be_answered_by(self, user, today: datetime.date | None = None) -> bool:
        return not self.answer_refusal(user, today)

    @property
    def summary_is_published(self) -> bool:
        return bool(self.summary_published_at and self.summary_published_at <= timezone.now())

    @property
    def published_summary(self) -> str:
        return self.summary if self.summary_is_published else ""

    def members_by_answer_status(self):
        """The members asked (active from the day of the question until its deadline, or
        until today), and anyone who answered, each annotated with ``has_answered``.
        One query."""
        asked_on = timezone.localdate(self.created_at)
        until = min(self.deadline, timezone.localdate())
        asked = Member.objects.active_on(asked_on).active_on(until).values("pk")
        return (
            Member.objects.annotate(
                has_answered=models.Exists(
                    Answer.objects.filter(inquiry=self, member=models.OuterRef("pk"))
                )
            )
            .filter(models.Q(has_answered=True) | models.Q(pk__in=asked))
            .exclude(pk=self.asked_by_member_id)
            .order_by("name")
        )


class Answer(models.Model):
    """A member's answer to an Abfrage: one per member, editable until the deadline."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="answers", verbose_name=_("Abfrage")
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="answers", verbose_name=_("Mitglied")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("verfasst von"),
    )
    text = models.TextField(_("Antwort"))
    created_at = models.DateTimeField(_("geantwortet am"), default=timezone.now)
    updated_at = models.DateTimeField(_("zuletzt geändert"), default=timezone.now)
    asker_notified_at = models.DateTimeField(
        _("Fragende benachrichtigt am"),
        null=True,
        blank=True,
        help_text=_("Leer = die Fragenden haben von dieser Antwort noch keine E-Mail erhalten."),
    )

    search_vector = search_vector_field(ANSWER_SEARCH_VECTOR)

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        ordering = ["inquiry", "member__name"]
        indexes = [search_index("search_vector", "answer_search")]
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "member"],
                name="one_answer_per_member_and_inquiry",
                violation_error_message=_("Jedes Mitglied antwortet einmal auf eine Abfrage."),
            )
        ]

    def __str__(self):
        return f"{self.member} – {self.inquiry}"

    def get_absolute_url(self):
        return f"{self.inquiry.get_absolute_url()}#antwort-{self.member_id}"


class AnswerAttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(answer__inquiry__in=Inquiry.objects.visible_to(user))


class AnswerAttachment(models.Model):
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("Antwort")
    )
    file = OwnedFileField(
        _("Datei"),
        upload_to="abfragen/%Y/%m/",
        storage=protected_storage,
        max_length=255,
        validators=[validate_answer_attachment],
    )
    name = models.CharField(_("Dateiname"), max_length=200)
    size = models.PositiveBigIntegerField(_("Größe in Byte"))
    uploaded_at = models.DateTimeField(_("hochgeladen am"), default=timezone.now)

    objects = AnswerAttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")
        ordering = ["answer", "uploaded_at", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inquiries:attachment", kwargs={"pk": self.pk})
