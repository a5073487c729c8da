"""The assembly archive /mitgliederbereich/mitgliederversammlungen/."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import DocumentFactory, EventFactory

pytestmark = pytest.mark.django_db

URL = "/mitgliederbereich/mitgliederversammlungen/"


def assembly(number: int, **fields) -> Event:
    fields.setdefault("starts_on", datetime.date(1997 + number, 5, 16))
    return EventFactory(
        title="DEFUS-Mitgliederversammlung",
        slug=f"{number}-mitgliederversammlung",
        kind=Event.Kind.GENERAL_ASSEMBLY,
        assembly_number=number,
        audience=Event.Audience.MEMBERS,
        **fields,
    )


@pytest.fixture
def gelsenkirchen():
    event = assembly(27, starts_on=datetime.date(2024, 9, 19),
                     ends_on=datetime.date(2024, 9, 20), city="Gelsenkirchen", online=False)  # fmt: skip
    DocumentFactory(title="Präsentation KI meets Ordnung, Gelsenkirchen", kind="praesentation",
                    event=event, date=datetime.date(2024, 9, 20))  # fmt: skip
    DocumentFactory(title="Protokoll der 27. Mitgliederversammlung", kind="protokoll",
                    event=event, date=datetime.date(2024, 9, 20))  # fmt: skip
    DocumentFactory(title="Leitgedanken marginalisierte Gruppen", visibility="oeffentlich",
                    event=event, date=datetime.date(2024, 9, 20))  # fmt: skip
    return event


def test_anonymous_visitors_are_sent_to_the_login_and_back(client, gelsenkirchen):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={URL}"


def test_users_of_a_member_that_left_get_a_403_without_documents(client, former_member_user,
                                                                gelsenkirchen):  # fmt: skip
    client.force_login(former_member_user)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Protokoll der 27." not in response.text


@pytest.mark.parametrize("user", ["member_user", "staff_user"])
def test_members_and_staff_see_every_assembly_with_its_documents(client, request, user,
                                                                 gelsenkirchen):  # fmt: skip
    assembly(26, starts_on=datetime.date(2024, 5, 16), online=True)
    client.force_login(request.getfixturevalue(user))
    response = client.get(URL)
    assert response.status_code == 200
    text = response.text
    assert "<h1>Mitgliederversammlungen</h1>" in text and text.count("<h1") == 1
    assert "Protokolle und Präsentationen aller Mitgliederversammlungen" in text
    assert text.index("27. DEFUS-Mitgliederversammlung") < text.index(
        "26. DEFUS-Mitgliederversammlung"
    )
    assert (
        '<a href="/termine/27-mitgliederversammlung/">27. DEFUS-Mitgliederversammlung</a>' in text
    )
    assert "19.09.2024 – 20.09.2024</time> · Gelsenkirchen" in text
    assert "16.05.2024</time> · online" in text
    twenty_seventh = text.split('id="mv-27"')[1].split("</li>\n  <li")[0]
    titles = ["Protokoll der 27.", "Präsentation KI meets Ordnung", "Leitgedanken"]
    positions = [twenty_seventh.index(title) for title in titles]
    assert positions == sorted(positions), "protocol first, then presentations, then the rest"
    protocol = gelsenkirchen.documents.get(kind="protokoll")
    assert f'href="{protocol.get_absolute_url()}"' in twenty_seventh
    assert "Protokoll · 20.09.2024" in twenty_seventh
    assert "Für diese Versammlung liegen noch keine Dokumente vor." in text.split('id="mv-26"')[1]


def test_an_upcoming_assembly_says_its_documents_follow(client, member_user):
    assembly(30, starts_on=timezone.localdate() + datetime.timedelta(days=70))
    client.force_login(member_user)
    text = client.get(URL).text
    assert "Protokoll und Präsentationen folgen danach" in text


def test_documents_of_other_events_stay_out(client, member_user, gelsenkirchen):
    fachtagung = EventFactory(title="Fachtagung Digitalisierung der Sexarbeit", kind="fachtagung")
    DocumentFactory(title="Dokumentation Fachtagung Sexarbeit", event=fachtagung)
    DocumentFactory(title="Dokument ohne Termin")
    client.force_login(member_user)
    text = client.get(URL).text
    assert "Fachtagung" not in text.split("<main")[1]
    assert "Dokument ohne Termin" not in text


def test_archive_without_assemblies_says_so(client, member_user):
    client.force_login(member_user)
    assert "Noch ist keine Mitgliederversammlung eingetragen." in client.get(URL).text


@pytest.mark.parametrize("user", ["member_user", "staff_user"])
def test_archive_stays_within_its_query_budget(client, request, user,
                                               django_assert_max_num_queries):  # fmt: skip
    for number in range(1, 301):
        event = assembly(number, starts_on=datetime.date(1700 + number, 5, 16))
        DocumentFactory(title=f"Protokoll der {number}. MV", kind="protokoll", event=event)
        DocumentFactory(title=f"Präsentation {number}", kind="praesentation", event=event)
    EventFactory.create_batch(100)
    client.force_login(request.getfixturevalue(user))
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assert response.text.count('class="assembly"') == 300
    assert response.text.count("Protokoll · ") == 300
