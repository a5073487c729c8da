from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField, search_indexes, search_vector

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

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["title"]
        indexes = search_indexes("page", PAGE_SEARCH_VECTOR)

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
