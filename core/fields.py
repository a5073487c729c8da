import nh3
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import GeneratedField
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.widgets import RichTextWidget

# Exactly what the editor (static/js/rich-text-editor.js) can produce: nothing it writes is
# dropped here, and nothing kept here is lost when the editor opens the text again.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "ul", "ol", "li", "a", "blockquote", "hr",
    "table", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start", "type", "data-type"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


def sanitize_html(html: str) -> str:
    """Keep the structural HTML the editor writes; drop scripts, styles and event handlers."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
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
        # Replaces the admin's plain textarea as well.
        kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)


def search_vector(*, title: tuple[str, ...] = (), text: tuple[str, ...] = ()) -> SearchVector:
    """The words of a row for the site search (pages/search.py): ``title`` fields weigh most
    (A), ``text`` fields less (B); German stemming with an explicit configuration, which
    keeps the expression immutable, as a stored generated column requires."""
    parts = [
        SearchVector(*fields, weight=weight, config="german")
        for fields, weight in ((title, "A"), (text, "B"))
        if fields
    ]
    return parts[0] if len(parts) == 1 else parts[0] + parts[1]


SEARCH_WORDS = _("Suchwörter")


def search_vector_field(vector: SearchVector, verbose_name=SEARCH_WORDS) -> GeneratedField:
    """The row's words, stored: PostgreSQL computes the column from ``vector`` on every
    write, so the search matches and ranks on it without running ``to_tsvector`` per row."""
    return GeneratedField(
        expression=vector,
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=verbose_name,
    )


# What a trigram comparison (``title %> text``) really costs, in the planner's units: pages/
# migrations/0012 sets it (0011 set a first, too low estimate). A restored backup gets it again
# (tools/backup.py): the extension's functions come back from the dump with their default cost
# of 1.
TRIGRAM_OPERATOR_COST_SQL = "ALTER FUNCTION word_similarity_commutator_op(text, text) COST 1000"


def search_index(field: str, name: str, *, trigrams: bool = False) -> GinIndex:
    """A GIN index the site search reads: on stored words, or (``trigrams``) on a title's
    trigrams.

    Written through at once (``fastupdate=False``). With PostgreSQL's default, new and changed
    rows wait in the index's pending list until autovacuum moves them, and every search reads
    that whole list: right after ten times the demo data was loaded, a search that found
    nothing spent 2 ms on the article index alone, and a first search 21 instead of 13 ms in
    the database. The portal is written a few times a day and searched far more often; a row
    written costs about 0.4 ms more."""
    return GinIndex(
        fields=[field],
        name=name,
        opclasses=["gin_trgm_ops"] if trigrams else [],
        fastupdate=False,
    )


def search_indexes(name: str, field: str = "search_vector") -> list[GinIndex]:
    """The indexes the site search uses: one on the stored words (``field``), and one on
    the title's trigrams, which find a title despite a typo."""
    return [
        search_index(field, f"{name}_search"),
        search_index("title", f"{name}_title_trigrams", trigrams=True),
    ]
