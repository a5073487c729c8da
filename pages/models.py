from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField, search_indexes, search_vector, search_vector_field

PAGE_SEARCH_VECTOR = search_vector(title=("title",), text=("lead", "description", "body"))


class Page(models.Model):
    """An institutional page whose text the office edits in the admin.

    The pages themselves are fixed (the navigation and footer link to them), so they are
    created by a migration and cannot be deleted; their content is free.
    """

    class Slug(models.TextChoices):
        ABOUT = "ueber-uns", _("Was ist DEFUS?")
        TEAM = "vorstand-und-team", _("Vorstand und Team")
        STATUTES = "satzung", _("Vereinssatzung")
        CONTACT = "kontakt", _("Kontakt")
        IMPRINT = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutz")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        MEMBERSHIP = "mitgliedschaft", _("Mitglied werden")

    slug = models.SlugField(_("Seite"), choices=Slug, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    lead = models.TextField(
        _("Vorspann"), blank=True, help_text=_("Ein bis zwei Sätze unter dem Titel.")
    )
    body = RichTextField(_("Text"), blank=True)
    description = models.CharField(
        _("Beschreibung für Suchmaschinen"),
        max_length=300,
        blank=True,
        help_text=_("Erscheint in Suchergebnissen und beim Teilen. Leer = der Vorspann."),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    search_vector = search_vector_field(PAGE_SEARCH_VECTOR)

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["title"]
        indexes = search_indexes("page")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"pages:{self.slug}")

    @property
    def offers_barrier_report(self) -> bool:
        return self.slug == self.Slug.ACCESSIBILITY

    @property
    def meta_description(self) -> str:
        return self.description or self.lead


class BarrierReport(models.Model):
    """A barrier reported through "Barriere melden": stored first, then mailed to the office,
    which works through the reports in the admin."""

    class Status(models.TextChoices):
        NEW = "neu", _("Neu")
        IN_PROGRESS = "in-bearbeitung", _("In Bearbeitung")
        DONE = "erledigt", _("Erledigt")

    page = models.CharField(_("Wo ist die Barriere?"), max_length=300)
    description = models.TextField(_("Beschreibung"), max_length=5000)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    created_at = models.DateTimeField(_("gemeldet am"), auto_now_add=True)
    status = models.CharField(_("Stand"), max_length=20, choices=Status, default=Status.NEW)
    note = models.TextField(
        _("Notiz der Geschäftsstelle"), blank=True, help_text=_("Nur in der Verwaltung sichtbar.")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")

    def __str__(self):
        return f"{self.page[:60]} ({self.created_at:%d.%m.%Y})" if self.created_at else self.page


class ContactMessageQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)


class ContactMessage(models.Model):
    """A message from the contact or membership form: stored first, then mailed."""

    class Topic(models.TextChoices):
        GENERAL = "allgemein", _("Allgemein")
        PRESS = "presse", _("Presse")
        MEMBERSHIP = "mitgliedschaft", _("Mitgliedschaft")
        EVENTS = "veranstaltungen", _("Veranstaltungen")

    topic = models.CharField(_("Thema"), max_length=20, choices=Topic, default=Topic.GENERAL)
    name = models.CharField(_("Name"), max_length=200)
    organisation = models.CharField(_("Stadt, Kreis oder Organisation"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    message = models.TextField(_("Nachricht"), max_length=5000)
    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now)
    reply = models.TextField(
        _("Antwort"),
        blank=True,
        help_text=_(
            "Wird beim Speichern an die Absenderin oder den Absender geschickt, einmal. "
            "Leer lassen, wenn Sie auf anderem Weg antworten."
        ),
    )
    replied_at = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    note = models.TextField(_("interne Notiz"), blank=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.name}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
