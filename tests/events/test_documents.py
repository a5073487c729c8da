"""The documents of an event on its page: protocols and presentations of a general assembly,
the documentation of a Fachtagung. Members see all, everyone else the public ones only."""

import datetime

import pytest

from events.models import Event
from tests.factories import DocumentFactory, EventFactory, MemberFactory, SeriesFactory

pytestmark = pytest.mark.django_db

URL = "/termine/27-mitgliederversammlung/"


@pytest.fixture
def assembly():
    event = EventFactory(
        title="DEFUS-Mitgliederversammlung",
        slug="27-mitgliederversammlung",
        kind=Event.Kind.GENERAL_ASSEMBLY,
        assembly_number=27,
        audience=Event.Audience.MEMBERS,
        starts_on=datetime.date(2024, 9, 19),
        ends_on=datetime.date(2024, 9, 20),
    )
    DocumentFactory(title="Protokoll der 27. Mitgliederversammlung", kind="protokoll",
                    event=event)  # fmt: skip
    DocumentFactory(title="Präsentation KI meets Ordnung, Gelsenkirchen",
                    kind="praesentation", event=event)  # fmt: skip
    DocumentFactory(title="Leitgedanken marginalisierte Gruppen", visibility="oeffentlich",
                    event=event)  # fmt: skip
    return event


def documents_section(text: str) -> str:
    start = text.index('aria-labelledby="dokumente"')
    return text[start : text.index("</section>", start)]


def test_members_and_staff_see_protocol_and_presentations(visitor, assembly):
    if visitor.anonymous:
        return
    text = documents_section(visitor.get(URL).text)
    assert '<h2 id="dokumente">Protokoll und Präsentationen</h2>' in text
    assert text.index("Protokoll der 27.") < text.index("Präsentation KI meets Ordnung")
    protocol = assembly.documents.get(kind="protokoll")
    assert f'href="{protocol.get_absolute_url()}"' in text
    assert "Protokoll · 20.09.2024 · nur für Mitglieder" in text
    assert "Leitgedanken marginalisierte Gruppen" in text
    assert "nach der Anmeldung" not in text


def test_anonymous_visitors_see_public_documents_and_not_even_the_titles_of_the_others(
    client, assembly
):
    text = client.get(URL).text
    section = documents_section(text)
    assert "Leitgedanken marginalisierte Gruppen" in section
    assert "Protokoll der 27." not in text
    assert "KI meets Ordnung" not in text
    assert "Protokoll und Präsentationen für Mitglieder nach der Anmeldung." in section
    assert f'href="/konto/login/?next={URL}"' in section


def test_users_of_a_member_that_left_see_only_the_public_documents(client, former_member_user,
                                                                   assembly):  # fmt: skip
    client.force_login(former_member_user)
    text = client.get(URL).text
    assert "Leitgedanken marginalisierte Gruppen" in text
    assert "Protokoll der 27." not in text
    assert "Weitere Dokumente zu diesem Termin sind nur für Mitglieder zugänglich." in text
    assert "nach der Anmeldung" not in text


def test_members_only_documents_alone_show_just_the_hint(client, assembly):
    assembly.documents.filter(visibility="oeffentlich").delete()
    section = documents_section(client.get(URL).text)
    assert "<ul" not in section
    assert "für Mitglieder nach der Anmeldung" in section


def test_a_fachtagung_shows_its_documentation(visitor):
    event = EventFactory(title="Fachtagung Digitalisierung der Sexarbeit", slug="sexarbeit",
                         kind=Event.Kind.SYMPOSIUM)  # fmt: skip
    DocumentFactory(title="Dokumentation Fachtagung Digitalisierung der Sexarbeit",
                    kind="dokumentation", event=event)  # fmt: skip
    text = visitor.get("/termine/sexarbeit/").text
    if visitor.anonymous:
        assert "Dokumentation Fachtagung" not in text
        assert ("Weitere Dokumente für Mitglieder nach der Anmeldung." in text) is (
            visitor.kind == "anonymous"
        )
    else:
        assert '<h2 id="dokumente">Dokumente</h2>' in text
        assert "Dokumentation · " in text


def test_an_event_without_documents_has_no_documents_section(visitor):
    EventFactory(slug="ohne-dokumente")
    DocumentFactory(title="Protokoll eines anderen Termins", visibility="oeffentlich",
                    event=EventFactory())  # fmt: skip
    text = visitor.get("/termine/ohne-dokumente/").text
    assert 'id="dokumente"' not in text
    assert "Protokoll eines anderen Termins" not in text


def test_detail_with_documents_stays_within_its_query_budget(visitor, assembly,
                                                             django_assert_max_num_queries):  # fmt: skip
    Event.objects.filter(pk=assembly.pk).update(series=SeriesFactory(), host=MemberFactory())
    for number in range(100):
        DocumentFactory(title=f"Präsentation {number}", kind="praesentation", event=assembly)
        DocumentFactory(title=f"Anlage {number}", visibility="oeffentlich", event=assembly)
    with django_assert_max_num_queries(8):
        response = visitor.get(URL)
    assert response.status_code == 200
    assert response.text.count("Anlage ") == 100
