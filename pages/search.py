"""The site search: PostgreSQL full-text search over everything a visitor may see.

Each kind of content is a ``Source``: its rows come from the model's own ``visible_to(user)``
(or all rows, for public models), and they match on the model's weighted words, stored in its
generated ``search_vector`` column with a GIN index on it (``core.fields.search_vector_field``),
so neither the match nor the ranking runs ``to_tsvector`` per row. The sources
become one ``UNION ALL`` with the same columns, ranked and cut to one page inside PostgreSQL;
only the rows of that page get a highlighted snippet. A page of results costs one query
however many rows there are: the counts per kind and the page itself, the matches found once
for both (another page of the same search one more). The SQL is compiled once per process
and kind of visitor (see ``compiled_search``), not per request, and prepared once per
database connection, with a generic plan (see ``QueryParsedOnce``).
What the database found is kept per process for the content version of the request, like
the fragments of every other page (``FRAGMENT_CACHE_SECONDS``): asking the same again (the
next page and back, a common word) costs no search query until content changes.

The query is read like a web search engine's (``websearch_to_tsquery``): quotes for a
phrase, ``-`` to exclude a word, ``or``; nothing a visitor types is a syntax error. A plain
query, without any of these, also finds titles that are similar to it by trigrams, so that
"Krisenmanagment" finds "Krisenmanagement". Like the words, the similarity is asked of each of
the text's (up to two) longest words (``similar_words``): "Erfahrungen Kasel" finds Kassel's
experiences, not every title with "Erfahrungen" in it.
"""

import hashlib
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import Case, F, Func, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access
from core.db.base import native_placeholders
from core.freshness import kept
from documents.models import Document
from events.models import Event
from inquiries.models import Answer, Inquiry
from knowledge.models import Collection, Entry, collection_updated_at
from members.models import Member
from news.models import Article
from pages.models import Page
from projects.models import Project
from themes.models import Theme

CONFIG = "german"
MAX_QUERY_LENGTH = 200
TYPO_WEIGHT = 0.5
# Words of websearch_to_tsquery's syntax: with them the visitor asks for exactly that.
OPERATORS = re.compile(r'"|(?:^|\s)-\S|(?:^|\s)or(?:\s|$)', re.IGNORECASE)
# A title similar to a plain query must resemble each of its longest words, at most this
# many, of at least this many letters (shorter ones are mostly stop words, and their trigrams
# are too few to tell a typo from another word).
SIMILAR_WORDS, SIMILAR_WORD_LENGTH = 2, 4
# Marks around the words ts_headline found; private-use characters never met in a text.
MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def normalize_query(text: str | None) -> str:
    """The query as it is searched for: control characters (NUL included) replaced by spaces,
    spaces collapsed, at most ``MAX_QUERY_LENGTH`` characters."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs") else char for char in text or ""
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def similar_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` a title has to resemble to be found despite a typo: its (up to
    ``SIMILAR_WORDS``) longest words of ``SIMILAR_WORD_LENGTH`` letters or more, none for a
    query with operators, which means exactly what it says."""
    if OPERATORS.search(text):
        return ()
    words = [word for word in re.findall(r"\w+", text) if len(word) >= SIMILAR_WORD_LENGTH]
    return tuple(sorted(words, key=len, reverse=True)[:SIMILAR_WORDS])


def _snippet_text(*fields):
    """The fields as one text, to cut the snippet from."""
    if len(fields) == 1:
        return Cast(fields[0], models.TextField())
    parts = []
    for field in fields:
        parts += [F(field), Value(" ")]
    return Concat(*parts[:-1], output_field=models.TextField())


@dataclass(frozen=True)
class Source:
    """One kind of content the search reads."""

    kind: str
    label: str
    plural: str
    rows: Callable  # user -> the queryset of rows this user may see
    text: object  # the plain or HTML text the snippet is cut from
    url: Callable  # Hit -> its address
    title: object = F("title")
    slug: object = F("slug")  # what the address needs besides the pk
    date: object = Value(None, output_field=models.DateField())
    context: object = Value("")
    extra_match: Callable | None = None  # SearchQuery -> Q, for text outside the vector


def _inquiry_extra_match(query: SearchQuery) -> Q:
    """A published summary, or an answer, of an Abfrage the user may see."""
    answers = Answer.objects.filter(search_vector=query)
    summaries = Inquiry.objects.with_published_summary().filter(summary_search_vector=query)
    return Q(pk__in=answers.values("inquiry")) | Q(pk__in=summaries.values("pk"))


SOURCES = (
    Source(
        # The member directory is public: cities, Kreise and organisations, by name and state.
        kind="mitglied",
        label=_("Mitglied"),
        plural=_("Mitglieder"),
        rows=lambda user: Member.objects.for_search(),
        title=F("designation"),
        text=_snippet_text("description"),
        context=F("state_name"),
        url=lambda hit: reverse("members:detail", kwargs={"slug": hit.slug}),
    ),
    Source(
        kind="meldung",
        label=_("Meldung"),
        plural=_("Meldungen"),
        rows=Article.objects.visible_to,
        text=_snippet_text("teaser", "body"),
        date=TruncDate("published_at"),
        url=lambda hit: reverse("news:detail", kwargs={"slug": hit.slug}),
    ),
    Source(
        kind="termin",
        label=_("Termin"),
        plural=_("Termine"),
        rows=Event.objects.visible_to,
        title=Case(
            When(
                assembly_number__isnull=False,
                then=Concat(
                    Cast("assembly_number", models.TextField()),
                    Value(". "),
                    "title",
                    output_field=models.TextField(),
                ),
            ),
            default=F("title"),
            output_field=models.TextField(),
        ),
        text=_snippet_text("description"),
        date=F("starts_on"),
        url=lambda hit: reverse("events:detail", kwargs={"slug": hit.slug}),
    ),
    Source(
        kind="projekt",
        label=_("Projekt"),
        plural=_("Projekte"),
        rows=Project.objects.visible_to,
        text=_snippet_text("lead", "description"),
        context=F("acronym"),
        url=lambda hit: reverse("projects:detail", kwargs={"slug": hit.slug}),
    ),
    Source(
        kind="seite",
        label=_("Seite"),
        plural=_("Seiten"),
        rows=lambda user: Page.objects.all(),
        text=_snippet_text("lead", "body"),
        url=lambda hit: reverse(f"pages:{hit.slug}"),
    ),
    Source(
        kind="thema",
        label=_("Thema"),
        plural=_("Themen"),
        rows=lambda user: Theme.objects.all(),
        text=_snippet_text("lead", "body"),
        slug=Coalesce("parent__slug", "slug"),
        url=lambda hit: reverse("themes:detail", kwargs={"slug": hit.slug}),
    ),
    Source(
        # The catalogue of collections is public; their entries are not.
        kind="sammlung",
        label=_("Sammlung"),
        plural=_("Sammlungen"),
        rows=lambda user: Collection.objects.all(),
        text=_snippet_text("description"),
        date=TruncDate(collection_updated_at()),
        url=lambda hit: reverse("collections:detail", kwargs={"slug": hit.slug}),
    ),
    Source(
        kind="eintrag",
        label=_("Eintrag"),
        plural=_("Einträge"),
        rows=Entry.objects.visible_to,
        text=_snippet_text("description", "source"),
        slug=F("collection__slug"),
        date=Coalesce("date", TruncDate("added_at")),
        context=F("collection__title"),
        url=lambda hit: (
            reverse("collections:detail", kwargs={"slug": hit.slug}) + f"#eintrag-{hit.pk}"
        ),
    ),
    Source(
        kind="dokument",
        label=_("Dokument"),
        plural=_("Dokumente"),
        rows=Document.objects.visible_to,
        text=_snippet_text("description"),
        slug=F("file"),
        date=F("date"),
        url=lambda hit: reverse(
            "documents:download", kwargs={"pk": hit.pk, "filename": PurePath(hit.slug).name}
        ),
    ),
    Source(
        kind="abfrage",
        label=_("Abfrage"),
        plural=_("Abfragen"),
        rows=Inquiry.objects.visible_to,
        text=_snippet_text("context"),
        slug=Value(""),
        date=TruncDate("created_at"),
        extra_match=_inquiry_extra_match,
        url=lambda hit: reverse("inquiries:detail", kwargs={"pk": hit.pk}),
    ),
)
SOURCES_BY_KIND = {source.kind: source for source in SOURCES}
KIND_CHOICES = [(source.kind, source.plural) for source in SOURCES]


@dataclass(frozen=True)
class Hit:
    kind: str
    pk: int
    title: str
    slug: str
    context: str
    date: object
    rank: float
    snippet: SafeString

    @property
    def source(self) -> Source:
        return SOURCES_BY_KIND[self.kind]

    @property
    def context_display(self) -> str:
        if self.kind == "eintrag" and self.context:
            return _("in der Sammlung „%(collection)s“") % {"collection": self.context}
        return self.context

    @property
    def label(self) -> str:
        return self.source.label

    @property
    def url(self) -> str:
        return self.source.url(self)


@dataclass(frozen=True)
class KindCount:
    kind: str
    plural: str
    count: int


class SearchResults:
    """The hits for ``text`` that ``user`` may see, optionally of one ``kind``.

    Lazy and sliceable, so that Django's ``Paginator`` can page through it: ``count()`` runs
    one query (the counts of all kinds at once), a slice one more.
    """

    def __init__(self, text: str, user, kind: str = "", *, version=None):
        self.text = normalize_query(text)
        self.user = user
        self.kind = kind if kind in SOURCES_BY_KIND else ""
        # The content version read at the start of the request: the rows found are kept
        # under it (see ``_execute``), so the same search asks the database once per version.
        self.version = version
        # The text, then the words a similar title must resemble (``similar_words``).
        self.terms = (self.text, *similar_words(self.text))
        self._expected = None  # (offset, limit) of the page the paginator will ask for
        self._fetched = None  # (offset, limit, hits) read together with the counts

    def expect_page(self, number, per_page: int) -> None:
        """Say which page will be asked for (a page number as typed), so that the counts and
        that page are read in one query. Only a hint: another page costs one more query."""
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        self._expected = ((number - 1) * per_page, per_page)

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        """The hits of the chosen kind, or of all kinds."""
        return self.counts_by_kind.get(self.kind, 0) if self.kind else self.total

    @property
    def total(self) -> int:
        return sum(self.counts_by_kind.values())

    @cached_property
    def counts_by_kind(self) -> dict[str, int]:
        if not self.text:
            return {}
        compiled = self._compiled(SOURCES)
        if compiled is None:
            return {}
        if self._expected is None or self.kind:
            return dict(self._execute(compiled.count_sql, compiled.union_params(self.terms)))
        # The counts and the expected page in one query: the matches are found only once.
        offset, limit = self._expected
        params = compiled.counted_page_params(self.terms, limit, offset)
        counts, hits = {}, []
        for is_count, *row in self._execute(compiled.counted_page_sql, params):
            if is_count:
                counts[row[0]] = row[1]
            else:
                hits.append(self._hit(*row))
        self._fetched = (offset, limit, hits)
        return counts

    @property
    def kinds(self) -> list[KindCount]:
        """The kinds that have hits, in a fixed order, for a filter by kind."""
        counts = self.counts_by_kind
        return [
            KindCount(source.kind, source.plural, counts[source.kind])
            for source in SOURCES
            if counts.get(source.kind)
        ]

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step:
            raise TypeError("SearchResults only support slices without a step.")
        start, stop = index.start or 0, index.stop
        if not self.text or (stop is not None and stop <= start):
            return []
        if self._fetched and stop is not None:
            offset, limit, hits = self._fetched
            if start == offset and stop - start <= limit:
                return hits[: stop - start]
        compiled = self._compiled((SOURCES_BY_KIND[self.kind],) if self.kind else SOURCES)
        if compiled is None:
            return []
        params = compiled.page_params(self.terms, stop - start if stop is not None else None, start)
        return [self._hit(*row) for row in self._execute(compiled.page_sql, params)]

    def _union_sql(self, sources: tuple[Source, ...]) -> tuple[str, list] | None:
        """The ``UNION ALL`` of the sources' matches for this text, as SQL and parameters;
        None when the user may see nothing of these sources (to EXPLAIN it, say)."""
        compiled = self._compiled(sources)
        if compiled is None:
            return None
        return compiled.union_sql, compiled.union_params(self.terms)

    def _execute(self, sql: str, params: list) -> list[tuple]:
        """The rows of ``sql``, kept per process for the content version. The SQL and its
        parameters are the key: they hold everything the rows depend on besides the content
        (the text, the kinds, the day and whether the user has member access, which the
        compiled SQL differs by), and every content write and every scheduled moment gives
        a new version. So the key of a member's search never equals a visitor's."""
        digest = hashlib.sha256(f"{sql}\0{params!r}".encode()).hexdigest()
        return kept(self.version, f"suche:{digest}", lambda: _execute(sql, params))

    def _compiled(self, sources: tuple[Source, ...]) -> "CompiledSearch | None":
        return compiled_search(self.user, sources, similar=len(self.terms) - 1)

    @staticmethod
    def _hit(kind, pk, title, slug, context, date, rank, snippet) -> Hit:
        return Hit(
            kind=kind,
            pk=pk,
            title=title,
            slug=slug,
            context=context,
            date=date,
            rank=rank,
            snippet=_highlight(snippet),
        )


# Compiled once per process -------------------------------------------------------------------
#
# Building and compiling the querysets of ten sources cost more than running them. The SQL
# depends on the query text only through its parameters, so it is compiled with stand-ins for
# the text and its similar words, and the visitor's take their place among the parameters.
# Everything else the SQL depends on is the key it is kept under: whether the user has member
# access (every source's ``visible_to`` decides on that alone, and compares times with the
# database's clock; a test compares the SQL compiled for different users to hold this), the
# day (the member directory lists the members active on today's date), the kinds searched
# and how many words a similar title must resemble.

# The text, then each similar word: private-use characters, never met in a parameter.
STAND_INS = ("\ue002Suchtext\ue003", *(f"\ue002Wort {n}\ue003" for n in range(SIMILAR_WORDS)))
STAND_IN = STAND_INS[0]
# 11 choices of kind x member access or not x 0 to SIMILAR_WORDS similar words.
MAX_COMPILED = 11 * 2 * (SIMILAR_WORDS + 1)
_compiled_searches: dict[tuple, "CompiledSearch | None"] = {}
PAGE_ORDER = "hit_rank DESC, hit_date DESC NULLS LAST, hit_kind, hit_pk"


@dataclass(frozen=True)
class CompiledSearch:
    """The SQL of the count and of a page of one search key, with the stand-ins."""

    union_sql: str
    params: tuple  # of the union, with STAND_INS for the text and its similar words
    text_sql: str  # the text a hit's snippet is cut from
    text_params: tuple

    @cached_property
    def term_positions(self) -> tuple[tuple[int, int], ...]:
        """(position among the parameters, number of the stand-in) for every stand-in."""
        return tuple(
            (n, STAND_INS.index(param))
            for n, param in enumerate(self.params)
            if isinstance(param, str) and param in STAND_INS
        )

    def union_params(self, terms: tuple[str, ...]) -> list:
        """The union's parameters for ``terms``: the text, then its similar words."""
        params = list(self.params)
        for n, term in self.term_positions:
            params[n] = terms[term]
        return params

    @cached_property
    def count_sql(self) -> str:
        return f"SELECT hit_kind, COUNT(*) FROM ({self.union_sql}) AS hit GROUP BY hit_kind"

    @cached_property
    def page_sql(self) -> str:
        # The text and its snippet are read in an outer query, so only for the rows of this
        # page: carrying every hit's text through the ranking cost more than the ranking.
        return (
            "SELECT page.*, ts_headline(%s::regconfig, "
            f"  translate(regexp_replace({self.text_sql}, '<[^>]*>', ' ', 'g'), %s, ''),"
            "  (SELECT websearch_to_tsquery(%s::regconfig, %s)), %s) AS hit_snippet "
            f"FROM (SELECT * FROM ({self.union_sql}) AS hit "
            f"      ORDER BY {PAGE_ORDER} LIMIT %s OFFSET %s) AS page "
            f"ORDER BY {PAGE_ORDER}"
        )  # fmt: skip

    def page_params(self, terms: tuple[str, ...], limit: int | None, offset: int) -> list:
        return [
            CONFIG, *self.text_params, MARK_START + MARK_END, CONFIG, terms[0], HEADLINE_OPTIONS,
            *self.union_params(terms), limit, offset,
        ]  # fmt: skip

    @cached_property
    def counted_page_sql(self) -> str:
        """The counts per kind (``is_count``, kind and count) and the rows of one page, the
        matches found once for both."""
        return (
            f"WITH hit AS MATERIALIZED ({self.union_sql}) "
            "SELECT true AS is_count, hit_kind, COUNT(*) AS hit_pk, NULL::text AS hit_title, "
            "  NULL::text AS hit_slug, NULL::text AS hit_context, NULL::date AS hit_date, "
            "  NULL::float8 AS hit_rank, NULL::text AS hit_snippet "
            "FROM hit GROUP BY hit_kind "
            "UNION ALL "
            "SELECT false, page.*, ts_headline(%s::regconfig, "
            f"  translate(regexp_replace({self.text_sql}, '<[^>]*>', ' ', 'g'), %s, ''),"
            "  (SELECT websearch_to_tsquery(%s::regconfig, %s)), %s) "
            f"FROM (SELECT * FROM hit ORDER BY {PAGE_ORDER} LIMIT %s OFFSET %s) AS page "
            f"ORDER BY is_count DESC, {PAGE_ORDER}"
        )  # fmt: skip

    def counted_page_params(self, terms: tuple[str, ...], limit: int, offset: int) -> list:
        return [
            *self.union_params(terms),
            CONFIG, *self.text_params, MARK_START + MARK_END, CONFIG, terms[0], HEADLINE_OPTIONS,
            limit, offset,
        ]  # fmt: skip


class QueryParsedOnce(SearchQuery):
    """The visitor's query, parsed once per statement: a subquery (an InitPlan), which
    PostgreSQL runs once and then compares every row with. The search runs with a generic
    plan (``prepared_cursor``), which folds no function of a parameter into a constant: as a
    plain function call, ``websearch_to_tsquery`` parsed the text again for every row."""

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"(SELECT {sql})", params


def compiled_search(user, sources: tuple[Source, ...], *, similar: int):
    """The compiled search of ``sources`` for ``user``, in which a title is also found by
    its similarity to ``similar`` words (0: not at all), from this process's cache; None when
    the user may see nothing of them."""
    kinds = tuple(source.kind for source in sources)
    key = (has_member_access(user), timezone.localdate(), kinds, similar)
    try:
        return _compiled_searches[key]
    except KeyError:
        pass
    compiled = compile_search(user, sources, similar=similar)
    if len(_compiled_searches) >= MAX_COMPILED:
        _compiled_searches.clear()
    _compiled_searches[key] = compiled
    return compiled


def compile_search(user, sources: tuple[Source, ...], *, similar: int):
    """The search of ``sources`` for ``user`` compiled afresh, with the stand-ins."""
    query = QueryParsedOnce(STAND_IN, search_type="websearch", config=CONFIG)
    words = STAND_INS[1 : similar + 1]
    querysets = [_matches(source, user, query, words) for source in sources]
    union = querysets[0].union(*querysets[1:], all=True).order_by()
    try:
        union_sql, params = union.query.sql_with_params()
    except EmptyResultSet:
        return None
    text_sql, text_params = _text_sql(user, sources)
    for stand_in in STAND_INS:
        for param in (*params, *text_params):
            # A term must be a parameter of its own, never part of one, to be put in its place.
            if isinstance(param, str) and stand_in in param and param != stand_in:
                raise ValueError(f"A search term is part of a parameter: {param!r}")
        if stand_in in union_sql or stand_in in text_sql or stand_in in text_params:
            raise ValueError("The search terms must be parameters of the SQL.")
    return CompiledSearch(union_sql, tuple(params), text_sql, tuple(text_params))


def _matches(source: Source, user, query: SearchQuery, words: tuple[str, ...]):
    rows = source.rows(user)
    match = Q(search_vector=query)
    if source.extra_match:
        match |= source.extra_match(query)
    # The weights put a match in the title (A) above any number in the text (B).
    rank = SearchRank(F("search_vector"), query)
    if words:
        # Each word on its own, as the words are matched: the index finds the titles like
        # each, and those like all are few. Compared as one text, the longest word decided,
        # and a name after it hardly counted.
        has_words = GreaterThan(
            Func(query, function="numnode", output_field=models.IntegerField()), 0
        )
        # Only when the query has words to search for: "über sich" has none, and then each
        # word is NULL, which the index answers without reading. A condition beside the
        # similarity was checked only after the index found every title with "sich" in it.
        similar = [
            Case(When(has_words, then=Value(word)), output_field=models.TextField())
            for word in words
        ]
        match |= Q(*(Q(title__trigram_word_similar=word) for word in similar))
        # A title found only by its trigrams ranks like a match in the text. Only those are
        # scored by similarity: scoring every row that matches the words (most of the
        # portal, for a common word) cost more than the rest of the search.
        rank = Case(
            When(Q(search_vector=query), then=rank),
            default=TrigramWordSimilarity(STAND_IN, "title") * TYPO_WEIGHT,
            output_field=models.FloatField(),
        )
    return (
        rows.filter(match)
        .order_by()
        .values(
            hit_kind=Value(source.kind),
            hit_pk=F("pk"),
            hit_title=Cast(source.title, models.TextField()),
            hit_slug=Cast(source.slug, models.TextField()),
            hit_context=Cast(source.context, models.TextField()),
            hit_date=source.date,
            hit_rank=rank,
        )
    )


def _text_sql(user, sources: tuple[Source, ...]) -> tuple[str, list]:
    """The text of the hit ``page.hit_pk`` of kind ``page.hit_kind``, that the snippet is
    cut from: one subquery per kind, run only for the rows of the page."""
    cases, params = [], []
    for source in sources:
        text = (
            source.rows(user)
            .filter(pk=RawSQL("page.hit_pk", ()))
            .order_by()
            .values(hit_text=source.text)
        )
        try:
            sql, text_params = text.query.sql_with_params()
        except EmptyResultSet:
            continue
        cases.append(f"WHEN %s THEN ({sql})")
        params += [source.kind, *text_params]
    if not cases:
        return "NULL::text", []
    return f"(CASE page.hit_kind {' '.join(cases)} END)", params


def _execute(sql: str, params: list) -> list[tuple]:
    # The statement is long and the same each time: prepared once per connection and run
    # with its generic plan (see ``prepared_cursor``).
    with connection.prepared_cursor() as cursor:
        cursor.execute(native_placeholders(sql), params)
        return cursor.fetchall()


def _highlight(snippet: str) -> SafeString:
    """The snippet as HTML: entities of the rich text decoded, everything escaped, and the
    words found wrapped in ``<mark>``."""
    text = escape(" ".join(html.unescape(snippet or "").split()))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def search(text: str, user, kind: str = "", *, version=None) -> SearchResults:
    """What ``user`` finds for ``text``: lazy, to be paginated. With the content ``version``
    of the request, what the database found is kept for that version."""
    return SearchResults(text, user, kind, version=version)
