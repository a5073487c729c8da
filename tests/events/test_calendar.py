import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_feed_parses_and_carries_the_berlin_time_zone(visitor):
    EventFactory(title="Webinar", starts_on=day(10), starts_at_time=datetime.time(14), ends_at_time=datetime.time(15))  # fmt: skip
    calendar = parse(visitor.get("/termine/kalender.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Berlin"]
    assert {sub.name for sub in timezones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_timed_events_are_in_berlin_time(client):
    EventFactory(
        title="PanReflex Webinar",
        starts_on=day(10),
        starts_at_time=datetime.time(14),
        ends_at_time=datetime.time(15),
    )
    event = vevents(parse(client.get("/termine/kalender.ics")))["PanReflex Webinar"]
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime.combine(day(10), datetime.time(14), tzinfo=BERLIN)
    assert end - start == datetime.timedelta(hours=1)
    assert str(start.tzinfo) == "Europe/Berlin"


def test_events_without_times_are_whole_days_with_an_exclusive_end(client):
    EventFactory(title="SiBa Workshop", starts_on=day(10), ends_on=day(11), online=False, city="Frankfurt am Main")  # fmt: skip
    EventFactory(title="Fachtagung", starts_on=day(20))
    events = vevents(parse(client.get("/termine/kalender.ics")))
    workshop = events["SiBa Workshop"]
    assert workshop["DTSTART"].params.get("VALUE") == "DATE"
    assert workshop.decoded("DTSTART") == day(10)
    assert workshop.decoded("DTEND") == day(12)
    assert type(workshop.decoded("DTEND")) is datetime.date
    assert str(workshop["LOCATION"]) == "Frankfurt am Main"
    assert events["Fachtagung"].decoded("DTSTART") == day(20)
    assert events["Fachtagung"].decoded("DTEND") == day(21)


def test_feed_has_public_and_members_events_but_never_intern_ones(visitor):
    EventFactory(title="Öffentlich", audience=Event.Audience.PUBLIC)
    EventFactory(title="Für Mitglieder", audience=Event.Audience.MEMBERS)
    EventFactory(title="Intern", audience=Event.Audience.INTERNAL)
    response = visitor.get("/termine/kalender.ics")
    events = vevents(parse(response))
    assert set(events) == {"Öffentlich", "Für Mitglieder"}
    assert "Teilnahme nur für DEFUS-Mitglieder" in str(events["Für Mitglieder"]["DESCRIPTION"])
    assert b"Intern" not in response.content


def test_feed_keeps_a_year_of_past_events(client):
    EventFactory(title="Vor einem halben Jahr", starts_on=day(-180))
    EventFactory(title="Vor zwei Jahren", starts_on=day(-730))
    assert set(vevents(parse(client.get("/termine/kalender.ics")))) == {"Vor einem halben Jahr"}


def test_every_event_has_a_stable_uid_and_a_link(client):
    event = EventFactory(title="Webinar", slug="webinar")
    first = vevents(parse(client.get("/termine/kalender.ics")))["Webinar"]
    again = vevents(parse(client.get("/termine/webinar/kalender.ics")))["Webinar"]
    assert str(first["UID"]) == str(again["UID"]) == f"termin-{event.pk}@defus.de"
    assert str(first["URL"]).endswith("/termine/webinar/")
    assert first["DTSTAMP"]


def test_single_event_download_holds_that_event(visitor):
    EventFactory(title="SiBa Workshop", slug="siba-workshop")
    EventFactory(title="Anderer Termin")
    response = visitor.get("/termine/siba-workshop/kalender.ics")
    assert response["Content-Disposition"] == 'attachment; filename="siba-workshop.ics"'
    calendar = parse(response)
    assert list(vevents(calendar)) == ["SiBa Workshop"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_feed_stays_within_its_query_budget(client, django_assert_max_num_queries):
    EventFactory.create_batch(500)
    with django_assert_max_num_queries(3):
        response = client.get("/termine/kalender.ics")
    assert len(parse(response).walk("VEVENT")) == 500
