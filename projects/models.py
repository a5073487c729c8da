from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import has_office_access
from core.fields import RichTextField, search_indexes, search_vector, search_vector_field
from themes.models import Theme

PROJECT_SEARCH_VECTOR = search_vector(
    title=("title", "acronym"),
    text=("subtitle", "lead", "description", "funder", "consortium_lead"),
)


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Project.Status.PUBLISHED)

    def visible_to(self, user):
        """Projects are public once released; drafts are nobody's but the office's."""
        return self.published()

    def previewable_by(self, user):
        """Every project, drafts included, for office staff who may view projects in the
        admin; none for anyone else."""
        if has_office_access(user) and user.has_perm("projects.view_project"):
            return self.all()
        return self.none()


class Project(models.Model):
    """A project DEFUS runs or takes part in (COSECUR, PanReflex, LegiNot, Pufii, …)."""

    class Status(models.TextChoices):
        DRAFT = "entwurf", _("Entwurf")
        PUBLISHED = "veroeffentlicht", _("Veröffentlicht")

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
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=Status,
        default=Status.PUBLISHED,
        help_text=_("Ein Entwurf erscheint nirgends auf der Website, nur in der Vorschau."),
    )

    search_vector = search_vector_field(PROJECT_SEARCH_VECTOR)
    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["-starts_on", "title"]
        indexes = search_indexes("project")
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

    def get_preview_url(self):
        return reverse("projects:preview", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def publication_state(self) -> str:
        """„Entwurf“ or „veröffentlicht“ (a finished project stays on the site)."""
        return str(_("veröffentlicht") if self.is_published else _("Entwurf"))

    @property
    def effective_end(self):
        return self.extended_until or self.ends_on
