from pathlib import PurePath

from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access
from core.choices import Visibility, choice_display
from core.fields import search_indexes, search_vector, search_vector_field
from core.files import OwnedFileField, protected_storage
from core.uploads import ALLOWED, DOCUMENT_TYPES, extension, validate_document_file

DOCUMENT_SEARCH_VECTOR = search_vector(title=("title",), text=("description",))


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


class DocumentFileField(OwnedFileField):
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

    Visibility = Visibility

    class Kind(models.TextChoices):
        PROTOCOL = "protokoll", _("Protokoll")
        PRESENTATION = "praesentation", _("Präsentation")
        DOCUMENTATION = "dokumentation", _("Dokumentation")
        OTHER = "sonstiges", _("Sonstiges")

    title = models.CharField(_("Titel"), max_length=250)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind, default=Kind.OTHER)
    get_kind_display = choice_display("kind", Kind)
    description = models.TextField(_("Beschreibung"), blank=True)
    file = DocumentFileField(
        _("Datei"),
        upload_to=document_upload_to,
        storage=protected_storage,
        max_length=255,
        validators=[validate_document_file],
        help_text=ALLOWED,
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
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("Projekt"),
    )
    created_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    search_vector = search_vector_field(DOCUMENT_SEARCH_VECTOR)
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["-date", "title"]
        indexes = search_indexes("document")

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
