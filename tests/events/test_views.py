import datetime
import json
import re

import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, MemberFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


@pytest.fixture
def intern_events(db):
    """An intern event to come and one that is over."""
    return [
        EventFactory(title="Sitzung des Vorstands", slug="vorstand", audience=Event.Audience.INTERNAL, starts_on=day(5)),
        EventFactory(title="Austausch mit Gladbeck", slug="gladbeck", audience=Event.Audience.INTERNAL, starts_on=day(-50)),
    ]  # fmt: skip


def test_upcoming_events_show_their_countdown(visitor):
    EventFactory(title="SiBa-Webinar: Sichere Bahnhöfe", slug="siba", starts_on=day(3))
    EventFactory(title="Vernetzungstreffen", slug="treffen", starts_on=day(1))
    EventFactory(title="Fachtagung", slug="fachtagung", starts_on=day(-2), ends_on=day(2))
    EventFactory(title="Längst vorbei", slug="vorbei", starts_on=day(-3))
    response = visitor.get("/termine/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Termine und Veranstaltungen</h1>" in text
    assert text.index("/termine/fachtagung/") < text.index("/termine/treffen/")
    assert text.index("/termine/treffen/") < text.index("/termine/siba/")
    assert '<strong class="countdown">in 3 Tagen</strong>' in text
    assert '<strong class="countdown">morgen</strong>' in text
    assert f'<strong class="countdown">läuft noch bis {day(2):%d.%m.}</strong>' in text
    assert "/termine/vorbei/" not in text


def test_intern_events_are_for_members_and_staff_only(visitor, intern_events):
    lists = visitor.get("/termine/").text + visitor.get("/termine/archiv/").text
    detail = visitor.get("/termine/vorstand/")
    ics = visitor.get("/termine/vorstand/kalender.ics")
    past_detail = visitor.get("/termine/gladbeck/")
    if visitor.anonymous:
        assert "Sitzung des Vorstands" not in lists and "Austausch mit Gladbeck" not in lists
        assert detail.status_code == ics.status_code == past_detail.status_code == 404
        assert "Diese Seite gibt es nicht" in detail.text
    else:
        assert "Sitzung des Vorstands" in lists and "Austausch mit Gladbeck" in lists
        assert detail.status_code == ics.status_code == past_detail.status_code == 200
        assert "Interner Termin" in detail.text


def test_user_of_a_member_that_left_sees_no_intern_events(
    client, former_member_user, intern_events
):
    client.force_login(former_member_user)
    assert "Sitzung des Vorstands" not in client.get("/termine/").text
    assert "Austausch mit Gladbeck" not in client.get("/termine/archiv/").text
    assert client.get("/termine/vorstand/").status_code == 404
    assert client.get("/termine/vorstand/kalender.ics").status_code == 404


def test_members_events_are_listed_publicly_but_marked(client):
    EventFactory(
        title="DEFUS-Austausch: Istanbul-Konvention",
        slug="istanbul",
        audience=Event.Audience.MEMBERS,
    )
    assert "DEFUS-Austausch: Istanbul-Konvention" in client.get("/termine/").text
    text = client.get("/termine/istanbul/").text
    assert "Teilnehmen können nur Vertreterinnen und Vertreter der Mitgliedsstädte" in text
    assert client.get("/termine/istanbul/kalender.ics").status_code == 200


def test_list_filters_by_kind_series_audience_and_place(client):
    siba = SeriesFactory(name="SiBa", slug="siba")
    EventFactory(title="Webinar online", slug="w", kind=Event.Kind.WEBINAR, series=siba)
    EventFactory(title="Workshop in Frankfurt", slug="f", kind=Event.Kind.WORKSHOP, online=False, city="Frankfurt am Main", series=siba)  # fmt: skip
    EventFactory(title="Austausch für Mitglieder", slug="m", audience=Event.Audience.MEMBERS)

    def titles(**query):
        text = client.get("/termine/", query).text
        found = {"Webinar online", "Workshop in Frankfurt", "Austausch für Mitglieder"}
        return {title for title in found if title in text}

    assert titles(kind="webinar") == {"Webinar online"}
    assert titles(series="siba") == {"Webinar online", "Workshop in Frankfurt"}
    assert titles(audience="mitglieder") == {"Austausch für Mitglieder"}
    assert titles(place="vor-ort") == {"Workshop in Frankfurt"}
    assert titles(place="online", series="siba") == {"Webinar online"}
    assert titles(kind="seminar") == set()


def test_audience_filter_offers_intern_only_to_those_who_may_see_it(visitor):
    text = visitor.get("/termine/").text
    assert ('<option value="intern"' in text) is (not visitor.anonymous)


def test_anonymous_filtering_for_intern_events_finds_nothing(client, intern_events):
    response = client.get("/termine/", {"audience": "intern"})
    assert response.status_code == 200
    assert "Sitzung des Vorstands" not in response.text


@pytest.mark.parametrize("url", ["/termine/", "/termine/archiv/"])
@pytest.mark.parametrize(
    "query",
    [
        {"kind": "party"},
        {"series": "gibt-es-nicht"},
        {"audience": "<script>"},
        {"place": "mond"},
        {"year": "abc"},
        {"year": "1999"},
        {"year": "9" * 40},
        {"kind": "x" * 500},
    ],
)
def test_unknown_filter_values_give_no_error(client, url, query):
    EventFactory(starts_on=day(3))
    EventFactory(starts_on=day(-3))
    response = client.get(url, query)
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main", 1)[1]


@pytest.mark.parametrize("url", ["/termine/", "/termine/archiv/"])
@pytest.mark.parametrize("page", ["999", "abc", "0", "-1", "1.5", "9" * 40])
def test_page_numbers_out_of_range_show_a_page(client, url, page):
    EventFactory.create_batch(60, starts_on=day(3))
    EventFactory.create_batch(60, starts_on=day(-3))
    response = client.get(url, {"page": page})
    assert response.status_code == 200
    assert "Seite " in response.text


def test_page_past_the_end_shows_the_last_page(client):
    EventFactory.create_batch(25, starts_on=day(3))
    text = client.get("/termine/", {"page": "999"}).text
    assert "Seite 2 von 2" in text
    assert text.count('class="event-item"') == 5


def test_pagination_keeps_the_filter(client):
    EventFactory.create_batch(25, kind=Event.Kind.WEBINAR)
    text = client.get("/termine/", {"kind": "webinar"}).text
    assert 'href="?kind=webinar&amp;page=2"' in text


def test_archive_groups_past_events_by_year_with_participant_counts(visitor):
    EventFactory(title="SiBa-Webinar: Sichere Bahnhöfe für Alle", starts_on=datetime.date(2024, 2, 21), participant_count=54)  # fmt: skip
    EventFactory(title="SiBa Workshop 2025", starts_on=datetime.date(2025, 3, 13), ends_on=datetime.date(2025, 3, 14))  # fmt: skip
    EventFactory(title="Noch nicht", starts_on=day(3))
    text = visitor.get("/termine/archiv/").text
    assert text.index('<h2 id="jahr-2025">2025</h2>') < text.index("SiBa Workshop 2025")
    assert text.index("SiBa Workshop 2025") < text.index('<h2 id="jahr-2024">2024</h2>')
    assert text.index('<h2 id="jahr-2024">2024</h2>') < text.index("Sichere Bahnhöfe für Alle")
    assert "54 Teilnehmende" in text
    assert "13.03.2025 – 14.03.2025" in text
    assert "Noch nicht" not in text


def test_archive_filters_by_year(client):
    EventFactory(title="Webinar 2024", starts_on=datetime.date(2024, 2, 21))
    EventFactory(title="Workshop 2025", starts_on=datetime.date(2025, 3, 13))
    text = client.get("/termine/archiv/", {"year": "2024"}).text
    assert "Webinar 2024" in text and "Workshop 2025" not in text
    assert '<option value="2025">2025</option>' in text


def test_archive_offers_no_year_that_only_intern_events_have(client):
    EventFactory(audience=Event.Audience.INTERNAL, starts_on=datetime.date(2019, 5, 1))
    EventFactory(starts_on=datetime.date(2024, 5, 1))
    text = client.get("/termine/archiv/").text
    assert '<option value="2024">' in text and '<option value="2019">' not in text


def test_detail_shows_the_event(visitor):
    host = MemberFactory(
        name="Gelsenkirchen", designation="Stadt Gelsenkirchen", slug="gelsenkirchen"
    )
    EventFactory(
        title="DEFUS-Mitgliederversammlung",
        slug="27-mitgliederversammlung",
        kind=Event.Kind.GENERAL_ASSEMBLY,
        assembly_number=27,
        starts_on=datetime.date(2024, 9, 19),
        ends_on=datetime.date(2024, 9, 20),
        online=False,
        city="Gelsenkirchen",
        host=host,
        audience=Event.Audience.MEMBERS,
        participant_count=31,
        agenda="<ol><li>Wahl des Vorstands</li></ol>",
    )
    text = visitor.get("/termine/27-mitgliederversammlung/").text
    assert "<h1>27. DEFUS-Mitgliederversammlung</h1>" in text
    assert "19.09.2024 – 20.09.2024" in text
    assert '<a href="/mitglieder/gelsenkirchen/">Stadt Gelsenkirchen</a>' in text
    assert "<li>Wahl des Vorstands</li>" in text
    assert "31 Teilnehmende" in text
    assert "In den Kalender" not in text  # the assembly is over


def test_detail_offers_registration_only_before_the_event(client):
    EventFactory(slug="offen", registration_url="https://anmeldung.example/siba")
    EventFactory(slug="voll", registration_closed_note="Ausgebucht. Warteliste: team@defus.de")
    EventFactory(slug="vorbei", starts_on=day(-1), registration_url="https://anmeldung.example/alt")
    assert (
        'href="https://anmeldung.example/siba">Zur Anmeldung</a>'
        in client.get("/termine/offen/").text
    )
    text = client.get("/termine/voll/").text
    assert "Ausgebucht. Warteliste:" in text and 'href="mailto:team@defus.de"' in text
    assert "Zur Anmeldung" not in client.get("/termine/vorbei/").text


def json_ld(text: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


def test_detail_carries_schema_org_event_data(client):
    EventFactory(
        title="PanReflex Webinar",
        slug="panreflex",
        kind=Event.Kind.WEBINAR,
        starts_on=datetime.date(2025, 1, 22),
        starts_at_time=datetime.time(14),
        ends_at_time=datetime.time(15),
        online=True,
        description="<p>Psychosoziales Lagebild &amp; mehr</p>",
    )
    EventFactory(
        title="Fachtagung Doing Crisis",
        slug="doing-crisis",
        starts_on=datetime.date(2024, 11, 21),
        online=False,
        venue="Altes Rathaus",
        city="Hannover",
    )
    data = json_ld(client.get("/termine/panreflex/").text)
    assert data["@type"] == "Event"
    assert data["name"] == "PanReflex Webinar"
    assert data["startDate"] == "2025-01-22T14:00:00+01:00"
    assert data["endDate"] == "2025-01-22T15:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["description"] == "Psychosoziales Lagebild & mehr"
    data = json_ld(client.get("/termine/doing-crisis/").text)
    assert data["startDate"] == data["endDate"] == "2024-11-21"
    assert data["location"]["address"]["addressLocality"] == "Hannover"


def test_schema_org_data_cannot_break_out_of_its_script_element(client):
    EventFactory(slug="boese", title="</script><script>alert(1)</script>")
    text = client.get("/termine/boese/").text
    head = text.split("</head>")[0]
    assert "<script>alert(1)" not in head
    assert "\\u003C/script\\u003E" in head
    assert json_ld(text)["name"] == "</script><script>alert(1)</script>"


def test_unknown_event_gives_a_german_404(client):
    for url in ["/termine/atlantis/", "/termine/atlantis/kalender.ics"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "Diese Seite gibt es nicht" in response.text


def test_navigation_links_to_the_events(client):
    text = client.get("/termine/").text
    assert '<a href="/termine/" aria-current="page">Termine</a>' in text


def test_list_stays_within_its_query_budget(visitor, django_assert_max_num_queries):
    series = SeriesFactory()
    EventFactory.create_batch(250, series=series)
    EventFactory.create_batch(250, audience=Event.Audience.INTERNAL, series=series)
    with django_assert_max_num_queries(8):
        response = visitor.get("/termine/")
    assert response.text.count('class="event-item"') == 20


def test_archive_stays_within_its_query_budget(visitor, django_assert_max_num_queries):
    series = SeriesFactory()
    EventFactory.create_batch(250, series=series, starts_on=day(-30), participant_count=12)
    EventFactory.create_batch(250, starts_on=datetime.date(2024, 6, 1), audience=Event.Audience.INTERNAL)  # fmt: skip
    with django_assert_max_num_queries(8):
        response = visitor.get("/termine/archiv/")
    assert response.text.count('class="event-item"') == 50


def test_detail_stays_within_its_query_budget(visitor, django_assert_max_num_queries):
    EventFactory.create_batch(499)
    EventFactory(slug="mit-allem", series=SeriesFactory(), host=MemberFactory())
    with django_assert_max_num_queries(8):
        response = visitor.get("/termine/mit-allem/")
    assert response.status_code == 200
