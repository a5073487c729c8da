"""Nothing for members reaches an anonymous visitor: a crawler follows every link a search
engine could follow, from the home page, the sitemap and the feeds, and looks for the secret."""

import datetime

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from tests.conftest import standing_content_create
from tests.crawler import crawl
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    CollectionFactory,
    ContactPersonFactory,
    DocumentFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    RegistrationFactory,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db

SECRET = "Geheimsache"
START = ["/", "/sitemap.xml", "/robots.txt", "/aktuelles/feed/", "/termine/kalender.ics",
         "/termine/archiv/", "/mitglieder/", "/projekte/", "/themen/", "/wissen/",
         "/suche/?q=Protokoll", "/suche/?q=Vorstandssitzung", "/suche/?q=Antwort", "/suche/?q=Eintrag", "/suche/?q=Ansprechperson", "/suche/?q=Mitgliedsmeldung"]  # fmt: skip


@pytest.fixture
def secrets(member):
    """One members-only thing of every kind, each carrying the secret word."""
    standing_content_create()
    today = timezone.localdate()
    ContactPersonFactory(
        member=member, name=f"{SECRET} Ansprechperson", email="geheim@essen.example"
    )
    ArticleFactory(title=f"{SECRET} Meldung", slug="geheim-meldung", visibility="mitglieder")
    ArticleFactory(
        title=f"{SECRET} Mitgliedsmeldung",
        slug="geheim-mitglied",
        member=member,
        visibility="mitglieder",
    )
    EventFactory(
        title=f"{SECRET} Vorstandssitzung",
        slug="geheim-termin",
        audience="intern",
        starts_on=today + datetime.timedelta(days=2),
    )
    EventFactory(
        title=f"{SECRET} Alte Sitzung",
        slug="geheim-alt",
        audience="intern",
        starts_on=today - datetime.timedelta(days=200),
    )
    inquiry = InquiryFactory(title=f"{SECRET} Abfrage", asked_by_member=member)
    AnswerFactory(inquiry=inquiry, member=MemberFactory(), text=f"{SECRET} Antwort")
    collection = CollectionFactory(title="Kommunales Krisenmanagement", theme=Theme.objects.first())
    EntryFactory(
        collection=collection, title=f"{SECRET} Eintrag", description=f"{SECRET} Beschreibung"
    )
    document = DocumentFactory(title=f"{SECRET} Protokoll", description=f"{SECRET} Inhalt")
    EntryFactory(
        collection=collection,
        kind="dokument",
        url="",
        document=document,
        title="Protokoll als Eintrag",
    )
    DocumentFactory(title="Leitgedanken marginalisierte Gruppen", visibility="oeffentlich")
    # Public neighbours, so that lists, pages and feeds are not empty.
    ArticleFactory(title="Öffentliche Meldung", member=member)
    webinar = EventFactory(
        title="Öffentlicher Termin",
        starts_on=today + datetime.timedelta(days=2),
        registration_mode="portal",
        registration_audience="alle",
        capacity=30,
        online_link=f"https://konferenz.example/{SECRET}",
    )
    RegistrationFactory(event=webinar, name=f"{SECRET} Teilnehmerin")
    meeting = EventFactory(
        title="Mitgliedertreffen",
        audience="mitglieder",
        starts_on=today + datetime.timedelta(days=9),
        registration_mode="extern",
        registration_url=f"https://anmeldung.example/{SECRET}",
    )
    DocumentFactory(title=f"{SECRET} Protokoll", event=meeting)
    DocumentFactory(title="Öffentliche Einladung", event=meeting, visibility="oeffentlich")


@pytest.fixture(params=["anonymous", "staff_without_second_factor"])
def outsider(request):
    """An anonymous visitor, and office staff who logged in with the password only and has
    not set up the authenticator app yet: both must meet nothing for members."""
    client = Client()
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    return client


def test_an_anonymous_crawler_never_meets_members_content(secrets, outsider):
    pages = crawl(outsider, START)
    assert len(pages) > 30
    for reached in ["/aktuelles/", "/termine/", "/wissen/", "/mitglieder/"]:
        assert any(path.startswith(reached) and path != reached for path in pages), reached
    assert any("Öffentliche Einladung" in body for _, body in pages.values())
    leaks = [path for path, (_, body) in pages.items() if SECRET.lower() in body.lower()]
    assert leaks == []
    errors = [path for path, (status, _) in pages.items() if status >= 500]
    assert errors == []


def test_after_a_member_crawled_the_kept_fragments_never_reach_an_outsider(
    secrets, outsider, member_user
):
    """The fragment cache (on in every test) keeps what a member's crawl rendered; the
    outsider crawls right after, in the same process, with a cookie (never the page cache):
    every fragment kept for the member's role stays theirs."""
    member = Client()
    member.force_login(member_user)
    kept_for_member = crawl(member, ["/", "/aktuelles/", "/termine/", "/wissen/"], limit=150)
    assert any(SECRET in body for _, body in kept_for_member.values())
    assert len(caches["fragments"]._cache) > 10
    outsider.cookies["csrftoken"] = "k" * 32
    pages = crawl(outsider, START)
    leaks = [path for path, (_, body) in pages.items() if SECRET.lower() in body.lower()]
    assert leaks == []


def test_a_member_crawler_does_meet_it(secrets, client, member_user):
    client.force_login(member_user)
    pages = crawl(client, ["/", "/aktuelles/", "/termine/", "/mitglieder/essen/"], limit=300)
    found = " ".join(body for _, body in pages.values())
    for thing in ["Ansprechperson", "Meldung", "Mitgliedsmeldung", "Vorstandssitzung", "Protokoll"]:
        assert f"{SECRET} {thing}" in found


def test_members_files_send_anonymous_visitors_to_the_login_and_public_files_are_served(
    secrets, outsider
):
    from documents.models import Document

    for document in Document.objects.all():
        response = outsider.get(document.get_absolute_url())
        if document.visibility == "oeffentlich":
            expected = 200
        elif "_auth_user_id" in outsider.session:  # logged in, second factor missing
            expected = 404
        else:  # anonymous: to the login first, whether or not the file exists
            expected = 302
        assert response.status_code == expected, document.title
        if expected == 302:
            assert response["Location"].startswith("/konto/login/?next=/dokumente/")


def test_no_page_a_member_can_reach_fails(secrets, client, member_user):
    client.force_login(member_user)
    start = ["/", "/mitgliederbereich/", "/wissen/", "/mitgliederbereich/abfragen/",
             "/mitgliederbereich/mitgliederversammlungen/", "/suche/?q=Protokoll"]  # fmt: skip
    pages = crawl(client, start, limit=600)
    assert len(pages) > 30
    assert [path for path, (status, _) in pages.items() if status >= 500] == []


def test_every_admin_page_the_office_can_reach_works(secrets, client, staff_user):
    """Changelists, search, filters and change forms of every model the office edits."""
    from django.contrib import admin

    client.force_login(staff_user)
    start = ["/verwaltung/"]
    for model in admin.site._registry:
        base = f"/verwaltung/{model._meta.app_label}/{model._meta.model_name}/"
        start += [base, f"{base}?q=Stadt", f"{base}add/"]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            start.append(f"{base}{first.pk}/change/")
    statuses = {path: client.get(path).status_code for path in start}
    assert [path for path, status in statuses.items() if status >= 500] == []
    assert statuses["/verwaltung/news/article/"] == 200


class CookielessClient(Client):
    """A visitor who never keeps a cookie: every request of it may be served from the page
    cache."""

    def request(self, **request):
        self.cookies.clear()
        return super().request(**request)


def test_with_the_page_cache_on_members_pages_never_reach_a_cookieless_crawler(
    secrets, member_user, settings
):
    from tests.pages.test_page_cache import kept

    settings.PAGE_CACHE_SECONDS = 3600
    member = Client()
    member.force_login(member_user)
    crawl(member, ["/", "/aktuelles/", "/termine/", "/mitglieder/essen/", "/wissen/"], limit=150)
    pages = crawl(CookielessClient(), START)
    assert kept("/") is not None  # the anonymous pages were kept, and served again
    leaks = [path for path, (_, body) in pages.items() if SECRET.lower() in body.lower()]
    assert leaks == []
