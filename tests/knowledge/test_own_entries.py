"""Members edit and delete their own entries; the office all, in one step."""

import pytest
from django.core.files.base import ContentFile

from documents.models import Document
from knowledge.models import Entry
from knowledge.services import entry_add
from tests.factories import CollectionFactory, DocumentFactory, EntryFactory, UserFactory
from tests.knowledge import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection():
    return CollectionFactory(title="Umsetzung der Istanbul-Konvention", slug="istanbul")


@pytest.fixture
def own_entry(collection, member_user):
    colleague = UserFactory(member=member_user.member, email="kollegin@essen.example")
    return EntryFactory(
        collection=collection,
        title="Aktionsplan Essen",
        url="https://www.essen.de/",
        added_by=colleague,
    )


def urls(entry):
    base = f"/wissen/{entry.collection.slug}/eintrag/{entry.pk}"
    return [f"{base}/bearbeiten/", f"{base}/loeschen/"]


def test_access_to_edit_and_delete(client, own_entry, member_user, staff_user):
    for url in urls(own_entry):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    other = UserFactory(email="andere@koeln.example")  # another member
    client.force_login(other)
    for url in urls(own_entry):
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "Übernommen"}).status_code == 404
    client.force_login(UserFactory(member=None, is_staff=True, totp=False))
    for url in urls(own_entry):
        assert client.get(url)["Location"] == "/konto/2fa/totp/activate/"
    for user in (member_user, staff_user):
        client.force_login(user)
        for url in urls(own_entry):
            assert client.get(url).status_code == 200
    assert Entry.objects.filter(pk=own_entry.pk).exists()


def test_a_former_member_may_not_edit(client, own_entry, former_member_user):
    client.force_login(former_member_user)
    assert client.get(urls(own_entry)[0]).status_code == 403


def test_a_member_edits_an_entry_of_its_own_member(client, own_entry, member_user):
    client.force_login(member_user)
    page = client.get(own_entry.collection.get_absolute_url()).text
    assert urls(own_entry)[0] in page and urls(own_entry)[1] in page
    response = client.post(
        urls(own_entry)[0],
        {"title": "Aktionsplan Essen 2026", "url": "https://www.essen.de/ap", "tags": "a, b"},
    )
    assert response.status_code == 302
    own_entry.refresh_from_db()
    assert own_entry.title == "Aktionsplan Essen 2026"
    assert own_entry.tags == ["a", "b"]


def test_a_rejected_edit_keeps_what_was_typed(client, own_entry, member_user):
    client.force_login(member_user)
    response = client.post(
        urls(own_entry)[0], {"title": "Neuer Titel", "url": "", "source": "Stadt Essen"}
    )
    assert response.status_code == 200
    assert "Für einen Link brauchen wir die Adresse (URL)." in response.text
    assert 'value="Neuer Titel"' in response.text and 'value="Stadt Essen"' in response.text


def test_others_see_no_edit_links(client, own_entry):
    client.force_login(UserFactory(email="andere@koeln.example"))
    assert urls(own_entry)[0] not in client.get(own_entry.collection.get_absolute_url()).text


def test_a_member_deletes_its_entry_and_the_document_uploaded_with_it(
    client, collection, member_user, protected_media_root, django_capture_on_commit_callbacks
):
    entry = entry_add(
        collection=collection,
        user=member_user,
        kind=Entry.Kind.DOCUMENT,
        title="Lagebild Essen",
        file=ContentFile(files.PDF, name="lagebild.pdf"),
    )
    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls(entry)[1])
    assert response.status_code == 302
    assert not Entry.objects.exists()
    assert not Document.objects.exists()
    assert "ist gelöscht" in client.get(response["Location"]).text


def test_deleting_an_entry_keeps_a_document_it_only_links_to(client, collection, staff_user):
    document = DocumentFactory()
    entry = EntryFactory(collection=collection, kind="dokument", document=document, url="")
    client.force_login(staff_user)
    client.post(urls(entry)[1])
    assert not Entry.objects.exists()
    assert Document.objects.filter(pk=document.pk).exists()


def test_office_deletes_a_document_with_its_entry_in_one_step(client, collection, staff_user):
    document = DocumentFactory(title="Protokoll 2025")
    EntryFactory(collection=collection, kind="dokument", document=document, url="")
    client.force_login(staff_user)
    url = f"/verwaltung/documents/document/{document.pk}/delete/"
    page = client.get(url).text
    assert "Kann Dokument nicht löschen" not in page
    assert "Einträge: 1" in page
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Entry.objects.exists() and not Document.objects.exists()
    assert "wurde erfolgreich gelöscht" in client.get(response["Location"]).text
