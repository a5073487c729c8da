from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Who sees a piece of content: everyone, or members (and the office) only."""

    PUBLIC = "oeffentlich", _("öffentlich")
    MEMBERS = "mitglieder", _("nur für Mitglieder")


def choice_display(field: str, choices: type[models.Choices]):
    """``get_<field>_display`` as Django makes it, without its cost: Django builds a dict of
    all choices, hashing every lazy label (a translation each), on every call, which was a
    third of the time of a list of events. This looks the one value up in ``choices``.
    Defined on the model as ``get_kind_display = choice_display("kind", Kind)``."""

    def get_display(self):
        value = getattr(self, field)
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    get_display.__name__ = f"get_{field}_display"
    return get_display
