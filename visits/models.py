"""Reach without a tracker: page views per path and month, counted on the server.

No cookie, no IP address, no user agent and no third party: a row holds a path, a month and a
number. ``visits.counter`` fills it."""

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _


class PageViewsQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(month__year=year)

    def per_month(self):
        """One row per month: ``{"month": date, "views": total}``, newest first."""
        return self.order_by().values("month").annotate(views=Sum("views")).order_by("-month")


class PageViews(models.Model):
    path = models.CharField(_("Adresse"), max_length=500)
    month = models.DateField(_("Monat"), help_text=_("Der Erste des Monats (Berliner Zeit)."))
    views = models.PositiveIntegerField(_("Aufrufe"), default=0)

    objects = PageViewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("Seitenaufrufe")
        verbose_name_plural = _("Seitenaufrufe")
        ordering = ["-month", "-views", "path"]
        constraints = [
            models.UniqueConstraint(fields=["path", "month"], name="one_count_per_path_and_month")
        ]

    def __str__(self):
        return f"{self.path} ({self.month:%m.%Y}): {self.views}"
