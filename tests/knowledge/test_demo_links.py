"""The demo links protocols, presentations and documentation to their events, and files two
Abfragen of 2024 into collections."""

import pytest

from defus.demo import load_demo
from events.models import Event
from knowledge.models import Document, Inquiry
from knowledge.validators import validate_document_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    load_demo()  # idempotent


def test_the_27th_assembly_has_its_protocol_and_presentation(demo):
    assembly = Event.objects.get(assembly_number=27)
    documents = {d.title: d for d in assembly.documents.all()}
    protocol = documents["Protokoll der 27. Mitgliederversammlung"]
    assert protocol.kind == Document.Kind.PROTOCOL
    assert not protocol.is_public
    presentation = documents["Präsentation KI meets Ordnung, Gelsenkirchen"]
    assert presentation.kind == Document.Kind.PRESENTATION
    assert not presentation.is_public
    validate_document_file(presentation.file)
    assert Document.objects.filter(title=presentation.title).count() == 1


def test_the_26th_assembly_has_a_protocol(demo):
    (protocol,) = Event.objects.get(assembly_number=26).documents.all()
    assert protocol.title == "Protokoll der 26. Mitgliederversammlung"
    assert protocol.kind == Document.Kind.PROTOCOL
    validate_document_file(protocol.file)


@pytest.mark.parametrize(
    ("document", "event"),
    [
        ("Dokumentation der Studienreise Zürich 2024", "DEFUS-Studienreise nach Zürich"),
        ("Dokumentation Fachtagung Digitalisierung der Sexarbeit",
         "Fachtagung Digitalisierung der Sexarbeit"),
        ("Dokumentation Fachtagung Doing Crisis",
         "Fachtagung „Doing Crisis: Politik, Praxis und Wissenschaft im Dialog“"),
    ],
)  # fmt: skip
def test_documentation_is_linked_to_its_event(demo, document, event):
    document = Document.objects.select_related("event").get(title=document)
    assert document.event.title == event
    assert document.kind == Document.Kind.DOCUMENTATION


def test_two_inquiries_of_2024_are_filed_into_collections(demo):
    filed = dict(
        Inquiry.objects.filter(collection__isnull=False).values_list("title", "collection__slug")
    )
    assert filed == {
        "Maßnahmen gegen K.O. Tropfen": "k-o-tropfen",
        "Konflikt- und Gewaltprävention in Freibädern": "freibaeder",
    }


def test_the_demo_member_finds_the_27th_protocol_in_the_archive(demo, client):
    from members.models import User

    client.force_login(User.objects.get(email="mitglied@defus.example"))
    text = client.get("/mitgliederbereich/mitgliederversammlungen/").text
    protocol = Document.objects.get(title="Protokoll der 27. Mitgliederversammlung")
    assert f'href="{protocol.get_absolute_url()}"' in text
    response = client.get(protocol.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_anonymous_visitors_see_only_the_public_guidelines_on_the_27th(demo, client):
    text = client.get("/termine/27-mitgliederversammlung/").text
    assert "Leitgedanken zum Umgang mit marginalisierten Gruppen" in text
    assert "Protokoll der 27." not in text
    assert "KI meets Ordnung, Gelsenkirchen" not in text
    assert "Protokoll und Präsentationen für Mitglieder nach der Anmeldung." in text
