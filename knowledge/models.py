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


class ProjectQuerySet(models.QuerySet):
    def running_on(self, date):
        return self.filter(
            models.Q(starts_on__lte=date),
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=date),
        )


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

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["-starts_on", "title"]
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
