import pytest
from django.core.cache import caches
from django.test import Client

from pages.models import Page

cache = caches["pages"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def change_lead(text):
    Page.objects.filter(slug=Page.Slug.ABOUT).update(lead=text)


def test_visitor_without_cookies_gets_the_kept_page(page_cache):
    change_lead("Erste Fassung")
    assert "Erste Fassung" in Client().get("/ueber-uns/").text
    change_lead("Zweite Fassung")
    assert "Erste Fassung" in Client().get("/ueber-uns/").text


def test_anyone_with_a_cookie_gets_a_fresh_page(page_cache, member_user):
    change_lead("Erste Fassung")
    Client().get("/ueber-uns/")
    change_lead("Zweite Fassung")
    member = Client()
    member.force_login(member_user)
    assert "Zweite Fassung" in member.get("/ueber-uns/").text


def test_members_pages_and_forms_are_never_kept(page_cache, member_user):
    assert "csrfmiddlewaretoken" in Client().get("/konto/login/").text
    assert cache.get("page:/konto/login/") is None
    member = Client()
    member.force_login(member_user)
    member.get("/mitglieder/essen/")
    assert cache.get("page:/mitglieder/essen/") is None
