from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField, search_indexes, search_vector, search_vector_field

# What the site search reads; the model's index is built on it.
THEME_SEARCH_VECTOR = search_vector(title=("title",), text=("lead", "body"))


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

    search_vector = search_vector_field(THEME_SEARCH_VECTOR)
    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["position", "title"]
        indexes = search_indexes("theme")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("themes:detail", kwargs={"slug": (self.parent or self).slug})
