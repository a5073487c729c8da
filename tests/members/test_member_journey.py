"""A member's way through the member area of the demo portal, in a real browser: log in, look
at the dashboard, open the 27th general assembly's protocol, add an entry to a collection and
answer the open Abfrage."""

import pytest
from playwright.sync_api import expect

from inquiries.models import Answer
from knowledge.models import Entry
from tests.browser import DEMO_PASSWORD, assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]

EMAIL = "mitglied@defus.example"
OPEN_INQUIRY = "Bodycams für den Kommunalen Ordnungsdienst"


def section(page, heading: str):
    return page.locator("section").filter(has=page.get_by_role("heading", name=heading, exact=True))


def test_member_goes_from_the_dashboard_to_protocol_collection_and_abfrage(page, demo):
    # Log in through the real form, on the way to the member area.
    page.goto("/mitgliederbereich/")
    assert "/konto/login/?next=/mitgliederbereich/" in page.url
    assert_accessible(page)
    page.get_by_label("E-Mail").fill(EMAIL)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/mitgliederbereich/")

    # The dashboard: dates, documents, open Abfragen and the own member.
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitgliederbereich")
    dates = section(page, "Die nächsten Termine für Mitglieder")
    expect(dates.get_by_role("link", name="Sitzung des DEFUS-Vorstands")).to_be_visible()
    documents = section(page, "Neue Protokolle und Dokumente")
    expect(
        documents.get_by_role("link", name="Protokoll der 27. Mitgliederversammlung")
    ).to_be_visible()
    inquiries = section(page, "Offene Abfragen")
    open_row = inquiries.locator("li").filter(has_text=OPEN_INQUIRY)
    expect(open_row).to_contain_text("noch nicht beantwortet")
    member = section(page, "Ihre Mitgliedsorganisation")
    expect(member.get_by_role("link", name="Stadt Essen")).to_be_visible()
    expect(member).to_contain_text("Christian Kromberg")
    assert_accessible(page)

    # The assembly archive and the 27th assembly's protocol.
    page.get_by_role(
        "link", name="Protokolle und Präsentationen aller Mitgliederversammlungen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitgliederversammlungen")
    assembly = page.locator("#mv-27")
    expect(assembly.get_by_role("heading", level=2)).to_have_text("27. DEFUS-Mitgliederversammlung")
    expect(assembly).to_contain_text("19.09.2024 – 20.09.2024 · Gelsenkirchen")
    expect(
        assembly.get_by_role("link", name="Präsentation KI meets Ordnung, Gelsenkirchen")
    ).to_be_visible()
    expect(page.locator("#mv-26")).to_contain_text("Protokoll der 26. Mitgliederversammlung")
    assert_accessible(page)
    protocol = assembly.get_by_role("link", name="Protokoll der 27. Mitgliederversammlung")
    download = page.request.get(protocol.get_attribute("href"))
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF")

    # The assembly's own page lists the same documents.
    assembly.get_by_role("link", name="27. DEFUS-Mitgliederversammlung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("27. DEFUS-Mitgliederversammlung")
    event_documents = section(page, "Protokoll und Präsentationen")
    expect(
        event_documents.get_by_role("link", name="Protokoll der 27. Mitgliederversammlung")
    ).to_be_visible()
    expect(page.get_by_text("nach der Anmeldung")).to_have_count(0)
    assert_accessible(page)

    # A collection: the Abfrage filed there, and a new entry through the form.
    page.goto("/wissen/")
    page.get_by_role("link", name="K.-o.-Tropfen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("K.-o.-Tropfen")
    filed = section(page, "Abfragen zum Thema")
    expect(filed.get_by_role("link", name="Maßnahmen gegen K.O. Tropfen")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Notiz").check()
    page.get_by_label("Titel").fill("Awareness-Team beim Essener Lichtwochenende")
    page.get_by_label("Beschreibung").fill(
        "Das Team war an beiden Abenden ansprechbar; Kontakt über das Ordnungsamt Essen."
    )
    page.get_by_label("Quelle oder Herausgeber").fill("Stadt Essen")
    page.get_by_role("button", name="Eintrag hinzufügen").click()
    expect(page.get_by_role("status")).to_contain_text(
        "„Awareness-Team beim Essener Lichtwochenende“ steht jetzt in der Sammlung."
    )
    expect(
        page.get_by_role("heading", name="Awareness-Team beim Essener Lichtwochenende")
    ).to_be_visible()
    entry = Entry.objects.get(title="Awareness-Team beim Essener Lichtwochenende")
    assert entry.added_by.email == EMAIL
    assert entry.collection.slug == "k-o-tropfen"
    assert_accessible(page)

    # The open Abfrage, answered through the form.
    page.goto("/mitgliederbereich/")
    section(page, "Offene Abfragen").get_by_role("link", name=OPEN_INQUIRY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(OPEN_INQUIRY)
    expect(page.get_by_role("button", name="Antwort senden")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Antwort Ihres Mitglieds").fill(
        "Essen erprobt Bodycams seit einem Jahr in zwei Bezirken; die Dienstanweisung "
        "schicken wir gern."
    )
    page.get_by_role("button", name="Antwort senden").click()
    expect(page.get_by_role("status")).to_contain_text("Ihre Antwort ist gespeichert.")
    expect(page.get_by_role("button", name="Antwort ändern")).to_be_visible()
    answered = section(page, "Wer hat geantwortet?")
    expect(answered.get_by_role("link", name="Stadt Essen")).to_be_visible()
    answer = Answer.objects.get(inquiry__title=OPEN_INQUIRY, member__slug="essen")
    assert answer.author.email == EMAIL
    assert_accessible(page)

    # Back on the dashboard, the Abfrage counts as answered.
    page.goto("/mitgliederbereich/")
    open_row = section(page, "Offene Abfragen").locator("li").filter(has_text=OPEN_INQUIRY)
    expect(open_row).to_contain_text("beantwortet")
    expect(open_row).not_to_contain_text("noch nicht beantwortet")
    assert_accessible(page)
