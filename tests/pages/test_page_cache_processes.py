"""Freshness across processes: two real gunicorn servers (one worker each) on the test
database, with the page and fragment caches on, share only the cache table. Every change made
here (in a third process) shows on both at the next request, to visitors without cookies (the
page cache), with a cookie and logged in (the fragments kept for their roles)."""

import os
import socket
import urllib.request

import pytest
from django.db import connection
from django.test import Client

from events.models import Event
from news.models import Article
from tests.core.test_shared_cache import child_database_url
from tests.factories import ArticleFactory, EventFactory, MemberFactory, UserFactory
from tools import serve

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def servers():
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": child_database_url(),
        "DJANGO_PAGE_CACHE_SECONDS": "3600",
        "WORKER_CMD": "",
    }
    ports, started = [free_port(), free_port()], []
    try:
        for port in ports:
            started += serve.start(port, env, workers=1, quiet=True)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        serve.stop(started)


CSRF = "csrftoken=" + "k" * 32


@pytest.fixture
def member_cookie(db) -> str:
    """A logged-in member's cookies: their pages are rendered around kept fragments."""
    client = Client()
    client.force_login(UserFactory(member=MemberFactory()))
    return f"sessionid={client.cookies['sessionid'].value}; {CSRF}"


def read(base: str, path: str, cookie: str = "") -> str:
    """A visitor without cookies (served from the page cache), or someone with ``cookie``."""
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        if not cookie:
            assert "Set-Cookie" not in response.headers
        return response.read().decode()


@pytest.fixture
def on_every_server(servers, member_cookie):
    """The page on every server, for a visitor without cookies, one with a cookie, and a
    member: every copy of it, from the page cache or from kept fragments, must be fresh."""

    def pages(servers, path) -> list[str]:
        return [
            read(base, path, cookie) for base in servers for cookie in ("", CSRF, member_cookie)
        ]

    return pages


def test_publish_edit_delete_and_cancel_show_on_both_servers_at_the_next_request(
    servers, on_every_server
):
    article = ArticleFactory(
        title="Sicherheitsaudit in Nürnberg", slug="sicherheitsaudit", status=Article.Status.DRAFT
    )
    event = EventFactory(title="Fachtag Kommunale Kriminalprävention", slug="fachtag")
    for page in on_every_server(servers, "/aktuelles/") + on_every_server(servers, "/termine/"):
        assert "Sicherheitsaudit" not in page
    assert all("Fachtag Kommunale" in page for page in on_every_server(servers, "/termine/"))

    # The pages are kept: a write that sends no signal stays unseen.
    Event.objects.filter(pk=event.pk).update(title="Fachtag ohne Signal")
    assert all("Fachtag Kommunale" in page for page in on_every_server(servers, "/termine/"))

    assert all("Fachtag ohne Signal" not in p for p in on_every_server(servers, "/termine/"))

    # Published.
    article.status = Article.Status.PUBLISHED
    article.save()
    assert all("Sicherheitsaudit in Nürnberg" in p for p in on_every_server(servers, "/aktuelles/"))
    # Every kept page went with the old version, the events list too.
    assert all("Fachtag ohne Signal" in p for p in on_every_server(servers, "/termine/"))
    assert all(
        "Sicherheitsaudit in" in p for p in on_every_server(servers, "/aktuelles/sicherheitsaudit/")
    )

    # Changed.
    article.title = "Sicherheitsaudit in Fürth"
    article.save()
    for path in ("/aktuelles/", "/aktuelles/sicherheitsaudit/"):
        for page in on_every_server(servers, path):
            assert "Sicherheitsaudit in Fürth" in page
            assert "Nürnberg" not in page

    # Deleted.
    article.delete()
    assert all("Sicherheitsaudit" not in p for p in on_every_server(servers, "/aktuelles/"))

    # Cancelled: the office takes the event back (Entwurf); it leaves every list.
    event.refresh_from_db()
    event.status = Event.Status.DRAFT
    event.save()
    for page in on_every_server(servers, "/termine/"):
        assert "Fachtag ohne Signal" not in page
        assert "Fachtag Kommunale" not in page

    # Every change reached the shared table the servers read.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM defus_cache WHERE cache_key LIKE %s", ["%content-version"]
        )
        assert cursor.fetchone()[0] == 1
