"""Watching collections: a weekly "Neu für Mitglieder" digest with a one-click unsubscribe."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from knowledge.models import CollectionWatch
from knowledge.services import unsubscribe_token
from pages.jobs import watch_digests_send
from tests.factories import CollectionFactory, EntryFactory, InquiryFactory, UserFactory

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(days=7)


@pytest.fixture
def collection():
    return CollectionFactory(title="Sicherheit an Schulen", slug="schulen")


def test_access_to_watching(client, collection, member_user, staff_user, former_member_user):
    url = "/wissen/schulen/beobachten/"
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    client.force_login(former_member_user)
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(member=None, is_staff=True, totp=False))
    assert client.post(url)["Location"] == "/konto/2fa/totp/activate/"
    for user in (member_user, staff_user):
        client.force_login(user)
        assert client.get(url).status_code == 405
        assert client.post(url).status_code == 302
    assert CollectionWatch.objects.count() == 2


def test_a_member_watches_and_stops_watching(client, collection, member_user):
    client.force_login(member_user)
    assert "Sammlung beobachten" in client.get("/wissen/schulen/").text
    client.post("/wissen/schulen/beobachten/")
    page = client.get("/wissen/schulen/").text
    assert "Sie beobachten diese Sammlung" in page and "Nicht mehr beobachten" in page
    client.post("/wissen/schulen/beobachten/")
    assert not CollectionWatch.objects.exists()


def test_the_weekly_digest_holds_what_is_new_once(
    collection, member_user, mailoutbox, django_capture_on_commit_callbacks
):
    watch = CollectionWatch.objects.create(
        user=member_user, collection=collection, created_at=timezone.now() - WEEK
    )
    EntryFactory(collection=collection, title="Konzept Schule als sicherer Ort")
    EntryFactory(collection=collection, title="Eigener Eintrag", added_by=member_user)
    EntryFactory(title="Aus einer anderen Sammlung")
    InquiryFactory(title="Amokalarm an Schulen")
    with django_capture_on_commit_callbacks(execute=True):
        assert watch_digests_send() == 1
    (mail,) = mailoutbox
    assert mail.subject == "Neu für Mitglieder"
    assert mail.to == [member_user.email]
    assert "Konzept Schule als sicherer Ort" in mail.body
    assert "Amokalarm an Schulen" in mail.body
    assert "Eigener Eintrag" not in mail.body and "Aus einer anderen Sammlung" not in mail.body
    token = unsubscribe_token(member_user)
    assert f"/wissen/abbestellen/{token}/" in mail.body
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    watch.refresh_from_db()
    assert watch.last_digest_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert watch_digests_send() == 0  # nothing new since


def test_no_digest_for_someone_who_lost_access(collection, former_member_user, mailoutbox):
    CollectionWatch.objects.create(
        user=former_member_user, collection=collection, created_at=timezone.now() - WEEK
    )
    EntryFactory(collection=collection)
    assert watch_digests_send() == 0


def test_one_click_unsubscribe_without_login(client, collection, member_user):
    CollectionWatch.objects.create(user=member_user, collection=collection)
    url = f"/wissen/abbestellen/{unsubscribe_token(member_user)}/"
    page = client.get(url)
    assert page.status_code == 200 and "Abbestellen" in page.text
    assert CollectionWatch.objects.exists()  # a link checker opening the link changes nothing
    mail_program = Client(enforce_csrf_checks=True)  # a one-click POST carries no CSRF token
    response = mail_program.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Erledigt" in response.text
    assert not CollectionWatch.objects.exists()


def test_a_forged_unsubscribe_link_is_a_404(client):
    assert client.get("/wissen/abbestellen/1:gefälscht/").status_code == 404
