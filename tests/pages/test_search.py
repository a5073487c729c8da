import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.db.base import native_placeholders
from documents.models import Document
from events.models import Event
from inquiries.models import Inquiry
from knowledge.models import Collection, Entry
from news.models import Article
from pages.models import Page
from pages.search import (
    MAX_QUERY_LENGTH,
    SIMILAR_WORDS,
    SOURCES,
    SOURCES_BY_KIND,
    compile_search,
    search,
    similar_words,
)
from projects.models import Project
from tests.conftest import client_as
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    CollectionFactory,
    DocumentFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    ThemeFactory,
    UserFactory,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate()


@pytest.fixture(
    params=["anonymous", "member", "former_member", "staff", "staff_without_second_factor"]
)
def everyone(request, client):
    """The same request as an anonymous visitor, a member, a user of a member that has left,
    office staff and office staff without a second factor; ``client.has_access`` says whether
    members' content is theirs to see."""
    return client_as(request, client, request.param)


def titles(results) -> list[str]:
    return [hit.title for hit in results[0 : results.count()]]


def main_text(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# Lärmschutz: one thing of every kind, public or for members only ---------------------------

PUBLIC = {
    "meldung": "Weniger Lärm in der Innenstadt",
    "termin": "Fachtag Lärmschutz",
    "termin ": "Mitgliedertreffen zum Lärmschutz",  # audience "Mitglieder": announced publicly
    "projekt": "Ruhige Quartiere: Lärmschutz gemeinsam planen",
    "thema": "Lärmschutz und Nachtleben",
    "sammlung": "Lärmschutz in der Stadt",
    "dokument": "Faltblatt zum Lärmschutz",
}
MEMBERS_ONLY = {
    "meldung": "Interne Notiz zum Lärmschutz",
    "termin": "Vorstandssitzung zum Lärmschutz",
    "eintrag": "Praxisbericht Lärmschutz aus Freiburg",
    "dokument": "Protokoll der Arbeitsgruppe Lärmschutz",
    "abfrage": "Abfrage: Lärmschutz an Schulen",
}
NEVER = ["Entwurf zum Lärmschutz", "Abgelaufene Meldung zum Lärmschutz"]


@pytest.fixture
def noise(db):
    """A Lärmschutz item of every kind the search reads."""
    ArticleFactory(title=PUBLIC["meldung"], body="<p>Die Stadt plant mehr Lärmschutz.</p>")
    ArticleFactory(title=MEMBERS_ONLY["meldung"], visibility=Article.Visibility.MEMBERS)
    ArticleFactory(title=NEVER[0], status=Article.Status.DRAFT)
    ArticleFactory(
        title=NEVER[1],
        published_at=NOW - datetime.timedelta(days=10),
        expires_at=NOW - datetime.timedelta(days=1),
    )
    EventFactory(title=PUBLIC["termin"])
    EventFactory(title=PUBLIC["termin "], audience=Event.Audience.MEMBERS)
    EventFactory(title=MEMBERS_ONLY["termin"], audience=Event.Audience.INTERNAL)
    Project.objects.create(
        title=PUBLIC["projekt"],
        acronym="RUQ",
        slug="ruq",
        starts_on=datetime.date(2024, 1, 1),
        lead="Ein Projekt für ruhigere Wohnviertel.",
    )
    parent = ThemeFactory(title="Friedliches Zusammenleben", slug="zusammenleben-test")
    ThemeFactory(title=PUBLIC["thema"], slug="laermschutz-nachtleben", parent=parent)
    Page.objects.filter(slug=Page.Slug.ABOUT).update(lead="DEFUS setzt sich für Lärmschutz ein.")
    collection = CollectionFactory(
        title=PUBLIC["sammlung"], slug="laermschutz", theme=parent, description="Konzepte."
    )
    EntryFactory(collection=collection, title=MEMBERS_ONLY["eintrag"])
    DocumentFactory(title=PUBLIC["dokument"], visibility=Document.Visibility.PUBLIC)
    DocumentFactory(title=MEMBERS_ONLY["dokument"], visibility=Document.Visibility.MEMBERS)
    InquiryFactory(title=MEMBERS_ONLY["abfrage"])


def test_everyone_finds_what_they_may_see_and_nothing_else(everyone, noise):
    found = titles(search("Lärmschutz", everyone.user))
    expected = set(PUBLIC.values()) | {"Was ist DEFUS?"}
    if everyone.has_access:
        expected |= set(MEMBERS_ONLY.values())
    assert set(found) == expected


def test_the_results_page_never_shows_a_title_from_the_members_area_to_outsiders(everyone, noise):
    response = everyone.get("/suche/", {"q": "Lärmschutz"})
    assert response.status_code == 200
    text = main_text(response)
    for title in PUBLIC.values():
        assert title in text
    for title in MEMBERS_ONLY.values():
        assert (title in text) is everyone.has_access, title
    for title in NEVER:
        assert title not in text
    assert ('<span class="badge">Eintrag</span>' in text) is everyone.has_access
    assert ('<span class="badge">Abfrage</span>' in text) is everyone.has_access


def test_each_kind_of_hit_is_labelled_and_links_to_its_page(member_user, noise):
    hits = {hit.title: hit for hit in search("Lärmschutz", member_user)[0:50]}
    article = Article.objects.get(title=PUBLIC["meldung"])
    event = Event.objects.get(title=PUBLIC["termin"])
    entry = Entry.objects.get()
    document = Document.objects.get(title=MEMBERS_ONLY["dokument"])
    inquiry = Inquiry.objects.get()
    expected = {
        PUBLIC["meldung"]: ("Meldung", article.get_absolute_url()),
        PUBLIC["termin"]: ("Termin", event.get_absolute_url()),
        PUBLIC["projekt"]: ("Projekt", "/projekte/ruq/"),
        "Was ist DEFUS?": ("Seite", "/ueber-uns/"),
        # A topic has no page of its own: its Themenschwerpunkt has.
        PUBLIC["thema"]: ("Thema", "/themen/zusammenleben-test/"),
        PUBLIC["sammlung"]: ("Sammlung", "/wissen/laermschutz/"),
        MEMBERS_ONLY["eintrag"]: ("Eintrag", f"/wissen/laermschutz/#eintrag-{entry.pk}"),
        MEMBERS_ONLY["dokument"]: ("Dokument", document.get_absolute_url()),
        MEMBERS_ONLY["abfrage"]: ("Abfrage", inquiry.get_absolute_url()),
    }
    for title, (label, url) in expected.items():
        assert (hits[title].label, hits[title].url) == (label, url)


def test_a_general_assembly_is_found_with_its_number(member_user):
    EventFactory(
        title="Mitgliederversammlung in Gelsenkirchen",
        kind=Event.Kind.GENERAL_ASSEMBLY,
        assembly_number=27,
    )
    assert titles(search("Gelsenkirchen", member_user))[0] == (
        "27. Mitgliederversammlung in Gelsenkirchen"
    )


def test_the_results_page_counts_the_hits_and_offers_each_kind(member_user, client, noise):
    client.force_login(member_user)
    text = main_text(client.get("/suche/", {"q": "Lärmschutz"}))
    assert "13 Treffer für „Lärmschutz“" in text
    assert "Alle (13)" in text
    assert "Termine (3)" in text
    assert "Einträge (1)" in text
    only_events = main_text(client.get("/suche/", {"q": "Lärmschutz", "art": "termin"}))
    assert "3 Treffer für „Lärmschutz“" in only_events
    assert PUBLIC["meldung"] not in only_events
    assert 'aria-current="true">Termine (3)' in only_events


def test_an_unknown_kind_searches_every_kind(client, noise):
    response = client.get("/suche/", {"q": "Lärmschutz", "art": "<script>"})
    assert response.status_code == 200
    assert "8 Treffer für „Lärmschutz“" in main_text(response)


# Abfragen: the question, its answers and its published summary -----------------------------


@pytest.fixture
def inquiry(db):
    inquiry = InquiryFactory(
        title="Erfahrungen mit Waffenverbotszonen",
        context="Wie begründen Sie die Zone rechtlich?",
        deadline=TODAY - datetime.timedelta(days=5),
        summary="<p>Die meisten Städte stützen sich auf die Polizeiverordnung.</p>",
        summary_published_at=NOW - datetime.timedelta(days=1),
    )
    AnswerFactory(inquiry=inquiry, text="Wir haben Piktogramme an allen Eingängen aufgestellt.")
    draft = InquiryFactory(
        title="Umgang mit Graffiti", summary="<p>Vertraulicher Zwischenstand: Sprühdosen</p>"
    )
    return inquiry, draft


@pytest.mark.parametrize("word", ["Waffenverbotszonen", "rechtlich", "Piktogramme"])
def test_members_find_an_inquiry_by_its_question_its_answers_and_its_summary(
    member_user, inquiry, word
):
    assert titles(search(word, member_user)) == ["Erfahrungen mit Waffenverbotszonen"]


def test_a_published_summary_is_found_a_draft_is_not(member_user, inquiry):
    assert titles(search("Polizeiverordnung", member_user)) == [
        "Erfahrungen mit Waffenverbotszonen"
    ]
    assert titles(search("Sprühdosen", member_user)) == []


@pytest.mark.parametrize("word", ["Waffenverbotszonen", "Piktogramme", "Polizeiverordnung"])
def test_outsiders_find_nothing_of_an_inquiry(client, former_member_user, inquiry, word):
    assert titles(search(word, AnonymousUser())) == []
    assert titles(search(word, former_member_user)) == []
    assert "Erfahrungen mit" not in main_text(client.get("/suche/", {"q": word}))


def test_anyone_finds_a_collection_but_only_members_its_entries(client, member_user):
    collection = CollectionFactory(title="Videoüberwachung", description="Rechtliche Grundlagen")
    EntryFactory(collection=collection, title="Videoüberwachung am Bahnhof Köln")
    assert titles(search("Videoüberwachung", AnonymousUser())) == ["Videoüberwachung"]
    assert set(titles(search("Videoüberwachung", member_user))) == {
        "Videoüberwachung",
        "Videoüberwachung am Bahnhof Köln",
    }


# Language, ranking, typos ------------------------------------------------------------------


def test_german_stemming_finds_other_forms_of_a_word():
    ArticleFactory(title="Sicherheit in der Stadt")
    ArticleFactory(title="Kiezläufer in Berlin", body="<p>Die Kiezläuferinnen gehen los.</p>")
    assert "Sicherheit in der Stadt" in titles(search("Städte", AnonymousUser()))
    assert titles(search("Kiezläufern", AnonymousUser())) == ["Kiezläufer in Berlin"]


def test_a_match_in_the_title_ranks_above_matches_in_the_text():
    ArticleFactory(
        title="Jahresbericht 2024",
        body="<p>Quartiersmanagement hier, Quartiersmanagement dort, "
        "und noch einmal Quartiersmanagement.</p>",
        published_at=NOW - datetime.timedelta(minutes=5),
    )
    EventFactory(title="Quartiersmanagement in Essen")
    CollectionFactory(title="Sozialraum", description="Quartiersmanagement und Beteiligung")
    assert titles(search("Quartiersmanagement", AnonymousUser()))[0] == (
        "Quartiersmanagement in Essen"
    )


@pytest.mark.parametrize(
    ("typo", "title"),
    [
        ("Krisenmanagment", "Krisenmanagement in Kommunen"),
        ("Präventoin", "Fachtag Prävention"),
        ("Hitzeaktionsplän", "Der Hitzeaktionsplan der Stadt Köln"),
    ],
)
def test_a_typo_still_finds_the_title(typo, title):
    CollectionFactory(title="Krisenmanagement in Kommunen")
    EventFactory(title="Fachtag Prävention")
    ArticleFactory(title="Der Hitzeaktionsplan der Stadt Köln")
    found = titles(search(typo, AnonymousUser()))
    assert title in found
    assert "Fachtag Jugendschutz" not in found


def test_a_similar_title_resembles_each_word_not_only_the_longest():
    """Two words with a typo find the titles like both: "Erfahrungen Kasel" is about Kassel.
    Compared as one text, "Erfahrungen" alone made every city's title similar enough."""
    for city in ["Kassel", "Bremen", "Essen"]:
        ArticleFactory(title=f"Videoschutz: Erfahrungen aus {city}")
    assert titles(search("Erfahrungen Kasel", AnonymousUser())) == [
        "Videoschutz: Erfahrungen aus Kassel"
    ]
    CollectionFactory(title="Krisenmanagement in Kommunen")
    found = titles(search("Krisenmanagment in Kommunen", AnonymousUser()))
    assert "Krisenmanagement in Kommunen" in found
    assert not [title for title in found if "Erfahrungen" in title]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Krisenmanagment", ("Krisenmanagment",)),
        ("Erfahrungen aus Kasel", ("Erfahrungen", "Kasel")),
        ("Sicherheit in der Stadt Köln", ("Sicherheit", "Stadt")),
        ("Zoo und Tor", ()),
        ('"Erfahrungen aus Kasel"', ()),
        ("Kassel -Bremen", ()),
    ],
)
def test_a_similar_title_must_resemble_the_longest_words_of_a_plain_query(text, words):
    assert similar_words(text) == words


def test_an_exact_match_ranks_above_a_similar_title():
    EventFactory(title="Deutscher Nachtökonomiegipfel")
    ArticleFactory(title="Nachtökonomie vor Ort")
    assert titles(search("Nachtökonomie", AnonymousUser())) == [
        "Nachtökonomie vor Ort",
        "Deutscher Nachtökonomiegipfel",
    ]


def test_quotes_search_a_phrase_and_a_minus_excludes_a_word():
    ArticleFactory(title="Quartiere helfen Quartieren", body="<p>Das Motto im Kiez.</p>")
    ArticleFactory(title="Quartiere in Not", body="<p>Wer hilft? Helfen Sie mit!</p>")
    assert titles(search('"Quartiere helfen"', AnonymousUser())) == ["Quartiere helfen Quartieren"]
    assert titles(search("Quartiere -Motto", AnonymousUser())) == ["Quartiere in Not"]
    assert set(titles(search("Kiez or hilft", AnonymousUser()))) == {
        "Quartiere helfen Quartieren",
        "Quartiere in Not",
    }


def test_a_query_with_operators_means_exactly_that_without_typo_tolerance():
    CollectionFactory(title="Das Hitzeaktionsplanbuch")
    assert titles(search("Hitzeaktionsplanbuhc", AnonymousUser())) == ["Das Hitzeaktionsplanbuch"]
    assert titles(search('"Hitzeaktionsplanbuhc"', AnonymousUser())) == []


def test_the_snippet_marks_the_words_found_and_escapes_everything_else():
    ArticleFactory(
        title="Nachtbürgermeister",
        teaser="",
        body="<p>Ruhe &amp; Ordnung: Der <strong>Nachtbürgermeister</strong> vermittelt "
        "zwischen Clubs und Anwohnenden.</p>",
    )
    CollectionFactory(title="Nachtleben", description="<b>Nachtbürgermeister</b> & Clubs")
    hits = {hit.title: hit for hit in search("Nachtbürgermeister", AnonymousUser())[0:10]}
    assert str(hits["Nachtbürgermeister"].snippet) == (
        "Ruhe &amp; Ordnung: Der <mark>Nachtbürgermeister</mark> vermittelt zwischen Clubs "
        "und Anwohnenden"
    )
    assert "<b>" not in hits["Nachtleben"].snippet
    assert "<mark>Nachtbürgermeister</mark>" in hits["Nachtleben"].snippet


# Compiled once per process: the same SQL for everyone with the same access -----------------


def test_the_compiled_search_depends_on_member_access_alone(
    member_user, former_member_user, staff_user, staff_without_second_factor
):
    """Each process keeps the compiled search per member access (and day, kinds, typos):
    users with the same access must get the very same SQL and parameters, whoever they are."""
    neighbour = MemberFactory(name="Nachbarstadt", designation="Stadt Nachbarstadt", slug="nb")
    with_access = [member_user, UserFactory(member=neighbour), staff_user]
    without_access = [AnonymousUser(), former_member_user, staff_without_second_factor]
    assert all(user.has_member_access for user in with_access)
    assert not any(getattr(user, "has_member_access", False) for user in without_access)
    for similar in range(SIMILAR_WORDS + 1):
        for sources in [SOURCES, *((source,) for source in SOURCES)]:
            for users in (with_access, without_access):
                compiled = [compile_search(user, sources, similar=similar) for user in users]
                assert all(each == compiled[0] for each in compiled), (sources, users)
    members, visitors = (
        compile_search(users[0], SOURCES, similar=1) for users in (with_access, without_access)
    )
    assert members.union_sql != visitors.union_sql


def test_a_member_and_a_visitor_searching_in_turn_each_see_their_own_hits(
    client, member_user, noise
):
    members_client = Client()
    members_client.force_login(member_user)
    for _ in range(2):
        for kind in ["", "meldung", "eintrag", "abfrage", "dokument"]:
            query = {"q": "Lärmschutz", "art": kind}
            visitor_sees = main_text(client.get("/suche/", query))
            member_sees = main_text(members_client.get("/suche/", query))
            for title in MEMBERS_ONLY.values():
                assert title not in visitor_sees, (kind, title)
            assert any(title in member_sees for title in MEMBERS_ONLY.values()), kind
        assert set(titles(search("Lärmschutz", member_user))) >= set(MEMBERS_ONLY.values())
        assert not set(titles(search("Lärmschutz", AnonymousUser()))) & set(MEMBERS_ONLY.values())


def test_each_search_puts_its_own_words_in_every_place_of_the_compiled_sql(member_user):
    """The typo path, the match, the rank and the snippet all use the visitor's text."""
    CollectionFactory(title="Krisenmanagement in Kommunen", description="Stäbe und Übungen.")
    EventFactory(title="Fachtag Prävention", description="<p>Prävention vor Ort.</p>")
    for _ in range(2):
        for user in (AnonymousUser(), member_user):
            found = titles(search("Krisenmanagment", user))
            assert "Krisenmanagement in Kommunen" in found
            assert "Fachtag Prävention" not in found
            found = titles(search("Präventoin", user))
            assert "Fachtag Prävention" in found
            assert "Krisenmanagement in Kommunen" not in found
            hits = search("Prävention", user)[0:5]
            assert hits[0].title == "Fachtag Prävention"
            assert "<mark>Prävention</mark>" in hits[0].snippet


def test_a_typo_search_over_many_articles_asks_the_trigram_index():
    """pages/migrations/0011: with the true cost of a trigram comparison the planner reads
    the candidates from the index instead of comparing every title."""
    topics = ["Kriminalprävention", "Nachtleben", "Videoschutz", "Hitzeschutz", "Ordnungsdienst"]
    Article.objects.bulk_create(
        Article(
            title=f"{topics[n % 5]}: Erfahrungen aus Stadt {n}",
            slug=f"erfahrungen-{n}",
            body=f"<p>Bericht über {topics[n % 5]}.</p>",
            status=Article.Status.PUBLISHED,
            published_at=NOW - datetime.timedelta(hours=n + 1),
        )
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        # As autovacuum leaves them: the new rows moved from the indexes' pending lists.
        cursor.execute("SELECT gin_clean_pending_list('article_search')")
        cursor.execute("SELECT gin_clean_pending_list('article_title_trigrams')")
        cursor.execute("ANALYZE news_article")
    compiled = compile_search(AnonymousUser(), SOURCES, similar=1)
    plan = generic_plan(compiled.counted_page_sql)  # the plan every search runs with
    assert "article_title_trigrams" in plan
    assert "article_search" in plan


def test_a_text_of_stop_words_does_not_read_the_trigram_index():
    """A text of stop words ("sich") has no words to search for, so no similar titles
    either: the index is not read for them. It was, for every title with "Sicherheit" in it."""
    for n in range(30):
        ArticleFactory(title=f"Sicherheit im Quartier {n}")

    def titles_read(text):
        terms = (text, *similar_words(text))
        compiled = compile_search(
            AnonymousUser(), (SOURCES_BY_KIND["meldung"],), similar=len(terms) - 1
        )
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + compiled.union_sql,
                compiled.union_params(terms),
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        scan = re.search(
            r"Bitmap Index Scan on article_title_trigrams \(actual rows=([\d.]+)", plan
        )
        assert scan, plan
        return float(scan[1])

    assert similar_words("sich") == ("sich",)
    assert titles(search("sich", AnonymousUser())) == []
    assert titles_read("sich") == 0
    assert titles_read("Sichreheit") >= 30  # a word, with a typo: the index is read


def generic_plan(sql: str) -> str:
    """The plan PostgreSQL makes for ``sql`` without its parameters' values, as for the
    search's prepared statement (``prepared_cursor``)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (GENERIC_PLAN, VERBOSE) {native_placeholders(sql)}")
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("similar", range(SIMILAR_WORDS + 1))
def test_the_search_parses_the_query_once_not_for_every_row(member_user, similar):
    """A generic plan folds no function of a parameter into a constant: every
    ``websearch_to_tsquery`` has to be an InitPlan of its own, run once, that the rows are
    compared with. As a plain call in a condition, it parsed the text again for every row."""
    for user in (AnonymousUser(), member_user):
        compiled = compile_search(user, SOURCES, similar=similar)
        lines = [line.strip() for line in generic_plan(compiled.counted_page_sql).splitlines()]
        parsing = [n for n, line in enumerate(lines) if "websearch_to_tsquery(" in line]
        assert len(parsing) >= len(SOURCES)  # every kind's match, and the snippet's
        for n in parsing:
            assert re.fullmatch(r"Output: websearch_to_tsquery\(\$\d+, \$\d+\)", lines[n])
            assert lines[n - 1].startswith("->  Result") and lines[n - 2].startswith("InitPlan")


def test_every_index_the_search_reads_is_written_through():
    """core.fields.search_index: no GIN index keeps a pending list of new rows, which every
    search would read in full until autovacuum empties it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
            "WHERE a.amname = 'gin' AND c.relnamespace = 'public'::regnamespace"
        )
        indexes = dict(cursor.fetchall())
    assert {"article_search", "article_title_trigrams", "entry_search", "answer_search"} <= set(
        indexes
    )
    assert [
        name for name, options in indexes.items() if "fastupdate=off" not in (options or [])
    ] == []


# Odd input ---------------------------------------------------------------------------------

ODD_QUERIES = [
    "",
    "   ",
    "und die der",
    '"',
    '""',
    '"Städte',
    "&|!():*<>",
    "a & b | !c",
    "Prävention:*",
    "a\x00b",
    "\x00",
    "\\",
    "'; DROP TABLE news_article; --",
    "%%>",
    "-",
    "--",
    "or",
    "(((",
    "ÄÖÜß 🙂 中文 עברית",
    "\u200b\ufeff",
    "<script>alert(1)</script>",
    "Prävention " * 100,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_get_a_friendly_page(client, query):
    ArticleFactory(title="Kommunale Prävention")
    response = client.get("/suche/", {"q": query})
    if "\x00" in query:  # NUL is refused everywhere, with the German 400 page (issue 8)
        assert response.status_code == 400
        assert "Diese Anfrage können wir nicht verarbeiten" in response.text
        return
    assert response.status_code == 200
    text = main_text(response)
    assert "<h1>Suche</h1>" in text
    assert "<script>alert" not in response.content.decode()
    assert re.search(r"Treffer für|Geben Sie einen oder mehrere Begriffe ein", text)


def test_an_empty_query_explains_how_to_search(client):
    text = main_text(client.get("/suche/"))
    assert "Geben Sie einen oder mehrere Begriffe ein" in text
    assert "Treffer für" not in text


def test_only_stop_words_find_nothing_and_say_why(client):
    ArticleFactory(title="Die Stadt und der Raum")
    text = main_text(client.get("/suche/", {"q": "und die der"}))
    assert "Keine Treffer" in text
    assert "Häufige Wörter wie „und“, „die“ oder „der“ werden nicht gesucht." in text


def test_a_very_long_query_is_shortened_and_says_so(client):
    ArticleFactory(title="Der Hitzeschutzplan")
    response = client.get("/suche/", {"q": "Hitzeschutzplan " * 100})
    text = main_text(response)
    assert f"Gesucht wurde nach den ersten {MAX_QUERY_LENGTH} Zeichen." in text
    assert "1 Treffer für" in text
    assert len(search("Hitzeschutzplan " * 100, None).text) == MAX_QUERY_LENGTH


def test_control_characters_are_dropped_from_the_query():
    ArticleFactory(title="Der Hitzeschutzplan")
    assert search("Hitze\x00schutz\tplan\n", AnonymousUser()).text == "Hitze schutz plan"
    assert titles(search("Hitzeschutzplan\x00", AnonymousUser())) == ["Der Hitzeschutzplan"]


@pytest.mark.parametrize("number", ["abc", "0", "-1", "999", "2.5", ""])
def test_any_page_number_gets_a_page(client, number):
    ArticleFactory.create_batch(25, title="Der Hitzeschutzplan")
    response = client.get("/suche/", {"q": "Hitzeschutzplan", "page": number})
    assert response.status_code == 200
    assert "25 Treffer" in main_text(response)


def test_results_are_paginated(client):
    ArticleFactory.create_batch(45, title="Der Hitzeschutzplan")
    first = main_text(client.get("/suche/", {"q": "Hitzeschutzplan"}))
    last = main_text(client.get("/suche/", {"q": "Hitzeschutzplan", "page": 3}))
    assert first.count('class="search-hit"') == 20
    assert "Seite 1 von 3" in first
    assert last.count('class="search-hit"') == 5
    assert '<ol class="search-results" start="41">' in last


@pytest.mark.parametrize("page", ["1", "2", "3", "4", "0", "zwei", None])
def test_the_counts_and_the_expected_page_in_one_query_are_the_same_as_in_two(
    client, member_user, page
):
    """The view reads the counts and the page it expects in one query; a page past the end
    (the last page is shown) costs a second one. Either way the hits are those of a search
    that reads them apart."""
    ArticleFactory.create_batch(25, title="Der Hitzeschutzplan")
    EventFactory.create_batch(20, title="Fachtag zum Hitzeschutzplan")
    EntryFactory.create_batch(5, title="Hitzeschutzplan der Stadt Mainz")
    client.force_login(member_user)
    separately = search("Hitzeschutzplan", member_user)
    number = int(page) if page in ("1", "2", "3") else 3 if page in ("4", "0") else 1
    expected = separately[(number - 1) * 20 : min(number * 20, separately.count())]
    queries = 1 if page in ("1", "2", "3", "zwei", None) else 2
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/suche/", {"q": "Hitzeschutzplan", "page": page or ""})
    searches = [q for q in captured.captured_queries if "hit_kind" in q["sql"]]
    assert len(searches) == queries
    assert response.context["page_obj"].number == number
    assert list(response.context["object_list"]) == expected
    assert response.context["results"].counts_by_kind == {
        "meldung": 25,
        "termin": 20,
        "eintrag": 5,
    }


# The page, the header, the budget ----------------------------------------------------------


def test_the_search_page_is_public_and_not_for_search_engines(visitor):
    response = visitor.get("/suche/", {"q": "Prävention"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert html.count('role="search"') == 1
    assert '<label for="id_q">Suchbegriff</label>' in html


def test_every_page_has_a_labelled_search_field_in_the_header(visitor):
    html = visitor.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert '<form class="site-search" role="search" method="get" action="/suche/">' in header
    assert '<label for="site-search">Suche</label>' in header
    assert '<input type="search" id="site-search" name="q"' in header


@pytest.fixture
def crowd(db, member):
    """10,000 entries and a few hundred of everything else, a tenth about Prävention."""
    theme = Theme.objects.filter(parent=None).first()
    collections = Collection.objects.bulk_create(
        Collection(title=f"Sammlung {n}", slug=f"sammlung-{n}", theme=theme, description="…")
        for n in range(20)
    )

    def about(n):
        return "Prävention" if n % 10 == 0 else "Beteiligung"

    Entry.objects.bulk_create(
        Entry(
            collection=collections[n % 20],
            kind=Entry.Kind.NOTE,
            title=f"Praxisbeispiel {n}: {about(n)} im Quartier",
            description=f"Erfahrungen mit {about(n)} aus Stadt {n}.",
        )
        for n in range(10_000)
    )
    Article.objects.bulk_create(
        Article(
            title=f"Meldung {n} zur {about(n)}",
            slug=f"meldung-{n}",
            body=f"<p>Bericht über {about(n)}.</p>",
            status=Article.Status.PUBLISHED,
            published_at=NOW - datetime.timedelta(hours=n + 1),
        )
        for n in range(300)
    )
    Event.objects.bulk_create(
        Event(title=f"Austausch {n} zur {about(n)}", slug=f"austausch-{n}", starts_on=TODAY)
        for n in range(300)
    )
    Document.objects.bulk_create(
        Document(title=f"Protokoll {n} zur {about(n)}", file=f"dokumente/2024/protokoll-{n}.pdf")
        for n in range(300)
    )
    Project.objects.bulk_create(
        Project(
            title=f"Projekt {n} zur {about(n)}",
            acronym=f"P{n}",
            slug=f"projekt-{n}",
            starts_on=TODAY,
            lead="Ein Vorhaben.",
        )
        for n in range(100)
    )
    Inquiry.objects.bulk_create(
        Inquiry(title=f"Abfrage {n} zur {about(n)}", context="Wie?", deadline=TODAY)
        for n in range(200)
    )


@pytest.mark.parametrize("query", ["Prävention", "Präventoin", "Beteiligung Quartier"])
def test_a_search_over_ten_thousand_entries_stays_within_five_queries(
    client, member_user, crowd, django_assert_max_num_queries, query
):
    client.force_login(member_user)
    with django_assert_max_num_queries(5):
        response = client.get("/suche/", {"q": query, "page": 2})
    assert response.status_code == 200
    assert main_text(response).count('class="search-hit"') == 20


def test_the_kind_filter_stays_within_the_budget_too(
    client, member_user, crowd, django_assert_max_num_queries
):
    client.force_login(member_user)
    with django_assert_max_num_queries(5):
        response = client.get("/suche/", {"q": "Prävention", "art": "eintrag"})
    assert "1000 Treffer für „Prävention“" in main_text(response)


def test_anonymous_visitors_search_within_the_budget(client, crowd, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get("/suche/", {"q": "Prävention"})
    assert "Praxisbeispiel" not in main_text(response)


# Members


def test_anyone_finds_a_member_by_name_and_by_state(client):
    kaiserslautern = MemberFactory(
        name="Kaiserslautern",
        designation="Stadt Kaiserslautern",
        slug="kaiserslautern",
        state="RP",
        description="Kommunaler Präventionsrat seit 1998.",
    )
    MemberFactory(name="Gelsenkirchen", designation="Stadt Gelsenkirchen", state="NW")
    gone = MemberFactory(
        name="Kaiserstadt",
        designation="Stadt Kaiserstadt",
        state="RP",
        joined_on=datetime.date(2012, 1, 1),
        left_on=datetime.date(2020, 1, 1),
    )
    for query in ["Kaiserslautern", "Rheinland-Pfalz", "Kaiserslauten"]:
        hits = search(query, AnonymousUser())[:10]
        assert [(hit.kind, hit.title) for hit in hits] == [("mitglied", "Stadt Kaiserslautern")], (
            query
        )
        assert hits[0].url == kaiserslautern.get_absolute_url()
        assert hits[0].context_display == "Rheinland-Pfalz"
    assert gone.designation not in client.get("/suche/?q=Rheinland-Pfalz").text
    page = client.get("/suche/?q=Kaiserslautern").text
    assert "Stadt Kaiserslautern" in page and 'href="/mitglieder/kaiserslautern/"' in page


def test_the_member_filter_stays_within_the_budget(client, django_assert_max_num_queries):
    MemberFactory.create_batch(200, state="RP")
    with django_assert_max_num_queries(6):
        response = client.get("/suche/?q=Rheinland-Pfalz&art=mitglied")
    assert response.status_code == 200
    assert response.text.count('href="/mitglieder/musterstadt-') == 20


# Kept results: what the database found is kept per process for the content version --------


def search_queries(client, query: dict) -> list[str]:
    """The SQL of the search queries one request of ``client`` sends."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/suche/", query).status_code == 200
    return [each["sql"] for each in captured.captured_queries if "hit_kind" in each["sql"]]


def test_the_same_search_asks_the_database_once_per_content_version(client):
    ArticleFactory(title="Lärmschutz im Quartier", visibility="oeffentlich")
    client.cookies["csrftoken"] = "x" * 32  # a visitor with a cookie: never page-cached
    query = {"q": "Lärmschutz"}
    assert len(search_queries(client, query)) == 1  # the counts and the page in one query
    assert search_queries(client, query) == []  # kept
    by_kind = {"q": "Lärmschutz", "art": "meldung"}
    assert search_queries(client, by_kind)  # another question: read afresh, then kept
    assert search_queries(client, by_kind) == []
    assert len(search_queries(client, {"q": "Quartier"})) == 1  # other words


def test_a_kept_search_shows_a_change_at_the_next_request(
    client, django_capture_on_commit_callbacks
):
    """Publishing, editing and deleting give a new content version once committed: the next
    search reads afresh, on every worker (the version lives in the shared cache)."""
    client.cookies["csrftoken"] = "x" * 32
    query = {"q": "Lärmschutz"}
    assert "Keine Treffer" in main_text(client.get("/suche/", query))
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(title="Lärmschutz im Quartier", visibility="oeffentlich")
    assert "Lärmschutz im Quartier" in main_text(client.get("/suche/", query))
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Lärmschutz an Schulen"
        article.save()
    page = main_text(client.get("/suche/", query))
    assert "Lärmschutz an Schulen" in page and "Lärmschutz im Quartier" not in page
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert "Keine Treffer" in main_text(client.get("/suche/", query))


@pytest.mark.parametrize(
    "kind", ["anonymous", "staff_without_second_factor", "former_member", "staff"]
)
def test_what_a_member_found_is_never_kept_for_anyone_else(request, member_user, noise, kind):
    """A member searches first, so the member's hits are kept; then everyone else searches
    for the same words, with a cookie (never page-cached), and finds only their own."""
    members_client = Client()
    members_client.force_login(member_user)
    for art in ["", "eintrag"]:
        member_sees = main_text(members_client.get("/suche/", {"q": "Lärmschutz", "art": art}))
        assert any(title in member_sees for title in MEMBERS_ONLY.values())
    other = client_as(request, Client(), kind)
    other.cookies["csrftoken"] = "x" * 32
    for art in ["", "eintrag"]:
        sees = main_text(other.get("/suche/", {"q": "Lärmschutz", "art": art}))
        found = [title for title in MEMBERS_ONLY.values() if title in sees]
        assert bool(found) is other.has_access, (kind, art, found)


def test_switched_off_the_search_reads_the_database_every_time(settings, client):
    settings.FRAGMENT_CACHE_SECONDS = 0
    article = ArticleFactory(title="Lärmschutz im Quartier", visibility="oeffentlich")
    client.cookies["csrftoken"] = "x" * 32
    assert "Lärmschutz im Quartier" in main_text(client.get("/suche/", {"q": "Lärmschutz"}))
    Article.objects.filter(pk=article.pk).update(title="Lärmschutz an Schulen")  # no signal
    assert "Lärmschutz an Schulen" in main_text(client.get("/suche/", {"q": "Lärmschutz"}))
