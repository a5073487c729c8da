"""The fragment cache: the parts of a page that are the same for everyone of a role are kept
per process, keyed by the content version and the role (core.context_processors.fragments).

It is on in every test (FRAGMENT_CACHE_SECONDS), so every other test of a page tries it too;
these prove the three things it must never get wrong: one role's fragment never reaches
another role, a personal part never reaches another person, and every committed change
shows at the next request."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from knowledge.models import CollectionVisit
from news.models import Article
from pages.models import Office
from projects.models import Project
from tests.conftest import client_as
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
    UserFactory,
)

pytestmark = pytest.mark.django_db


def logged_in(request, kind: str) -> Client:
    """A new client of its own, as ``kind`` (conftest's ``client_as``)."""
    return client_as(request, Client(), kind)


@pytest.mark.parametrize("seconds, shown", [(3600, "Erste Fassung"), (0, "Zweite Fassung")])
def test_the_fragment_cache_keeps_what_it_rendered_unless_switched_off(
    settings, member_user, seconds, shown
):
    """A write that sends no signal (queryset update) gives no new version: with the cache on
    (as in every test) the kept list is served again; switched off, the list is read anew."""
    settings.FRAGMENT_CACHE_SECONDS = seconds
    article = ArticleFactory(title="Erste Fassung", visibility="oeffentlich")
    member = Client()
    member.force_login(member_user)
    assert "Erste Fassung" in member.get("/aktuelles/").text
    Article.objects.filter(pk=article.pk).update(title="Zweite Fassung")
    assert shown in member.get("/aktuelles/").text


@pytest.mark.parametrize("path", ["/", "/aktuelles/", "/termine/", "/termine/archiv/", "/wissen/"])
def test_what_members_see_never_reaches_another_role(request, path, member, member_user):
    """A member renders the page first, then everyone else asks for it while the member's
    fragments are kept: none of them sees the members-only rows."""
    today = timezone.localdate()
    ArticleFactory(title="Geheimsache Meldung", visibility="mitglieder")
    ArticleFactory(title="Offene Meldung", visibility="oeffentlich")
    EventFactory(
        title="Geheimsache Sitzung", audience="intern", starts_on=today + datetime.timedelta(days=3)
    )
    EventFactory(
        title="Offener Fachtag",
        audience="oeffentlich",
        starts_on=today + datetime.timedelta(days=4),
    )
    EventFactory(
        title="Geheimsache Klausur",
        audience="intern",
        starts_on=today - datetime.timedelta(days=30),
    )
    collection = CollectionFactory(title="Sammlung Prävention")
    EntryFactory(collection=collection, title="Geheimsache Eintrag")

    first = logged_in(request, "member").get(path)
    assert first.status_code == 200
    if path != "/wissen/":  # the catalogue shows no entry titles, only their number
        assert "Geheimsache" in first.text
    for kind in ["anonymous", "staff_without_second_factor", "former_member"]:
        client = logged_in(request, kind)
        client.cookies["csrftoken"] = "x" * 32  # a visitor with a cookie: never page-cached
        text = client.get(path).text
        assert "Geheimsache" not in text, kind
        if path == "/wissen/":
            assert "nur für Mitglieder" in text, kind
    staff = logged_in(request, "staff").get(path).text
    if path != "/wissen/":
        assert "Geheimsache" in staff


def test_a_visitors_fragment_never_reaches_a_member(request, member_user):
    """The other way round: what a visitor was shown (the login hint) is not a member's."""
    CollectionFactory(title="Sammlung Prävention")
    assert "Anmelden für Mitglieder" in Client().get("/wissen/").text
    member = logged_in(request, "member").get("/wissen/").text
    assert "nur für Mitglieder" not in member


def test_each_member_sees_their_own_part_of_the_dashboard(member_user, member):
    """The members' part of the dashboard is kept per member: Abfragen answered or asked by
    this member, their own contact persons and submissions."""
    other_member = MemberFactory(name="Mannheim", designation="Stadt Mannheim", slug="mannheim")
    other_user = UserFactory(email="mitglied@mannheim.example", member=other_member)
    ContactPersonFactory(member=member, name="Christian Kromberg")
    ContactPersonFactory(member=other_member, name="Jemand aus Mannheim")
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    asked = InquiryFactory(
        title="Videoschutz an Bahnhöfen", asked_by_member=member, deadline=deadline
    )
    AnswerFactory(inquiry=asked, member=other_member)

    essen, mannheim = Client(), Client()
    essen.force_login(member_user)
    mannheim.force_login(other_user)
    first = essen.get("/mitgliederbereich/").text
    second = mannheim.get("/mitgliederbereich/").text
    assert "Christian Kromberg" in first and "Jemand aus Mannheim" not in first
    assert "Jemand aus Mannheim" in second and "Christian Kromberg" not in second
    assert "Ihre Abfrage" in first and "Ihre Abfrage" not in second
    assert "beantwortet" in second


def test_new_marks_follow_the_members_own_visits(member_user, django_capture_on_commit_callbacks):
    """Visits are personal and give no new content version: the "neu" marks are keyed by
    them, so a collection the member has just read is no longer "neu" on the dashboard."""
    collection = CollectionFactory(title="Sammlung Kommunale Prävention")
    other = UserFactory(email="andere@stadt.example", member=member_user.member)
    with django_capture_on_commit_callbacks(execute=True):
        EntryFactory(collection=collection, title="Neuer Leitfaden", added_by=other)
    client = Client()
    client.force_login(member_user)
    assert "Sammlung Kommunale Prävention" in client.get("/mitgliederbereich/").text
    assert "1 neu" in client.get("/wissen/").text
    client.get(collection.get_absolute_url())
    assert CollectionVisit.objects.filter(user=member_user, collection=collection).exists()
    dashboard = client.get("/mitgliederbereich/").text
    assert (
        "Seit Ihrem letzten Besuch ist in den Informationssammlungen nichts hinzugekommen"
        in dashboard
    )
    assert "1 neu" not in client.get("/wissen/").text


def test_every_committed_change_shows_at_the_next_request(
    member_user, django_capture_on_commit_callbacks
):
    """Publish, edit and delete an article, cancel an event, change a page: a logged-in
    member, whose pages come from the fragment cache, sees each at the next request."""
    member = Client()
    member.force_login(member_user)
    today = timezone.localdate()
    event = EventFactory(
        title="Fachtag Sicherheit im Quartier", starts_on=today + datetime.timedelta(days=5)
    )

    def change(write):
        with django_capture_on_commit_callbacks(execute=True):
            write()

    assert "Fachtag Sicherheit im Quartier" in member.get("/termine/").text
    change(lambda: ArticleFactory(title="Frisch veröffentlicht", visibility="mitglieder"))
    assert "Frisch veröffentlicht" in member.get("/").text
    assert "Frisch veröffentlicht" in member.get("/aktuelles/").text

    article = Article.objects.get(title="Frisch veröffentlicht")
    article.title = "Frisch überarbeitet"
    change(article.save)
    assert "Frisch überarbeitet" in member.get("/aktuelles/").text

    change(article.delete)
    assert "Frisch überarbeitet" not in member.get("/aktuelles/").text

    event.status = event.Status.DRAFT
    change(event.save)
    assert "Fachtag Sicherheit im Quartier" not in member.get("/termine/").text
    assert "Fachtag Sicherheit im Quartier" not in member.get("/mitgliederbereich/").text

    change(lambda: MemberFactory(name="Neustadt", designation="Stadt Neustadt", slug="neustadt"))
    assert "Stadt Neustadt" in member.get("/mitglieder/").text

    office = Office.objects.current()
    office.street = "Am Markt 1"
    change(office.save)
    assert "Am Markt 1" in member.get("/mitglieder/").text  # the footer, kept for the role


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/aktuelles/",
        "/aktuelles/?page=3",
        "/termine/",
        "/termine/archiv/",
        "/termine/archiv/?page=2",
        "/mitglieder/",
        "/projekte/",
        "/themen/",
        "/wissen/",
        "/suche/?q=Pr%C3%A4vention",
    ],
)
def test_a_kept_public_page_costs_only_the_version(client, path, django_assert_num_queries):
    """Once rendered, a page asked again by a visitor with a cookie (never page-cached) reads
    the content version and nothing else, however many articles there are: neither the list
    nor its count nor its page title is read again."""
    ArticleFactory.create_batch(70, title="Prävention im Quartier", visibility="oeffentlich")
    for days in range(1, 70):
        EventFactory(starts_on=timezone.localdate() - datetime.timedelta(days=days))
    client.cookies["csrftoken"] = "x" * 32
    assert client.get(path).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/mitgliederbereich/", "/mitgliederbereich/abfragen/"])
def test_a_kept_member_page_costs_the_login_and_the_version(
    request, path, django_assert_max_num_queries
):
    """For a member: the session, the account, the version and the member's own "neu"
    marks (the dashboard); the Abfragen, their count and their pages are kept."""
    InquiryFactory.create_batch(120, deadline=timezone.localdate() - datetime.timedelta(days=3))
    member = logged_in(request, "member")
    assert member.get(path).status_code == 200
    with django_assert_max_num_queries(4):
        assert member.get(path).status_code == 200


def test_kept_detail_pages_never_show_members_content_to_another_role(request):
    """A member, then everyone else, opens a member's page (its contact people), an event's
    page (its members-only documents) and a project's page (its members-only news): the
    kept fragments of the member reach no one else, and each page costs the version and its
    own row once kept."""
    city = MemberFactory(designation="Stadt Beispielstadt", slug="beispielstadt")
    ContactPersonFactory(member=city, name="Geheimsache Ansprechperson")
    event = EventFactory(title="Offener Fachtag Beispielstadt", audience="oeffentlich")
    DocumentFactory(title="Geheimsache Protokoll", event=event, visibility="mitglieder")
    project = Project.objects.create(
        title="Sicher im Quartier", acronym="SIQ", slug="siq", starts_on=datetime.date(2024, 1, 1)
    )
    ArticleFactory(title="Geheimsache Projektmeldung", project=project, visibility="mitglieder")
    paths = ["/mitglieder/beispielstadt/", event.get_absolute_url(), "/projekte/siq/"]

    member = logged_in(request, "member")
    for path in paths:
        assert "Geheimsache" in member.get(path).text, path
    for kind in ["anonymous", "staff_without_second_factor", "former_member"]:
        client = logged_in(request, kind)
        client.cookies["csrftoken"] = "x" * 32  # a visitor with a cookie: never page-cached
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (kind, path)
            assert "Geheimsache" not in response.text, (kind, path)


@pytest.mark.parametrize("path", ["/mitglieder/beispielstadt/", "/projekte/siq/"])
def test_a_kept_detail_page_costs_the_version_and_its_row(client, path, django_assert_num_queries):
    city = MemberFactory(designation="Stadt Beispielstadt", slug="beispielstadt")
    project = Project.objects.create(
        title="Sicher im Quartier", acronym="SIQ", slug="siq", starts_on=datetime.date(2024, 1, 1)
    )
    ArticleFactory.create_batch(15, member=city, project=project, visibility="oeffentlich")
    client.cookies["csrftoken"] = "x" * 32
    assert client.get(path).status_code == 200
    with django_assert_num_queries(2):
        assert client.get(path).status_code == 200
