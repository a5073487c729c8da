import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import ArticleFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> dict[str, ET.Element]:
    feed = ET.fromstring(response.content)
    return {entry.findtext(f"{ATOM}title"): entry for entry in feed.iter(f"{ATOM}entry")}


def test_feed_is_atom_with_the_public_articles(client, member):
    theme = Theme.objects.get(slug="oeffentlicher-raum")
    ArticleFactory(
        title="Müllbeseitigung vor dem Stellwerk",
        slug="muellbeseitigung-vor-dem-stellwerk",
        member=member,
        body="<p>Seit Mitte November sammeln Menschen aus der Szene selbst den Müll.</p>",
        themes=[theme],
    )
    response = client.get("/aktuelles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    entry = entries(response)["Müllbeseitigung vor dem Stellwerk"]
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Stadt Essen"
    assert entry.findtext(f"{ATOM}summary").startswith("Seit Mitte November sammeln")
    assert entry.find(f"{ATOM}category").get("term") == "Öffentlicher Raum"
    link = entry.find(f"{ATOM}link").get("href")
    assert link == "http://testserver/aktuelles/muellbeseitigung-vor-dem-stellwerk/"


def test_feed_never_carries_members_only_news_whoever_asks(visitor):
    ArticleFactory(title="Öffentliche Meldung")
    ArticleFactory(title="Interne Meldung", visibility=Article.Visibility.MEMBERS)
    titles = entries(visitor.get("/aktuelles/feed/")).keys()
    assert "Öffentliche Meldung" in titles
    assert "Interne Meldung" not in titles


def test_feed_leaves_out_drafts_scheduled_and_expired_articles(client):
    now = timezone.now()
    ArticleFactory(title="Entwurf", status=Article.Status.DRAFT)
    ArticleFactory(title="Geplant", published_at=now + datetime.timedelta(days=1))
    ArticleFactory(
        title="Abgelaufen",
        published_at=now - datetime.timedelta(days=9),
        expires_at=now - datetime.timedelta(days=1),
    )
    ArticleFactory(title="Veröffentlicht")
    assert list(entries(client.get("/aktuelles/feed/"))) == ["Veröffentlicht"]


def test_article_with_several_themes_is_in_the_feed_once(client):
    ArticleFactory(title="Vier Themen", themes=Theme.objects.filter(parent=None))
    feed = client.get("/aktuelles/feed/").text
    assert feed.count("<title>Vier Themen</title>") == 1


def test_feed_stays_within_its_query_budget(client, django_assert_max_num_queries):
    ArticleFactory.create_batch(60, themes=Theme.objects.filter(parent=None))
    with django_assert_max_num_queries(3):
        response = client.get("/aktuelles/feed/")
    assert len(entries(response)) == 30


def test_feed_is_kept_for_the_content_version_and_fresh_after_a_change(
    client, member_user, django_capture_on_commit_callbacks
):
    """The same feed for everyone, so it is kept whole (even for a member with a cookie);
    a saved article gives a new content version and the next request a new feed."""
    client.force_login(member_user)
    article = ArticleFactory(title="Erste Fassung der Meldung", visibility="oeffentlich")
    assert "Erste Fassung" in client.get("/aktuelles/feed/").text
    Article.objects.filter(pk=article.pk).update(title="Ohne Signal geändert")
    assert "Erste Fassung" in client.get("/aktuelles/feed/").text  # kept
    article.refresh_from_db()
    article.title = "Zweite Fassung der Meldung"
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    assert "Zweite Fassung" in client.get("/aktuelles/feed/").text


def test_feed_goes_to_the_server_in_one_piece(client):
    """Django's feed writer adds every element as a piece of its own, and gunicorn sends each
    piece with a system call of its own: hundreds for one feed, which made it the slowest
    public page. The response is joined before it is served and kept."""
    ArticleFactory.create_batch(30)
    for _ in range(2):  # computed, then from the kept responses
        response = client.get("/aktuelles/feed/")
        assert len(list(response)) == 1
        assert len(entries(response)) == 30
