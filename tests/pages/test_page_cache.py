"""The page cache for visitors without cookies: kept pages are keyed by the content version
(core.freshness), so every content write and every scheduled moment shows at the next
request."""

import datetime
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.utils import timezone

from core import freshness
from core.middleware import page_cache_key
from news.models import Article
from pages.models import Page
from tests.factories import ArticleFactory, EventFactory

cache = caches["pages"]

pytestmark = pytest.mark.django_db


def kept(path):
    """The page kept for ``path`` under the current content version, or None."""
    return cache.get(page_cache_key(path, freshness.current_version().token))


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


def change_lead(text):
    """A write that sends no signal (queryset update): invisible to the version."""
    Page.objects.filter(slug=Page.Slug.ABOUT).update(lead=text)


def test_visitor_without_cookies_gets_the_kept_page(page_cache):
    change_lead("Erste Fassung")
    assert "Erste Fassung" in Client().get("/ueber-uns/").text
    change_lead("Zweite Fassung")
    assert "Erste Fassung" in Client().get("/ueber-uns/").text
    assert kept("/ueber-uns/") is not None


def test_anyone_with_a_cookie_gets_a_fresh_page(page_cache, member_user):
    change_lead("Erste Fassung")
    Client().get("/ueber-uns/")
    change_lead("Zweite Fassung")
    member = Client()
    member.force_login(member_user)
    assert "Zweite Fassung" in member.get("/ueber-uns/").text


def test_members_pages_and_forms_are_never_kept(page_cache, member_user):
    assert "csrfmiddlewaretoken" in Client().get("/konto/login/").text
    assert kept("/konto/login/") is None
    member = Client()
    member.force_login(member_user)
    member.get("/mitglieder/essen/")
    assert kept("/mitglieder/essen/") is None


def test_a_saved_page_shows_at_the_next_request_once_committed(
    page_cache, django_capture_on_commit_callbacks
):
    page = Page.objects.get(slug=Page.Slug.ABOUT)
    Client().get("/ueber-uns/")
    given = getattr(connection, "content_versions_given", 0)
    with django_capture_on_commit_callbacks(execute=True):
        page.lead = "Neu gespeichert"
        page.save()
        page.save()
    assert connection.content_versions_given == given + 1  # two writes, one new version
    assert "Neu gespeichert" in Client().get("/ueber-uns/").text


def test_a_write_that_is_rolled_back_keeps_the_version(page_cache):
    before = freshness.current_version()
    page = Page.objects.get(slug=Page.Slug.ABOUT)
    page.save()  # inside the test's transaction, never committed
    assert freshness.current_version() == before


def test_a_visitors_own_rows_keep_the_version(
    page_cache, member_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        member_user.last_login = timezone.now()
        member_user.save()
    assert callbacks == []


def test_a_scheduled_article_appears_on_time_without_a_write(
    page_cache, django_capture_on_commit_callbacks
):
    soon = timezone.now() + datetime.timedelta(seconds=2)
    with django_capture_on_commit_callbacks(execute=True):  # saved: a version that knows it
        ArticleFactory(title="Geplante Meldung zur Sicherheitskonferenz", published_at=soon)
    assert "Geplante Meldung" not in Client().get("/aktuelles/").text
    assert freshness.current_version().next_change == soon
    time.sleep(max(0, (soon - timezone.now()).total_seconds()) + 0.1)
    assert "Geplante Meldung" in Client().get("/aktuelles/").text


def test_an_expiring_article_and_a_closing_registration_are_scheduled_too():
    now = timezone.now()
    ArticleFactory(expires_at=now + datetime.timedelta(hours=5))
    ArticleFactory(published_at=now + datetime.timedelta(hours=7))
    ArticleFactory(status=Article.Status.DRAFT, published_at=now + datetime.timedelta(hours=1))
    assert freshness.next_change(now) == min(
        now + datetime.timedelta(hours=5), freshness.next_midnight(now)
    )
    EventFactory(registration_closes_at=now + datetime.timedelta(minutes=30))
    # (in the last half hour before midnight in Berlin, midnight comes first)
    assert freshness.next_change(now) == min(
        now + datetime.timedelta(minutes=30), freshness.next_midnight(now)
    )


def test_midnight_in_berlin_is_always_a_change():
    now = datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC)  # 00:30 in Berlin
    assert freshness.next_midnight(now) == datetime.datetime(
        2026, 3, 29, 22, 0, tzinfo=datetime.UTC
    )


def test_kept_pages_are_served_while_the_shared_cache_is_away(page_cache, settings):
    assert Client().get("/ueber-uns/").status_code == 200  # kept, under the version read
    change_lead("Nicht mehr zu sehen")
    # The shared cache is gone (here: a Redis nobody listens to): the version cannot be
    # read, so the version seen last serves the kept page instead of an error.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        },
    }
    response = Client().get("/ueber-uns/")
    assert response.status_code == 200
    assert "Nicht mehr zu sehen" not in response.text
