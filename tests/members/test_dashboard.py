"""The dashboard /mitgliederbereich/: dates, documents, collections and Abfragen for members."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from knowledge.models import CollectionVisit
from tests.factories import (
    AnswerFactory,
    CollectionFactory,
    ContactPersonFactory,
    DocumentFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
)

pytestmark = pytest.mark.django_db

URL = "/mitgliederbereich/"
DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


def section(text: str, heading_id: str) -> str:
    """The dashboard section whose heading has ``heading_id``."""
    start = text.index(f'aria-labelledby="{heading_id}"')
    return text[start : text.index("</section>", start)]


def test_dashboard_shows_the_next_member_and_intern_dates_only(client, member_user):
    EventFactory(title="Sitzung des DEFUS-Vorstands", audience="intern", starts_on=today() + DAY)
    EventFactory(title="DEFUS-Austausch Messergewalt", audience="mitglieder", starts_on=today())
    EventFactory(title="SiBa-Webinar für alle", audience="oeffentlich", starts_on=today() + DAY)
    EventFactory(title="Vergangene Sitzung", audience="intern", starts_on=today() - 3 * DAY)
    for days in range(10, 20):
        EventFactory(title=f"Späterer Austausch {days}", audience="mitglieder",
                     starts_on=today() + days * DAY)  # fmt: skip
    client.force_login(member_user)
    dates = section(client.get(URL).text, "termine")
    assert dates.index("DEFUS-Austausch Messergewalt") < dates.index("Sitzung des DEFUS-Vorstands")
    assert "SiBa-Webinar für alle" not in dates
    assert "Vergangene Sitzung" not in dates
    assert dates.count("<li>") == 5
    assert "Späterer Austausch 12" in dates and "Späterer Austausch 13" not in dates
    assert "· intern" in dates.split("Sitzung des DEFUS-Vorstands")[1].split("</li>")[0]
    assert "· für Mitglieder" in dates.split("Messergewalt")[1].split("</li>")[0]
    assert 'href="/termine/"' in dates


def test_dashboard_shows_the_newest_documents_with_their_event(client, member_user):
    assembly = EventFactory(
        title="DEFUS-Mitgliederversammlung",
        slug="27-mitgliederversammlung",
        kind=Event.Kind.GENERAL_ASSEMBLY,
        assembly_number=27,
        starts_on=datetime.date(2024, 9, 19),
    )
    DocumentFactory(title="Protokoll der 27. Mitgliederversammlung", kind="protokoll",
                    event=assembly, date=datetime.date(2024, 9, 20))  # fmt: skip
    for day in range(1, 8):
        DocumentFactory(title=f"Älteres Dokument {day}", date=datetime.date(2024, 1, day))
    client.force_login(member_user)
    documents = section(client.get(URL).text, "dokumente")
    assert documents.index("Protokoll der 27. Mitgliederversammlung") < documents.index(
        "Älteres Dokument 7"
    )
    assert documents.count("<li>") == 5
    assert "Älteres Dokument 4" in documents and "Älteres Dokument 3" not in documents
    assert "Protokoll · 20.09.2024" in documents
    assert '<a href="/termine/27-mitgliederversammlung/">27. DEFUS-Mitgliederversammlung</a>' in (
        documents
    )
    assert 'href="/mitgliederbereich/mitgliederversammlungen/"' in documents


def test_dashboard_shows_collections_that_changed_since_the_last_visit(client, member_user):
    changed = CollectionFactory(title="Maßnahmen gegen K.O.-Tropfen", slug="k-o-tropfen")
    seen = CollectionFactory(title="Freibäder", slug="freibaeder")
    CollectionVisit.objects.create(
        user=member_user, collection=seen, visited_at=timezone.now() + DAY
    )
    EntryFactory.create_batch(2, collection=changed)
    EntryFactory(collection=seen)
    client.force_login(member_user)
    collections = section(client.get(URL).text, "sammlungen")
    assert '<a href="/wissen/k-o-tropfen/">Maßnahmen gegen K.O.-Tropfen</a>' in collections
    assert "2 neue Einträge" in collections
    assert "Freibäder" not in collections
    assert 'href="/wissen/"' in collections


def test_dashboard_says_when_no_collection_changed(client, member_user):
    client.force_login(member_user)
    collections = section(client.get(URL).text, "sammlungen")
    assert "nichts hinzugekommen" in collections


def test_dashboard_lists_open_inquiries_and_whether_the_member_answered(client, member_user):
    mannheim = MemberFactory(name="Mannheim", designation="Stadt Mannheim", slug="mannheim")
    bodycams = InquiryFactory(title="Bodycams für den KOD", asked_by_member=mannheim,
                              deadline=today() + 3 * DAY)  # fmt: skip
    answered = InquiryFactory(title="Alkoholverbote am Bahnhof", deadline=today())
    AnswerFactory(inquiry=answered, member=member_user.member)
    AnswerFactory(inquiry=bodycams)  # another member's answer does not count
    InquiryFactory(title="Eigene Frage aus Essen", asked_by_member=member_user.member)
    InquiryFactory(title="Grillen im öffentlichen Raum", deadline=today() - DAY)
    client.force_login(member_user)
    inquiries = section(client.get(URL).text, "offene-abfragen")
    assert inquiries.index("Alkoholverbote am Bahnhof") < inquiries.index("Bodycams für den KOD")
    row = inquiries.split("Bodycams für den KOD")[1].split("</li>")[0]
    assert "noch nicht beantwortet" in row
    assert "Stadt Mannheim · Antworten bis" in row
    row = inquiries.split("Alkoholverbote am Bahnhof")[1].split("</li>")[0]
    assert ">beantwortet<" in row
    row = inquiries.split("Eigene Frage aus Essen")[1].split("</li>")[0]
    assert "Ihre Abfrage" in row
    assert "Grillen im öffentlichen Raum" not in inquiries
    assert 'href="/mitgliederbereich/abfragen/"' in inquiries
    assert f'href="{bodycams.get_absolute_url()}"' in inquiries


def test_dashboard_of_the_office_lists_inquiries_without_answer_marks(client, staff_user):
    InquiryFactory(title="Bodycams für den KOD")
    client.force_login(staff_user)
    inquiries = section(client.get(URL).text, "offene-abfragen")
    assert "Bodycams für den KOD" in inquiries
    assert "beantwortet" not in inquiries


def test_dashboard_says_when_nothing_is_there(client, member_user):
    client.force_login(member_user)
    text = client.get(URL).text
    assert "Zurzeit ist kein Termin für Mitglieder angekündigt." in text
    assert "Noch gibt es keine Dokumente." in text
    assert "Zurzeit ist keine Abfrage offen." in text


def test_dashboard_of_a_former_member_shows_nothing(client, former_member_user):
    DocumentFactory(title="Protokoll der 27. Mitgliederversammlung")
    client.force_login(former_member_user)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Protokoll der 27." not in response.text


@pytest.mark.parametrize("user", ["member_user", "staff_user"])
def test_dashboard_stays_within_its_query_budget(user, request, client,
                                                 django_assert_max_num_queries):  # fmt: skip
    user = request.getfixturevalue(user)
    member = request.getfixturevalue("member")
    ContactPersonFactory.create_batch(100, member=member)
    EventFactory.create_batch(100, audience="intern")
    EventFactory.create_batch(100, audience="mitglieder", starts_on=today() - 10 * DAY)
    assembly = EventFactory(kind="mitgliederversammlung", assembly_number=27)
    DocumentFactory.create_batch(200, event=assembly)
    for collection in CollectionFactory.create_batch(100):
        EntryFactory.create_batch(2, collection=collection)
    asker = MemberFactory()
    for inquiry in InquiryFactory.create_batch(100, asked_by_member=asker):
        AnswerFactory(inquiry=inquiry, member=member)
        AnswerFactory(inquiry=inquiry, member=asker)
    client.force_login(user)
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    text = response.text
    assert section(text, "termine").count("<li>") == 5
    assert section(text, "dokumente").count("<li>") == 5
    assert section(text, "sammlungen").count("<li>") == 5
    assert section(text, "offene-abfragen").count("<li>") == 10
    if user.member:
        assert text.count("mailto:kontakt") == 100
        assert section(text, "offene-abfragen").count(">beantwortet<") == 10


def test_dashboard_links_to_the_archive_the_collections_and_the_inquiries(visitor):
    if visitor.anonymous:
        return
    text = visitor.get(URL).text
    for href in ["/mitgliederbereich/mitgliederversammlungen/", "/wissen/",
                 "/mitgliederbereich/abfragen/"]:  # fmt: skip
        assert f'href="{href}"' in text.split("<main")[1], href


def test_header_links_members_to_the_archive_and_the_inquiries(visitor):
    header = visitor.get("/").text.split("<main")[0]
    for href in ["/mitgliederbereich/mitgliederversammlungen/", "/mitgliederbereich/abfragen/"]:
        assert (f'href="{href}"' in header) is (not visitor.anonymous)


def test_header_marks_the_archive_as_the_current_page(client, member_user):
    client.force_login(member_user)
    header = client.get("/mitgliederbereich/mitgliederversammlungen/").text.split("<main")[0]
    assert 'href="/mitgliederbereich/mitgliederversammlungen/" aria-current="page"' in header
