import datetime
import os
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from defus.fields import RichTextField, search_indexes, search_vector
from knowledge.storage import protected_storage
from knowledge.validators import (
    DOCUMENT_TYPES,
    extension,
    validate_document_file,
    validate_upload,
)
from members.models import Member, has_member_access

# What the site search (defus/search.py) reads, one expression per model; each model's index
# is built on it.
THEME_SEARCH_VECTOR = search_vector(title=("title",), text=("lead", "body"))
PROJECT_SEARCH_VECTOR = search_vector(
    title=("title", "acronym"),
    text=("subtitle", "lead", "description", "funder", "consortium_lead"),
)
INQUIRY_SEARCH_VECTOR = search_vector(title=("title",), text=("context",))
# Searched only once it is published, so apart from the rest.
INQUIRY_SUMMARY_SEARCH_VECTOR = search_vector(text=("summary",))
ANSWER_SEARCH_VECTOR = search_vector(text=("text",))
COLLECTION_SEARCH_VECTOR = search_vector(title=("title",), text=("description",))
ENTRY_SEARCH_VECTOR = search_vector(title=("title",), text=("description", "source"))
DOCUMENT_SEARCH_VECTOR = search_vector(title=("title",), text=("description",))


class ThemeQuerySet(models.QuerySet):
    def focus_areas(self):
        """The four Themenschwerpunkte, without the finer topics below them."""
        return self.filter(parent=None)


class Theme(models.Model):
    """One of the Themenschwerpunkte, or a finer topic under one of them."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="topics",
        verbose_name=_("gehört zum Schwerpunkt"),
        help_text=_("Leer = ein Themenschwerpunkt, der eine eigene Seite hat."),
    )
    lead = models.TextField(_("Vorspann"), blank=True)
    body = RichTextField(_("Text"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["position", "title"]
        indexes = search_indexes("theme", THEME_SEARCH_VECTOR)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("themes:detail", kwargs={"slug": (self.parent or self).slug})


class Project(models.Model):
    """A project DEFUS runs or takes part in (COSECUR, PanReflex, LegiNot, Pufii, …)."""

    title = models.CharField(_("Titel"), max_length=250)
    acronym = models.CharField(_("Kurzname"), max_length=40, help_text=_("z. B. „PanReflex“."))
    slug = models.SlugField(_("Kurzadresse"), unique=True)
    subtitle = models.CharField(_("Untertitel"), max_length=250, blank=True)
    funding_line = models.CharField(_("Förderlinie"), max_length=200, blank=True)
    funder = models.CharField(_("Fördermittelgeber"), max_length=200, blank=True)
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"), null=True, blank=True, help_text=_("Leer = dauerhaft."))
    extended_until = models.DateField(
        _("verlängert bis"), null=True, blank=True, help_text=_("Nur bei einer Verlängerung.")
    )
    consortium_lead = models.CharField(_("Konsortialführung"), max_length=200, blank=True)
    partner_count = models.PositiveSmallIntegerField(_("Zahl der Partner"), null=True, blank=True)
    defus_role = models.CharField(
        _("Rolle von DEFUS"), max_length=200, blank=True, help_text=_("z. B. „Forschungspartner“.")
    )
    website = models.URLField(_("Website"), blank=True)
    lead = models.TextField(_("Kurzbeschreibung"))
    description = RichTextField(_("Beschreibung"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("Themen"))

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["-starts_on", "title"]
        indexes = search_indexes("project", PROJECT_SEARCH_VECTOR)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
                violation_error_message=_("Das Ende muss nach dem Beginn liegen."),
            )
        ]

    def __str__(self):
        return self.acronym

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    @property
    def effective_end(self):
        return self.extended_until or self.ends_on


# Abfragen: the member exchange ("Städte helfen Städten").


class InquiryFileStorage(FileSystemStorage):
    """Answer attachments below ``PROTECTED_MEDIA_ROOT``: no public URL, only the download
    view, which checks access, hands them out."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PROTECTED_MEDIA_ROOT / "abfragen")

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PROTECTED_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Anhänge von Abfragen haben keine öffentliche Adresse.")


inquiry_storage = InquiryFileStorage()


def inquiry_attachment_storage() -> InquiryFileStorage:
    return inquiry_storage


def validate_answer_attachment(file) -> None:
    """The same types and content checks as for documents, up to
    ``ANSWER_ATTACHMENT_MAX_SIZE``; the message names the file, as an answer may carry several."""
    try:
        validate_upload(file, max_bytes=settings.ANSWER_ATTACHMENT_MAX_SIZE)
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

    def with_answer_count(self):
        return self.annotate(answer_count=models.Count("answers"))

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
        "Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("abgelegt in"),
        help_text=_("Die Informationssammlung, in der die Abfrage nach der Frist steht."),
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

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Abfrage")
        verbose_name_plural = _("Abfragen")
        ordering = ["-created_at"]
        indexes = [
            *search_indexes("inquiry", INQUIRY_SEARCH_VECTOR),
            GinIndex(INQUIRY_SUMMARY_SEARCH_VECTOR, name="inquiry_summary_search"),
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
        published = self.summary_published_at
        if published and self.deadline and timezone.localdate(published) <= self.deadline:
            raise ValidationError(
                {"summary_published_at": _("Die Zusammenfassung erscheint erst nach der Frist.")}
            )

    @property
    def asker(self) -> str:
        return str(self.asked_by_member) if self.asked_by_member_id else _("DEFUS-Geschäftsstelle")

    def is_open(self, today: datetime.date | None = None) -> bool:
        return self.deadline >= (today or timezone.localdate())

    @property
    def published_summary(self) -> str:
        if self.summary_published_at and self.summary_published_at <= timezone.now():
            return self.summary
        return ""

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

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        ordering = ["inquiry", "member__name"]
        indexes = [GinIndex(ANSWER_SEARCH_VECTOR, name="answer_search")]
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
    file = models.FileField(
        _("Datei"),
        upload_to="%Y/%m/",
        storage=inquiry_attachment_storage,
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


class CollectionQuerySet(models.QuerySet):
    def catalogue(self, user):
        """Collections by Themenschwerpunkt, with ``entry_count``; for members also
        ``seen_until`` (their previous visit) and ``new_entry_count``."""
        collections = (
            self.select_related("theme")
            .annotate(
                area_title=Coalesce("theme__parent__title", "theme__title"),
                area_slug=Coalesce("theme__parent__slug", "theme__slug"),
                area_position=Coalesce("theme__parent__position", "theme__position"),
                entry_count=_count_entries(Entry.objects.all()),
            )
            .order_by("area_position", "area_title", "title")
        )
        return collections._with_news_for(user) if has_member_access(user) else collections

    def changed_since_last_visit(self, user):
        """Collections with entries this member has not seen yet, most recently changed first."""
        if not has_member_access(user):
            return self.none()
        return (
            self.select_related("theme")
            ._with_news_for(user)
            .filter(new_entry_count__gt=0)
            .order_by("-updated_at")
        )

    def _with_news_for(self, user):
        """Entries count as new when someone else added them after the member's previous
        visit of the collection (never visited: after the account was created)."""
        previous_visit = CollectionVisit.objects.filter(
            user=user, collection=models.OuterRef("pk")
        ).values("visited_at")
        return self.annotate(
            seen_until=Coalesce(models.Subquery(previous_visit), models.Value(user.date_joined)),
            new_entry_count=_count_entries(
                Entry.objects.filter(Entry.new_to(user, since=models.OuterRef("seen_until")))
            ),
        )


def _count_entries(entries):
    per_collection = (
        entries.filter(collection=models.OuterRef("pk"))
        .order_by()
        .values("collection")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    return Coalesce(models.Subquery(per_collection), 0)


class Collection(models.Model):
    """An Informationssammlung: links, documents and notes on one topic, for members."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), unique=True, max_length=200)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="collections",
        verbose_name=_("Thema"),
        help_text=_("Ein Themenschwerpunkt oder ein Thema darunter."),
    )
    description = models.TextField(
        _("Beschreibung"), help_text=_("Öffentlich sichtbar, auch für Nicht-Mitglieder.")
    )
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(
        _("zuletzt ergänzt am"),
        default=timezone.now,
        editable=False,
        help_text=_("Wann zuletzt ein Eintrag hinzukam."),
    )

    objects = CollectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Informationssammlung")
        verbose_name_plural = _("Informationssammlungen")
        ordering = ["title"]
        indexes = search_indexes("collection", COLLECTION_SEARCH_VECTOR)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("collections:detail", kwargs={"slug": self.slug})


class EntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if has_member_access(user) else self.none()

    def with_new_marker(self, *, user, since):
        """Annotate ``is_new``: added by someone else after ``since``."""
        return self.annotate(
            is_new=models.ExpressionWrapper(
                Entry.new_to(user, since=since), output_field=models.BooleanField()
            )
        )


class Entry(models.Model):
    class Kind(models.TextChoices):
        LINK = "link", _("Link")
        DOCUMENT = "dokument", _("Dokument")
        NOTE = "notiz", _("Notiz")

    collection = models.ForeignKey(
        Collection,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("Informationssammlung"),
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind, default=Kind.LINK)
    title = models.CharField(_("Titel"), max_length=250)
    description = models.TextField(_("Beschreibung"), blank=True)
    url = models.URLField(_("Adresse (URL)"), max_length=500, blank=True)
    document = models.ForeignKey(
        "Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("Dokument"),
    )
    source = models.CharField(
        _("Quelle oder Herausgeber"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Stadt Freiburg“ oder „Deutsches Institut für Urbanistik“."),
    )
    date = models.DateField(_("Datum"), null=True, blank=True)
    tags = ArrayField(
        models.CharField(max_length=40),
        verbose_name=_("Schlagworte"),
        default=list,
        blank=True,
        size=10,
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hinzugefügt von"),
    )
    added_at = models.DateTimeField(_("hinzugefügt am"), default=timezone.now)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Eintrag")
        verbose_name_plural = _("Einträge")
        ordering = ["-added_at", "title"]
        indexes = [
            models.Index(fields=["collection", "-added_at"]),
            *search_indexes("entry", ENTRY_SEARCH_VECTOR),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="link") | ~models.Q(url=""),
                name="entry_link_has_url",
                violation_error_message=_("Ein Link braucht eine Adresse (URL)."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="dokument") | models.Q(document__isnull=False),
                name="entry_document_has_document",
                violation_error_message=_("Ein Dokument-Eintrag braucht ein Dokument."),
            ),
        ]

    def __str__(self):
        return self.title

    @staticmethod
    def new_to(user, *, since) -> models.Q:
        return models.Q(added_at__gt=since) & (
            models.Q(added_by__isnull=True) | ~models.Q(added_by=user)
        )

    @property
    def target_url(self) -> str:
        if self.kind == self.Kind.DOCUMENT and self.document_id:
            return self.document.get_absolute_url()
        return self.url


class CollectionVisit(models.Model):
    """When a member last looked at a collection: later entries are "neu" for them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="visits")
    visited_at = models.DateTimeField(_("zuletzt angesehen am"))

    class Meta:
        verbose_name = _("Besuch einer Informationssammlung")
        verbose_name_plural = _("Besuche von Informationssammlungen")
        constraints = [
            models.UniqueConstraint(fields=["user", "collection"], name="one_visit_per_collection")
        ]

    def __str__(self):
        return f"{self.user} – {self.collection}"


def document_upload_to(document, filename: str) -> str:
    path = PurePath(filename)
    stem = slugify(path.stem)[:80] or "dokument"
    year = (document.date or timezone.localdate()).year
    return f"dokumente/{year}/{stem}.{extension(filename)}"


class DocumentFile(FieldFile):
    """A stored document; its address is the download view, which checks visibility."""

    @property
    def url(self):
        self._require_file()
        return self.instance.get_absolute_url() if self.instance.pk else ""


class DocumentFileField(models.FileField):
    attr_class = DocumentFile


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        if has_member_access(user):
            return self
        return self.filter(visibility=Document.Visibility.PUBLIC)

    def hidden_from(self, user):
        """What ``visible_to(user)`` leaves out: to say that there is more after the login,
        without a title."""
        visible = self.visible_to(user)
        return self.none() if visible is self else self.exclude(pk__in=visible.values("pk"))

    def in_reading_order(self):
        """Protocol first, then presentations, documentation and the rest; oldest first."""
        kinds = [Document.Kind.PROTOCOL, Document.Kind.PRESENTATION, Document.Kind.DOCUMENTATION]
        return self.alias(
            kind_position=models.Case(
                *(models.When(kind=kind, then=position) for position, kind in enumerate(kinds)),
                default=len(kinds),
            )
        ).order_by("kind_position", "date", "title")


class Document(models.Model):
    """A protocol, presentation or documentation, public or for members only."""

    class Visibility(models.TextChoices):
        PUBLIC = "oeffentlich", _("öffentlich")
        MEMBERS = "mitglieder", _("nur für Mitglieder")

    class Kind(models.TextChoices):
        PROTOCOL = "protokoll", _("Protokoll")
        PRESENTATION = "praesentation", _("Präsentation")
        DOCUMENTATION = "dokumentation", _("Dokumentation")
        OTHER = "sonstiges", _("Sonstiges")

    title = models.CharField(_("Titel"), max_length=250)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind, default=Kind.OTHER)
    description = models.TextField(_("Beschreibung"), blank=True)
    file = DocumentFileField(
        _("Datei"),
        upload_to=document_upload_to,
        storage=protected_storage,
        max_length=255,
        validators=[validate_document_file],
        help_text=_(
            "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument-Text (.odt) "
            "oder ein Bild (.png, .jpg, .webp)."
        ),
    )
    date = models.DateField(_("Datum"), default=timezone.localdate)
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=12, choices=Visibility, default=Visibility.MEMBERS
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("Termin"),
        help_text=_("z. B. die Mitgliederversammlung, deren Protokoll das ist."),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("Informationssammlung"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("Projekt"),
    )
    created_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["-date", "title"]
        indexes = search_indexes("document", DOCUMENT_SEARCH_VECTOR)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:download", kwargs={"pk": self.pk, "filename": self.filename})

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name

    @property
    def file_type(self):
        """How the file is served; None for a type no longer accepted for upload."""
        return DOCUMENT_TYPES.get(extension(self.file.name))

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC
