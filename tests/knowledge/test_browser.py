import pytest
from playwright.sync_api import expect

from knowledge.models import Entry
from tests.browser import assert_accessible
from tests.factories import CollectionFactory, EntryFactory, ThemeFactory
from tests.knowledge import files

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def member_page(page, client, site_server, member_user):
    """The page of a logged-in member (a session made by the test client)."""
    client.force_login(member_user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}]
    )
    return page


@pytest.fixture
def collection():
    area = ThemeFactory(title="Friedliches Zusammenleben", slug="friedliches-zusammenleben")
    collection = CollectionFactory(
        title="Umsetzung der Istanbul-Konvention",
        slug="istanbul-konvention",
        theme=ThemeFactory(title="Häusliche Gewalt", slug="haeusliche-gewalt", parent=area),
        description="Aktionspläne und Koordinierungsstellen der Mitgliedsstädte.",
    )
    EntryFactory(
        collection=collection,
        title="Freiburg gegen Gewalt",
        url="https://www.freiburg.de/",
        source="Stadt Freiburg",
        tags=["Aktionsplan", "Freiburg"],
    )
    CollectionFactory(title="Sicherheit im Bahnhofsviertel", theme=area)
    return collection


def test_catalogue_is_accessible_to_anonymous_visitors(page, collection):
    page.goto("/wissen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Informationssammlungen")
    expect(page.get_by_text("nur für Mitglieder").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Umsetzung der Istanbul-Konvention").click()
    expect(page.get_by_role("link", name="anmelden", exact=True)).to_be_visible()
    expect(page.get_by_text("Freiburg gegen Gewalt")).to_have_count(0)
    assert_accessible(page)


def test_member_adds_an_entry_through_the_form(member_page, collection):
    page = member_page
    page.goto("/wissen/istanbul-konvention/")
    expect(page.get_by_role("link", name="Freiburg gegen Gewalt")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Link").check()
    page.get_by_label("Titel").fill("Gleichstellungsaktionsplan 2024–2027")
    page.get_by_label("Beschreibung").fill("Mit einem Aktionsplan gegen häusliche Gewalt.")
    page.get_by_label("Adresse (URL)").fill("https://www.nuernberg.de/")
    page.get_by_label("Quelle oder Herausgeber").fill("Stadt Nürnberg")
    page.get_by_role("textbox", name="Schlagworte").fill("Aktionsplan, Nürnberg")
    page.get_by_role("button", name="Eintrag hinzufügen").click()

    expect(page.get_by_role("status")).to_contain_text(
        "„Gleichstellungsaktionsplan 2024–2027“ steht jetzt in der Sammlung."
    )
    expect(
        page.get_by_role("link", name="Gleichstellungsaktionsplan 2024–2027", exact=True)
    ).to_be_visible()
    entry = Entry.objects.get(title="Gleichstellungsaktionsplan 2024–2027")
    assert page.url.endswith(f"/wissen/istanbul-konvention/#eintrag-{entry.pk}")
    assert_accessible(page)


def test_member_sees_why_a_file_was_rejected_and_keeps_the_input(member_page, collection, tmp_path):
    page = member_page
    fake = tmp_path / "aktionsplan.pdf"
    fake.write_bytes(files.HTML)
    page.goto("/wissen/istanbul-konvention/")
    page.get_by_label("Dokument").check()
    page.get_by_label("Titel").fill("Aktionsplan Freiburg")
    page.get_by_label("Beschreibung").fill("Entwurf für den Doppelhaushalt 25/26.")
    page.get_by_label("Datei").set_input_files(fake)
    page.get_by_role("button", name="Eintrag hinzufügen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Eintrag hinzufügen")
    expect(page.get_by_text("Der Inhalt passt nicht zur Endung „.pdf“")).to_be_visible()
    expect(page.get_by_label("Titel")).to_have_value("Aktionsplan Freiburg")
    expect(page.get_by_label("Beschreibung")).to_have_value("Entwurf für den Doppelhaushalt 25/26.")
    assert_accessible(page)
    assert not Entry.objects.filter(title="Aktionsplan Freiburg").exists()
