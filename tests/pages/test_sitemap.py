import datetime

import pytest

from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_pages_and_active_members(client):
    MemberFactory(slug="essen")
    MemberFactory(slug="altstadt", left_on=datetime.date(2020, 1, 1))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.text
    for path in [
        "/ueber-uns/",
        "/impressum/",
        "/mitglieder/essen/",
        "/themen/urbane-resilienz/",
        "/projekte/",
        "/leitgedanken/",
        "/publikationen/",
    ]:
        assert f"{path}</loc>" in text
    assert "/mitglieder/altstadt/" not in text
    for private in ["/konto/", "/verwaltung/", "/mitgliederbereich/"]:
        assert private not in text


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    text = client.get("/robots.txt").text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Disallow: /mitgliederbereich/" in text


def test_sitemap_leaves_out_members_only_drafts_and_scheduled_articles(client):
    from django.utils import timezone

    from tests.factories import ArticleFactory

    ArticleFactory(slug="oeffentlich")
    ArticleFactory(slug="intern", visibility="mitglieder")
    ArticleFactory(slug="entwurf", status="entwurf")
    ArticleFactory(slug="geplant", published_at=timezone.now() + datetime.timedelta(days=1))
    text = client.get("/sitemap.xml").text
    assert "/aktuelles/oeffentlich/</loc>" in text
    for hidden in ["intern", "entwurf", "geplant"]:
        assert f"/aktuelles/{hidden}/" not in text
