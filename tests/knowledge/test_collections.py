import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from documents.models import Document
from knowledge.models import Collection, CollectionVisit, Entry
from knowledge.services import entry_add
from tests.factories import (
    CollectionFactory,
    DocumentFactory,
    EntryFactory,
    ThemeFactory,
    UserFactory,
)
from tests.knowledge import files

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(datetime.datetime(2020, 1, 1, 12))


@pytest.fixture
def collection():
    area = ThemeFactory(title="Friedliches Zusammenleben", slug="zusammenleben", position=0)
    topic = ThemeFactory(title="Häusliche Gewalt", slug="gewalt", parent=area)
    return CollectionFactory(
        title="Umsetzung der Istanbul-Konvention",
        slug="istanbul-konvention",
        theme=topic,
        description="Aktionspläne und Koordinierungsstellen der Mitgliedsstädte.",
    )


@pytest.fixture
def entry(collection):
    return EntryFactory(
        collection=collection,
        title="Freiburg gegen Gewalt",
        url="https://www.freiburg.de/",
        source="Stadt Freiburg",
        tags=["Aktionsplan"],
        added_at=LONG_AGO,
    )


# The catalogue /wissen/ -----------------------------------------------------------------------


def test_catalogue_shows_every_collection_to_everyone_but_no_entry(everyone, entry):
    CollectionFactory(
        title="Sicherheit im Bahnhofsviertel",
        theme=ThemeFactory(title="Öffentlicher Raum", slug="raum", position=1),
    )
    response = everyone.get("/wissen/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Informationssammlungen</h1>" in text
    assert '<a href="/wissen/istanbul-konvention/">Umsetzung der Istanbul-Konvention</a>' in text
    assert "Aktionspläne und Koordinierungsstellen der Mitgliedsstädte." in text
    assert "1 Eintrag" in text
    assert "Freiburg gegen Gewalt" not in text
    # Grouped by Themenschwerpunkt, a topic under its area.
    assert (
        text.index("<h2")
        < text.index("Friedliches Zusammenleben</h2>")
        < text.index("Umsetzung der Istanbul-Konvention")
        < text.index("Öffentlicher Raum</h2>")
        < text.index("Sicherheit im Bahnhofsviertel")
    )
    badge = '<span class="badge badge-members">nur für Mitglieder</span>'
    assert (badge in text) is not everyone.has_access


def test_catalogue_invites_anonymous_visitors_to_log_in(client, collection):
    text = client.get("/wissen/").text
    assert 'href="/konto/login/?next=/wissen/"' in text
    assert "Die Einträge der Sammlungen sind nur für Mitglieder sichtbar." in text


def test_catalogue_counts_entries_new_to_the_member(client, member_user, collection):
    EntryFactory.create_batch(2, collection=collection)  # added now, after the account
    EntryFactory(collection=collection, added_at=LONG_AGO)
    client.force_login(member_user)
    text = client.get("/wissen/").text
    assert "3 Einträge" in text
    assert '<span class="badge badge-new">2 neu</span>' in text


@pytest.mark.parametrize("kind", ["anonymous", "member"])
def test_catalogue_stays_within_its_query_budget(
    request, client, kind, django_assert_max_num_queries
):
    themes = [ThemeFactory(slug=f"schwerpunkt-{n}", position=n) for n in range(4)]
    for n in range(200):
        collection = CollectionFactory(theme=themes[n % 4])
        if n % 20 == 0:
            EntryFactory.create_batch(3, collection=collection)
    if kind == "member":
        client.force_login(request.getfixturevalue("member_user"))
    with django_assert_max_num_queries(8):
        response = client.get("/wissen/")
    assert response.text.count('<li class="card">') == 200


# A collection /wissen/<slug>/ -----------------------------------------------------------------


def test_collection_page_shows_entries_to_members_only(everyone, entry):
    response = everyone.get("/wissen/istanbul-konvention/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Umsetzung der Istanbul-Konvention</h1>" in text
    assert "Aktionspläne und Koordinierungsstellen der Mitgliedsstädte." in text
    assert '<a href="/themen/zusammenleben/">Häusliche Gewalt</a>' in text
    if everyone.has_access:
        assert '<a href="https://www.freiburg.de/">Freiburg gegen Gewalt</a>' in text
        assert "Stadt Freiburg" in text and "<li>Aktionsplan</li>" in text
        assert 'action="/wissen/istanbul-konvention/eintrag-hinzufuegen/"' in text
        assert "nur für Mitglieder" not in text
    else:
        assert "Freiburg gegen Gewalt" not in text
        assert "freiburg.de" not in text
        assert "eintrag-hinzufuegen" not in text
        assert "nur für Mitglieder" in text


def test_anonymous_visitors_are_asked_to_log_in(client, entry):
    text = client.get("/wissen/istanbul-konvention/").text
    assert (
        'Nur für Mitglieder – bitte <a href="/konto/login/?next=/wissen/istanbul-konvention/">'
        "anmelden</a>" in text
    )


def test_users_of_a_member_that_left_are_told_why(client, former_member_user, entry):
    client.force_login(former_member_user)
    text = client.get("/wissen/istanbul-konvention/").text
    assert "Ihr Konto hat keinen Zugang zum Mitgliederbereich." in text
    assert "/konto/login/" not in text


def test_unknown_collection_gives_a_german_404(visitor):
    response = visitor.get("/wissen/atlantis/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_documents_of_a_collection_follow_their_visibility(everyone, collection):
    for document in [
        DocumentFactory(title="Leitgedanken (öffentlich)", visibility=Document.Visibility.PUBLIC),
        DocumentFactory(title="Protokoll (intern)"),
    ]:
        EntryFactory(
            collection=collection,
            kind=Entry.Kind.DOCUMENT,
            title=document.title,
            url="",
            document=document,
        )
    text = everyone.get("/wissen/istanbul-konvention/").text
    assert "Leitgedanken (öffentlich)" in text
    assert ("Protokoll (intern)" in text) is everyone.has_access


def test_collection_page_stays_within_its_query_budget(
    client, member_user, collection, django_assert_max_num_queries
):
    other = UserFactory(member=member_user.member)
    EntryFactory.create_batch(150, collection=collection, added_by=other)
    documents = DocumentFactory.create_batch(150)
    for document in documents:
        EntryFactory(collection=collection, kind=Entry.Kind.DOCUMENT, url="", document=document)
    client.force_login(member_user)
    with django_assert_max_num_queries(9):  # with the content version
        response = client.get("/wissen/istanbul-konvention/")
    assert response.text.count('<li class="entry"') == 300
    assert response.text.count("(Stadt Essen)") == 150


def test_collection_page_for_anonymous_stays_within_its_query_budget(
    client, collection, django_assert_max_num_queries
):
    EntryFactory.create_batch(300, collection=collection)
    with django_assert_max_num_queries(4):  # the content version, collection, theme, files
        response = client.get("/wissen/istanbul-konvention/")
    assert "300 Einträge" in response.text


# "neu" since the last visit -------------------------------------------------------------------


def new_titles(client) -> list[str]:
    response = client.get("/wissen/istanbul-konvention/")
    return [entry.title for entry in response.context["entries"] if entry.is_new]


def test_entries_added_since_the_last_visit_are_new(client, member_user, collection):
    colleague = UserFactory()
    EntryFactory(collection=collection, title="Vor dem Besuch", added_at=LONG_AGO)
    client.force_login(member_user)
    assert new_titles(client) == []
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    CollectionVisit.objects.filter(user=member_user).update(visited_at=an_hour_ago)
    EntryFactory(
        collection=collection,
        title="Nach dem Besuch",
        added_by=colleague,
        added_at=an_hour_ago + datetime.timedelta(minutes=1),
    )
    response = client.get("/wissen/istanbul-konvention/")
    assert [e.title for e in response.context["entries"] if e.is_new] == ["Nach dem Besuch"]
    assert '<span class="badge badge-new">neu</span>' in response.text
    assert new_titles(client) == [], "seen once, an entry is no longer new"


def test_own_entries_are_never_new(client, member_user, collection):
    EntryFactory(collection=collection, title="Eigener Eintrag", added_by=member_user)
    EntryFactory(collection=collection, title="Von der Geschäftsstelle", added_by=None)
    client.force_login(member_user)
    assert new_titles(client) == ["Von der Geschäftsstelle"]


def test_on_a_first_visit_entries_since_the_account_was_created_are_new(
    client, member_user, collection
):
    member_user.date_joined = timezone.now() - datetime.timedelta(days=30)
    member_user.save()
    EntryFactory(collection=collection, title="Alt", added_at=LONG_AGO)
    EntryFactory(collection=collection, title="Neu", added_at=timezone.now())
    client.force_login(member_user)
    assert new_titles(client) == ["Neu"]


def test_anonymous_visits_are_not_recorded(client, former_member_user, collection):
    client.get("/wissen/istanbul-konvention/")
    client.force_login(former_member_user)
    client.get("/wissen/istanbul-konvention/")
    assert not CollectionVisit.objects.exists()


def test_dashboard_lists_collections_changed_since_the_last_visit(member_user, collection):
    colleague = UserFactory()
    seen = CollectionFactory(title="Gesehen")
    CollectionVisit.objects.create(user=member_user, collection=seen, visited_at=timezone.now())
    EntryFactory(collection=seen, added_at=timezone.now() - datetime.timedelta(hours=1))
    CollectionVisit.objects.create(
        user=member_user, collection=collection, visited_at=timezone.now() - datetime.timedelta(1)
    )
    EntryFactory.create_batch(2, collection=collection, added_by=colleague)
    mine = CollectionFactory(title="Nur eigene Einträge")
    EntryFactory(collection=mine, added_by=member_user)
    never_visited = CollectionFactory(title="Nie besucht")
    EntryFactory(collection=never_visited)
    EntryFactory(collection=CollectionFactory(title="Nichts Neues"), added_at=LONG_AGO)

    changed = Collection.objects.changed_since_last_visit(member_user)
    assert {c.title: c.new_entry_count for c in changed} == {
        "Umsetzung der Istanbul-Konvention": 2,
        "Nie besucht": 1,
    }


def test_dashboard_shows_no_collections_to_users_without_access(former_member_user, collection):
    from django.contrib.auth.models import AnonymousUser

    EntryFactory(collection=collection)
    assert not Collection.objects.changed_since_last_visit(former_member_user).exists()
    assert not Collection.objects.changed_since_last_visit(AnonymousUser()).exists()


# Members add entries /wissen/<slug>/eintrag-hinzufuegen/ --------------------------------------

ADD_URL = "/wissen/istanbul-konvention/eintrag-hinzufuegen/"


def link_data(**fields):
    return {
        "kind": "link",
        "title": "Gleichstellungsaktionsplan 2024–2027",
        "description": "Mit einem Aktionsplan gegen häusliche Gewalt.",
        "url": "https://www.nuernberg.de/",
        "source": "Stadt Nürnberg",
        "date": "2024-09-01",
        "tags": "Aktionsplan, Nürnberg, , Aktionsplan",
        **fields,
    }


def test_anonymous_visitors_must_log_in_to_add_an_entry(client, collection):
    for response in (client.get(ADD_URL), client.post(ADD_URL, link_data())):
        assert response.status_code == 302
        assert response["Location"] == f"/konto/login/?next={ADD_URL}"
    assert not Entry.objects.exists()


def test_users_of_a_member_that_left_may_not_add_an_entry(client, former_member_user, collection):
    client.force_login(former_member_user)
    assert client.get(ADD_URL).status_code == 403
    assert client.post(ADD_URL, link_data()).status_code == 403
    assert not Entry.objects.exists()


def test_adding_to_an_unknown_collection_gives_a_404(client, member_user):
    client.force_login(member_user)
    assert client.post("/wissen/atlantis/eintrag-hinzufuegen/", link_data()).status_code == 404


@pytest.mark.parametrize("kind", ["member", "staff"])
def test_members_and_staff_add_a_link(request, client, collection, kind):
    user = request.getfixturevalue(f"{kind}_user")
    client.force_login(user)
    assert client.get(ADD_URL).status_code == 200
    before = timezone.now()
    response = client.post(ADD_URL, link_data(), follow=True)
    entry = Entry.objects.get()
    assert response.redirect_chain == [(f"/wissen/istanbul-konvention/#eintrag-{entry.pk}", 302)]
    assert "„Gleichstellungsaktionsplan 2024–2027“ steht jetzt in der Sammlung." in response.text
    assert (entry.kind, entry.url, entry.source) == (
        "link",
        "https://www.nuernberg.de/",
        "Stadt Nürnberg",
    )
    assert entry.tags == ["Aktionsplan", "Nürnberg"]
    assert entry.date == datetime.date(2024, 9, 1)
    assert entry.added_by == user and entry.added_at >= before
    assert Collection.objects.with_updated_at().get().updated_at == entry.added_at


def test_a_member_shares_a_document(client, member_user, collection):
    client.force_login(member_user)
    response = client.post(
        ADD_URL,
        link_data(
            kind="dokument",
            title="Aktionsplan Freiburg (Entwurf)",
            url="https://wird-ignoriert.example/",
            file=ContentFile(files.PDF, name="Aktionsplan Freiburg.pdf"),
        ),
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    document = entry.document
    assert (entry.kind, entry.url) == ("dokument", "")
    assert document.title == "Aktionsplan Freiburg (Entwurf)"
    assert document.visibility == Document.Visibility.MEMBERS
    assert document.entries.get().collection == collection
    assert document.file.read() == files.PDF
    text = client.get("/wissen/istanbul-konvention/").text
    assert f'<a href="/dokumente/{document.pk}/aktionsplan-freiburg.pdf">' in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("aktionsplan.pdf", files.HTML, "Der Inhalt passt nicht zur Endung „.pdf“"),
        ("aktionsplan.docx", b"kein zip", "Das ist kein Word-Dokument."),
        ("aktionsplan.exe", files.PDF, "Dateien mit der Endung „.exe“ können nicht"),
    ],
)
def test_a_rejected_file_keeps_what_the_member_typed(
    client, member_user, collection, name, content, message
):
    client.force_login(member_user)
    response = client.post(
        ADD_URL,
        link_data(kind="dokument", file=ContentFile(content, name=name)),
    )
    assert response.status_code == 200
    text = response.text
    assert message in text
    assert "Der Eintrag wurde noch nicht gespeichert." in text
    assert 'value="Gleichstellungsaktionsplan 2024–2027"' in text
    assert "Mit einem Aktionsplan gegen häusliche Gewalt.</textarea>" in text
    assert 'value="Stadt Nürnberg"' in text
    assert 'value="Aktionsplan, Nürnberg, , Aktionsplan"' in text
    assert not Entry.objects.exists() and not Document.objects.exists()


def test_a_too_large_file_is_rejected(settings, client, member_user, collection):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    client.force_login(member_user)
    big = ContentFile(files.PDF + b"0" * (3 * 1024 * 1024), name="gross.pdf")
    response = client.post(ADD_URL, link_data(kind="dokument", file=big))
    assert "Die Datei ist 3,0 MB groß; erlaubt sind höchstens 1,0 MB." in response.text
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"url": ""}, "url", "Für einen Link brauchen wir die Adresse (URL)."),
        ({"url": "javascript:alert(1)"}, "url", "Bitte eine gültige Adresse eingeben."),
        ({"kind": "dokument"}, "file", "Bitte wählen Sie die Datei aus"),
        ({"kind": "notiz", "description": ""}, "description", "Eine Notiz braucht einen Text."),
        ({"title": ""}, "title", "Dieses Feld ist zwingend erforderlich."),
        ({"kind": "umfrage"}, "kind", "keine gültige Auswahl"),
        ({"tags": ",".join(f"t{n}" for n in range(11))}, "tags", "höchstens 10 Schlagworte"),
        ({"tags": "x" * 41}, "tags", "Ein Schlagwort hat höchstens 40 Zeichen"),
        ({"date": "gestern"}, "date", "Bitte ein gültiges Datum eingeben."),
    ],
)
def test_an_incomplete_entry_is_explained(client, member_user, collection, fields, field, message):
    client.force_login(member_user)
    response = client.post(ADD_URL, link_data(**fields))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.text
    assert not Entry.objects.exists()


def test_a_member_adds_a_note(client, member_user, collection):
    client.force_login(member_user)
    client.post(ADD_URL, link_data(kind="notiz", title="Erfahrungen aus Essen"))
    entry = Entry.objects.get()
    assert (entry.kind, entry.url, entry.document) == ("notiz", "", None)


def test_a_collection_changes_when_an_entry_is_added_and_only_then(member_user, collection):
    collection.entries.all().delete()
    Collection.objects.filter(pk=collection.pk).update(created_at=LONG_AGO)
    collection.refresh_from_db()
    collection.save()  # saving the collection itself is no change of its content
    assert Collection.objects.with_updated_at().get().updated_at == LONG_AGO
    entry = entry_add(
        collection=collection, user=member_user, kind="notiz", title="Hinweis", description="…"
    )
    assert Collection.objects.with_updated_at().get().updated_at == entry.added_at > LONG_AGO


def test_entries_check_their_kind_in_the_database(collection):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(collection=collection, kind="link", title="Ohne Adresse")
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(collection=collection, kind="dokument", title="Ohne Dokument")


# The office edits everything in the admin -----------------------------------------------------


def test_office_sees_collections_in_the_admin(
    client, staff_user, entry, django_assert_max_num_queries
):
    CollectionFactory.create_batch(50)
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/knowledge/collection/")
    assert response.status_code == 200
    response = client.get(f"/verwaltung/knowledge/collection/{entry.collection.pk}/change/")
    assert response.status_code == 200
    assert "Freiburg gegen Gewalt" in response.text


def test_office_adds_an_entry_in_the_admin(client, staff_user, collection):
    client.force_login(staff_user)
    url = f"/verwaltung/knowledge/collection/{collection.pk}/change/"
    data = {
        "title": collection.title,
        "slug": collection.slug,
        "theme": collection.theme.pk,
        "description": collection.description,
        "entries-TOTAL_FORMS": "1",
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
        "entries-0-kind": "link",
        "entries-0-title": "Gleichstellungsaktionsplan Nürnberg",
        "entries-0-url": "https://www.nuernberg.de/",
        "entries-0-tags": "Aktionsplan",
        "entries-0-added_at_0": "22.11.2026",
        "entries-0-added_at_1": "10:00:00",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    entry = Entry.objects.get()
    assert entry.added_by == staff_user
    assert Collection.objects.with_updated_at().get().updated_at == entry.added_at


def test_members_cannot_reach_the_admin(client, member_user):
    client.force_login(member_user)
    response = client.get("/verwaltung/knowledge/collection/")
    assert response.status_code == 302
