from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from defus.fields import RichTextField


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

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("themes:detail", kwargs={"slug": (self.parent or self).slug})
