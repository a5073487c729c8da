from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Who sees a piece of content: everyone, or members (and the office) only."""

    PUBLIC = "oeffentlich", _("öffentlich")
    MEMBERS = "mitglieder", _("nur für Mitglieder")
