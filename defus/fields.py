import nh3
from django.db import models
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "ul", "ol", "li",
    "a", "blockquote", "abbr", "table", "thead", "tbody", "tr", "th", "td", "caption",
    "figure", "figcaption", "hr", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "span": {"lang"},
    "p": {"lang"},
}


def sanitize_html(html: str) -> str:
    """Keep the structural HTML an editor needs; drop scripts, styles and event handlers."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


class RichTextField(models.TextField):
    """HTML written by office staff: sanitised on every write, so only clean HTML is stored.

    Values read back from the database are marked safe for templates; values that were
    never saved are not, and stay escaped.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return None if value is None else sanitize_html(value)

    def from_db_value(self, value, expression, connection):
        return None if value is None else mark_safe(value)

    def formfield(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "HTML ist erlaubt (Absätze, Zwischenüberschriften, Listen, Links, Tabellen). "
            "Skripte und Formatierungen werden beim Speichern entfernt.",
        )
        return super().formfield(**kwargs)
