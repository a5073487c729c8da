import datetime

import pytest
from django.utils import timezone

from news.models import Article
from projects.models import Project
from tests.factories import ArticleFactory, MemberFactory, UserFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def themes():
    return {theme.slug: theme for theme in Theme.objects.filter(parent=None)}


@pytest.fixture
def members_only():
    return ArticleFactory(
        title="Ergebnisse der Abfrage zur kommunalen Prävention",
        slug="ergebnisse-der-abfrage",
        visibility=Article.Visibility.MEMBERS,
    )


def many_articles(count: int, member, themes) -> None:
    """``count`` published articles, every other from ``member``, each on two themes."""
    now = timezone.now()
    articles = Article.objects.bulk_create(
        ArticleFactory.build(
            slug=f"massenmeldung-{n}",
            title=f"Massenmeldung {n}",
            member=member if n % 2 else None,
            published_at=now - n * HOUR,
            visibility=Article.Visibility.MEMBERS if n % 5 == 0 else Article.Visibility.PUBLIC,
        )
        for n in range(1, count + 1)
    )
    Through = Article.themes.through
    Through.objects.bulk_create(
        Through(article=article, theme=theme) for article in articles for theme in themes[:2]
    )


# --- The list ---


def test_list_shows_office_and_member_news_newest_first(visitor, member):
    ArticleFactory(title="Weihnachtsgrüße", published_at=timezone.now() - DAY)
    ArticleFactory(title="Sicherheit an Schulen", member=member, published_at=timezone.now() - HOUR)
    response = visitor.get("/aktuelles/")
    assert response.status_code == 200
    text = response.text
    assert text.count("<h1>") == 1
    assert text.index("Sicherheit an Schulen") < text.index("Weihnachtsgrüße")
    assert '<span class="source">Stadt Essen</span>' in text
    assert '<span class="source">DEFUS Aktuell</span>' in text


def test_members_only_article_is_listed_for_members_and_staff_only(visitor, members_only):
    text = visitor.get("/aktuelles/").text
    if visitor.anonymous:
        assert members_only.title not in text
        assert "nur für Mitglieder" not in text
    else:
        assert members_only.title in text
        assert '<span class="badge badge-members">nur für Mitglieder</span>' in text


def test_user_of_a_member_that_left_sees_no_members_only_article(
    client, former_member_user, members_only
):
    client.force_login(former_member_user)
    assert members_only.title not in client.get("/aktuelles/").text
    assert client.get(members_only.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + 365 * DAY},
        {"published_at": timezone.now() - 30 * DAY, "expires_at": timezone.now() - DAY},
    ],
    ids=["draft", "scheduled", "expired"],
)
def test_unpublished_article_is_neither_listed_nor_shown(visitor, fields):
    article = ArticleFactory(title="Noch nicht oder nicht mehr", **fields)
    assert article.title not in visitor.get("/aktuelles/").text
    assert visitor.get(article.get_absolute_url()).status_code == 404


def test_article_with_several_themes_is_listed_once(client, member, themes):
    ArticleFactory(title="Eine Meldung, vier Themen", member=member, themes=themes.values())
    for query in [
        {},
        {"theme": "oeffentlicher-raum"},
        {"source": "essen"},
        {"source": "mitglieder"},
    ]:
        assert client.get("/aktuelles/", query).text.count("Eine Meldung, vier Themen") == 1
    assert client.get("/mitglieder/essen/").text.count("Eine Meldung, vier Themen") == 1


def test_list_filters_by_source(client, member):
    ArticleFactory(title="Aus der Geschäftsstelle")
    ArticleFactory(title="Aus Essen", member=member)
    ArticleFactory(title="Aus Hannover", member=MemberFactory(slug="hannover"))

    def titles(source):
        text = client.get("/aktuelles/", {"source": source}).text
        return {t for t in ["Aus der Geschäftsstelle", "Aus Essen", "Aus Hannover"] if t in text}

    assert titles("defus") == {"Aus der Geschäftsstelle"}
    assert titles("mitglieder") == {"Aus Essen", "Aus Hannover"}
    assert titles("essen") == {"Aus Essen"}


def test_list_filters_by_theme_including_its_topics(client, themes):
    space = themes["oeffentlicher-raum"]
    ArticleFactory(title="Drogenszene am Bahnhof", themes=[space])
    ArticleFactory(title="Szene putzt selbst", themes=[space.topics.first()])
    ArticleFactory(title="Istanbul-Konvention", themes=[themes["friedliches-zusammenleben"]])
    text = client.get("/aktuelles/", {"theme": "oeffentlicher-raum"}).text
    assert "Drogenszene am Bahnhof" in text and "Szene putzt selbst" in text
    assert "Istanbul-Konvention" not in text


def test_list_filters_by_year_in_berlin_time(client):
    berlin = timezone.get_current_timezone()
    # 00:30 on New Year's Day in Berlin is still the old year in UTC.
    ArticleFactory(
        title="Neujahrsgruß", published_at=datetime.datetime(2025, 1, 1, 0, 30, tzinfo=berlin)
    )
    ArticleFactory(
        title="Silvesterbericht", published_at=datetime.datetime(2024, 12, 31, 12, tzinfo=berlin)
    )
    text = client.get("/aktuelles/", {"year": "2025"}).text
    assert "Neujahrsgruß" in text and "Silvesterbericht" not in text
    assert '<option value="2024">2024</option>' in text


def test_filter_choices_do_not_hint_at_members_only_news(client, member):
    ArticleFactory(
        member=member,
        visibility=Article.Visibility.MEMBERS,
        published_at=datetime.datetime(2019, 5, 1, tzinfo=datetime.UTC),
    )
    ArticleFactory()
    text = client.get("/aktuelles/").text
    assert '<option value="essen">' not in text
    assert '<option value="2019">' not in text


@pytest.mark.parametrize(
    "query",
    [
        {"source": "atlantis"},
        {"theme": "<script>"},
        {"year": "zweitausend"},
        {"year": "99999999999999999999"},
        {"source": "x" * 500, "theme": "", "year": "2017"},
    ],
)
def test_unknown_filter_values_give_a_german_message_not_an_error(client, query):
    ArticleFactory()
    response = client.get("/aktuelles/", query)
    assert response.status_code == 200
    assert "keine gültige Auswahl" in response.text


@pytest.mark.parametrize("page", ["2", "999", "-1", "0", "abc", "1e9", "9" * 40])
def test_page_past_the_end_or_not_a_number_is_no_error(client, page):
    ArticleFactory.create_batch(25)
    response = client.get("/aktuelles/", {"page": page})
    assert response.status_code == 200
    assert response.text.count('<li class="article-item">') in (5, 20)


def test_pagination_keeps_the_filter(client, member):
    ArticleFactory.create_batch(25, member=member)
    text = client.get("/aktuelles/", {"source": "essen"}).text
    assert 'href="?source=essen&amp;page=2" rel="next"' in text
    assert "Seite 1 von 2" in text


def test_list_stays_within_its_query_budget(visitor, member, themes, django_assert_max_num_queries):
    many_articles(500, member, list(themes.values()))
    with django_assert_max_num_queries(8):
        response = visitor.get("/aktuelles/")
    assert response.text.count('<li class="article-item">') == 20
    with django_assert_max_num_queries(8):
        response = visitor.get(
            "/aktuelles/", {"theme": "friedliches-zusammenleben", "source": "essen", "page": "3"}
        )
    assert response.text.count('<li class="article-item">') == 20


def test_feed_is_announced_on_the_list(client):
    assert '<link rel="alternate" type="application/atom+xml"' in client.get("/aktuelles/").text


def test_main_navigation_leads_to_the_news(client):
    text = client.get("/aktuelles/").text
    assert '<a href="/aktuelles/" aria-current="page">Aktuelles</a>' in text


# --- The article ---


def test_article_shows_body_source_date_and_themes(visitor, member, themes):
    article = ArticleFactory(
        title="Sicherheit an Schulen",
        member=member,
        body="<p>Am Mittwoch hat der Oberbürgermeister den Auftakt gemacht.</p>",
        published_at=datetime.datetime(2025, 12, 3, 10, tzinfo=timezone.get_current_timezone()),
        themes=[themes["sicherheitsverwaltung"]],
    )
    response = visitor.get(article.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "<h1>Sicherheit an Schulen</h1>" in text
    assert "<p>Am Mittwoch hat der Oberbürgermeister den Auftakt gemacht.</p>" in text
    assert 'Neues von den Mitgliedern: <a href="/mitglieder/essen/">Stadt Essen</a>' in text
    assert ">03.12.2025</time>" in text
    assert '<a href="/themen/sicherheitsverwaltung/">Sicherheitsverwaltung</a>' in text
    assert '<meta property="og:type" content="article">' in text


def test_members_only_article_is_a_404_for_anonymous_visitors_not_a_login_redirect(
    visitor, members_only
):
    response = visitor.get(members_only.get_absolute_url())
    if visitor.anonymous:
        assert response.status_code == 404
        assert members_only.title not in response.text
        assert "Diese Seite gibt es nicht" in response.text
    else:
        assert response.status_code == 200
        assert '<span class="badge badge-members">nur für Mitglieder</span>' in response.text


def test_unknown_article_gives_a_german_404(client):
    response = client.get("/aktuelles/atlantis-versinkt/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_previous_and_next_skip_what_the_visitor_may_not_see(visitor):
    now = timezone.now()
    ArticleFactory(title="Die älteste Meldung", slug="alt", published_at=now - 3 * DAY)
    ArticleFactory(
        title="Interne Zwischenmeldung",
        slug="intern-davor",
        published_at=now - 2 * DAY,
        visibility=Article.Visibility.MEMBERS,
    )
    middle = ArticleFactory(title="Die mittlere Meldung", slug="mitte", published_at=now - DAY)
    ArticleFactory(
        title="Interne Meldung danach",
        slug="intern-danach",
        published_at=now - 2 * HOUR,
        visibility=Article.Visibility.MEMBERS,
    )
    ArticleFactory(title="Die neueste Meldung", slug="neu", published_at=now - HOUR)
    ArticleFactory(title="Geplante Meldung", slug="geplant", published_at=now + DAY)
    text = visitor.get(middle.get_absolute_url()).text
    assert "Geplante Meldung" not in text
    if visitor.anonymous:
        assert 'href="/aktuelles/alt/" rel="prev"' in text
        assert 'href="/aktuelles/neu/" rel="next"' in text
        assert "Interne" not in text
    else:
        assert 'href="/aktuelles/intern-davor/" rel="prev"' in text
        assert 'href="/aktuelles/intern-danach/" rel="next"' in text


def test_articles_at_the_same_minute_still_have_a_previous_and_next(client):
    moment = timezone.now() - HOUR
    first, second, third = ArticleFactory.create_batch(3, published_at=moment)
    text = client.get(second.get_absolute_url()).text
    assert f'href="{first.get_absolute_url()}" rel="prev"' in text
    assert f'href="{third.get_absolute_url()}" rel="next"' in text


def test_article_stays_within_its_query_budget(
    visitor, member, themes, django_assert_max_num_queries
):
    many_articles(500, member, list(themes.values()))
    article = Article.objects.get(slug="massenmeldung-251")
    with django_assert_max_num_queries(8):
        response = visitor.get(article.get_absolute_url())
    assert response.status_code == 200
    assert 'rel="prev"' in response.text and 'rel="next"' in response.text


# --- The member's profile ---


def test_member_profile_lists_the_members_news_only(visitor, member):
    ArticleFactory(title="Sicherheit an Schulen", member=member)
    ArticleFactory(title="Aus Hannover", member=MemberFactory(slug="hannover"))
    ArticleFactory(title="Aus der Geschäftsstelle")
    ArticleFactory(
        title="Interner Bericht aus Essen", member=member, visibility=Article.Visibility.MEMBERS
    )
    text = visitor.get("/mitglieder/essen/").text
    assert "Sicherheit an Schulen" in text
    assert "Aus Hannover" not in text and "Aus der Geschäftsstelle" not in text
    assert ("Interner Bericht aus Essen" in text) == (not visitor.anonymous)
    assert 'href="/aktuelles/?source=essen">Alle Meldungen dieses Mitglieds</a>' in text


def test_member_profile_without_news_has_no_news_section(client, member):
    assert "Alle Meldungen dieses Mitglieds" not in client.get("/mitglieder/essen/").text


def test_member_profile_with_news_stays_within_its_query_budget(
    client, member_user, django_assert_max_num_queries
):
    ArticleFactory.create_batch(30, member=member_user.member)
    client.force_login(member_user)
    with django_assert_max_num_queries(6):
        response = client.get("/mitglieder/essen/")
    assert response.text.count('<li class="article-item">') == 10


def test_user_who_is_deactivated_sees_no_members_only_article(client, member, members_only):
    client.force_login(UserFactory(member=member, is_active=False))
    assert members_only.title not in client.get("/aktuelles/").text


def test_article_names_its_project(client):
    project = Project.objects.create(
        title="Sozialraumorientierte Partizipation",
        acronym="so-par",
        slug="so-par",
        starts_on=datetime.date(2025, 1, 1),
        lead="Risiko- und Krisenmanagement mit der niedrigschwelligen Suchthilfe.",
    )
    article = ArticleFactory(project=project)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "<dt>Projekt</dt>" in response.text
    assert "so-par" in response.text
