"""Issue 9, drafts for the institutional pages: the live text stays online while the office
works on a draft; only "Veröffentlichen" changes the page, its search hits and the cache."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.test import Client
from reversion.models import Version

from pages.models import Page
from pages.search import search
from pages.services import page_draft_discard, page_draft_publish, page_draft_save
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DRAFT = {
    "title": "Kontakt zur Geschäftsstelle",
    "lead": "Neue Sprechzeiten ab Januar: dienstags und donnerstags",
    "body": "<p>Telefonisch erreichen Sie uns Zwischenlösungssprechstunde.</p>",
    "description": "",
}


@pytest.fixture
def contact():
    page = Page.objects.get(slug=Page.Slug.CONTACT)
    page.lead = "Schreiben Sie uns: Wir antworten in der Regel innerhalb einer Woche."
    page.save()
    return page


def change_url(page):
    return f"/verwaltung/pages/page/{page.pk}/change/"


def test_a_saved_draft_leaves_the_live_page_and_its_date_alone(contact):
    before = Page.objects.get(pk=contact.pk)
    page = page_draft_save(page=contact, **DRAFT)
    assert page.has_draft and page.publication_state == "Entwurf vorhanden"
    page.refresh_from_db()
    assert (page.title, page.lead, page.body) == (before.title, before.lead, before.body)
    assert page.updated_at == before.updated_at
    assert page.with_draft().lead == DRAFT["lead"]
    assert "Neue Sprechzeiten" not in Client().get("/kontakt/").text


def test_publishing_puts_the_draft_live_and_clears_it(contact):
    page_draft_save(page=contact, **DRAFT)
    page = page_draft_publish(page=contact)
    page.refresh_from_db()
    assert page.title == DRAFT["title"] and page.lead == DRAFT["lead"]
    assert not page.has_draft and page.draft_lead == "" and page.draft_body == ""
    assert page.publication_state == "veröffentlicht"
    assert "Neue Sprechzeiten ab Januar" in Client().get("/kontakt/").text


def test_discarding_drops_the_draft_only(contact):
    page_draft_save(page=contact, **DRAFT)
    page = page_draft_discard(page=contact)
    page.refresh_from_db()
    assert not page.has_draft and page.draft_title == ""
    assert page.lead == contact.lead


def test_office_saves_a_draft_in_the_admin_and_sees_it_in_the_form_and_list(
    client, staff_user, contact
):
    client.force_login(staff_user)
    response = client.post(change_url(contact), {**DRAFT, "_draft": "1"})
    assert response.status_code == 302 and response["Location"] == change_url(contact)
    contact.refresh_from_db()
    assert contact.has_draft and contact.lead.startswith("Schreiben Sie uns")
    assert "Schreiben Sie uns" in Client().get("/kontakt/").text

    form = client.get(change_url(contact)).text
    assert "Neue Sprechzeiten ab Januar" in form
    assert 'value="Als Entwurf speichern"' in form and 'value="Veröffentlichen"' in form
    assert 'value="Entwurf verwerfen"' in form
    assert 'href="/seiten/kontakt/vorschau/"' in form
    listing = client.get("/verwaltung/pages/page/").text
    assert "Entwurf vorhanden (gespeichert am " in listing
    assert "veröffentlicht" in listing
    assert 'href="/seiten/impressum/vorschau/">Vorschau: Impressum</a>' in listing


def test_office_publishes_in_the_admin_and_every_step_keeps_a_german_revision(
    client, staff_user, contact
):
    client.force_login(staff_user)
    client.post(change_url(contact), {**DRAFT, "_draft": "1"})
    client.post(change_url(contact), {"_discard": "1"})
    contact.refresh_from_db()
    assert not contact.has_draft and contact.lead.startswith("Schreiben Sie uns")
    client.post(change_url(contact), {**DRAFT, "_draft": "1"})
    response = client.post(change_url(contact), {**DRAFT, "_publish": "1"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.lead == DRAFT["lead"] and not contact.has_draft
    assert "Neue Sprechzeiten ab Januar" in Client().get("/kontakt/").text

    comments = [v.revision.comment for v in Version.objects.get_for_object(contact)]
    assert comments == [
        "Veröffentlicht.",
        "Als Entwurf gespeichert.",
        "Entwurf verworfen.",
        "Als Entwurf gespeichert.",
    ]
    history = client.get(f"{change_url(contact).removesuffix('change/')}history/").text
    assert "Entwurf verworfen." in history


def test_preview_shows_the_draft_in_the_site_frame_to_the_office(client, staff_user, contact):
    page_draft_save(page=contact, **DRAFT)
    client.force_login(staff_user)
    response = client.get("/seiten/kontakt/vorschau/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Kontakt zur Geschäftsstelle</h1>" in text
    assert "Neue Sprechzeiten ab Januar" in text and "Zwischenlösungssprechstunde" in text
    assert "So erscheint die Seite nach dem Veröffentlichen" in text
    assert 'id="nachricht"' in text  # the contact page's own template, form included
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_preview_without_a_draft_shows_the_live_page(client, staff_user, contact):
    client.force_login(staff_user)
    text = client.get("/seiten/ueber-uns/vorschau/").text
    assert "Kein Entwurf vorhanden" in text


def test_the_preview_sends_no_contact_message(client, staff_user, contact):
    client.force_login(staff_user)
    response = client.post(
        "/seiten/kontakt/vorschau/",
        {"name": "Test", "email": "a@example.org", "message": "Hallo", "topic": "allgemein"},
    )
    assert response.status_code == 405


@pytest.mark.parametrize("who", ["anonymous", "member_user", "staff_without_second_factor"])
def test_preview_is_404_for_everyone_but_the_office(client, request, who, contact):
    page_draft_save(page=contact, **DRAFT)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get("/seiten/kontakt/vorschau/").status_code == 404
    assert client.get("/seiten/gibt-es-nicht/vorschau/").status_code == 404


def test_preview_is_404_for_staff_without_the_right_to_view_pages(client, contact):
    client.force_login(UserFactory(email="praktikum@defus.example", member=None, is_staff=True))
    assert client.get("/seiten/kontakt/vorschau/").status_code == 404


def test_search_sitemap_and_public_page_never_show_the_draft(
    client, member_user, staff_user, contact
):
    before = client.get("/sitemap.xml").text
    page_draft_save(page=contact, **DRAFT)
    assert client.get("/sitemap.xml").text == before
    for user in (AnonymousUser(), member_user, staff_user):
        assert search("Zwischenlösungssprechstunde", user, kind="seite").count() == 0
        assert search("Sprechzeiten Januar", user).count() == 0
    assert search("Wir antworten in der Regel", member_user, kind="seite").count() == 1
    client.force_login(member_user)
    for viewer in (Client(), client):
        page_text = viewer.get("/kontakt/").text
        assert (
            "Neue Sprechzeiten" not in page_text and "Zwischenlösungssprechstunde" not in page_text
        )
    assert "Zwischenlösungssprechstunde" not in client.get("/suche/?q=Sprechzeiten+Januar").text


def test_the_page_cache_changes_only_on_publishing(settings, contact):
    settings.PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    assert "Schreiben Sie uns" in Client().get("/kontakt/").text
    page_draft_save(page=contact, **DRAFT)
    assert "Schreiben Sie uns" in Client().get("/kontakt/").text
    page_draft_publish(page=contact)
    assert "Neue Sprechzeiten ab Januar" in Client().get("/kontakt/").text
    caches["pages"].clear()


def test_the_desk_lists_pages_with_a_draft(client, staff_user, contact):
    client.force_login(staff_user)
    assert "Seite: <a" not in client.get("/verwaltung/").text
    page_draft_save(page=contact, **DRAFT)
    text = client.get("/verwaltung/").text
    assert (
        f'Seite: <a href="/verwaltung/pages/page/{contact.pk}/change/">Kontakt</a> – Entwurf vorhanden'
        in text
    )


def test_restoring_an_older_version_from_the_history_puts_it_live(client, staff_user, contact):
    client.force_login(staff_user)
    old = {name: getattr(contact, name) for name in ("title", "lead", "body", "description")}
    client.post(change_url(contact), {**old, "_publish": "1"})
    client.post(change_url(contact), {**DRAFT, "_publish": "1"})
    first = Version.objects.get_for_object(contact).last()
    history = f"/verwaltung/pages/page/{contact.pk}/history/{first.pk}/"
    assert "Schreiben Sie uns" in client.get(history).text
    response = client.post(history, {**old, "_save": "1"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.lead == old["lead"] and not contact.has_draft
    assert "Schreiben Sie uns" in Client().get("/kontakt/").text


def test_every_page_has_its_preview_in_its_own_template(client, staff_user):
    client.force_login(staff_user)
    for page in Page.objects.all():
        page_draft_save(
            page=page, title=f"{page.title} (neu)", lead="Überarbeitet", body="", description=""
        )
        response = client.get(page.get_preview_url())
        assert response.status_code == 200, page.slug
        assert f"<h1>{page.title} (neu)</h1>" in response.text
        live = client.get(page.get_absolute_url())
        assert [t.name for t in response.templates][:1] == [t.name for t in live.templates][:1]
