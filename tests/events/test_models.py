import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event
from events.sitemaps import EventSitemap
from tests.factories import EventFactory

D = datetime.date


def event(**fields) -> Event:
    """An unsaved event: the countdown and the display need no database."""
    return Event(title="Termin", slug="termin", **fields)


@pytest.mark.parametrize(
    ("seen_on", "starts_on", "countdown"),
    [
        # The seeds' own pairs: the home page seen on 06.04.2025 (000) and on 17.12.2025 (001).
        (D(2025, 4, 6), D(2025, 4, 9), "in 3 Tagen"),
        (D(2025, 4, 6), D(2025, 9, 16), "in 163 Tagen"),
        (D(2025, 12, 17), D(2026, 1, 15), "in 29 Tagen"),
        (D(2025, 12, 17), D(2026, 6, 15), "in 180 Tagen"),
        (D(2025, 4, 6), D(2025, 5, 8), "in 32 Tagen"),
        (D(2025, 4, 6), D(2025, 5, 15), "in 39 Tagen"),
        (D(2025, 12, 17), D(2026, 4, 13), "in 117 Tagen"),
    ],
)
def test_countdown_matches_the_seeds(seen_on, starts_on, countdown):
    assert event(starts_on=starts_on).countdown(seen_on) == countdown


def test_countdown_says_today_and_tomorrow():
    assert event(starts_on=D(2025, 4, 9)).countdown(D(2025, 4, 9)) == "heute"
    assert event(starts_on=D(2025, 4, 9)).countdown(D(2025, 4, 8)) == "morgen"
    assert event(starts_on=D(2025, 4, 9)).countdown(D(2025, 4, 7)) == "in 2 Tagen"


def test_countdown_of_a_running_multi_day_event_says_until_when():
    workshop = event(starts_on=D(2025, 3, 13), ends_on=D(2025, 3, 14))
    assert workshop.countdown(D(2025, 3, 13)) == "heute"
    assert workshop.countdown(D(2025, 3, 14)) == "läuft noch bis 14.03."
    assert workshop.countdown(D(2025, 3, 15)) == ""


def test_countdown_of_a_past_event_is_empty():
    assert event(starts_on=D(2025, 4, 9)).countdown(D(2025, 4, 10)) == ""


@pytest.mark.parametrize(
    ("seen_on", "starts_on", "countdown"),
    [
        # Summer time starts on 30.03.2025 and ends on 26.10.2025: those days have 23 and
        # 25 hours, and a count in hours would be off by one.
        (D(2025, 3, 29), D(2025, 3, 31), "in 2 Tagen"),
        (D(2025, 3, 1), D(2025, 4, 1), "in 31 Tagen"),
        (D(2025, 10, 25), D(2025, 10, 27), "in 2 Tagen"),
        (D(2025, 10, 1), D(2025, 11, 1), "in 31 Tagen"),
    ],
)
def test_countdown_counts_calendar_days_across_the_summer_time_switch(
    seen_on, starts_on, countdown
):
    assert event(starts_on=starts_on).countdown(seen_on) == countdown


@pytest.mark.parametrize(
    ("instant", "countdown"),
    [
        # Late evening in UTC is already the next day in Berlin (UTC+1 in winter, UTC+2 in summer).
        (datetime.datetime(2025, 3, 29, 23, 30, tzinfo=datetime.UTC), "morgen"),
        (datetime.datetime(2025, 3, 29, 22, 30, tzinfo=datetime.UTC), "in 2 Tagen"),
        (datetime.datetime(2025, 10, 25, 22, 30, tzinfo=datetime.UTC), "morgen"),
        (datetime.datetime(2025, 10, 25, 21, 30, tzinfo=datetime.UTC), "in 2 Tagen"),
    ],
)
def test_today_is_the_day_in_berlin_not_in_utc(instant, countdown):
    starts_on = instant.date() + datetime.timedelta(days=2)
    assert event(starts_on=starts_on).countdown(timezone.localdate(instant)) == countdown


def test_countdown_without_a_day_counts_from_today_in_berlin():
    today = timezone.localdate()
    assert event(starts_on=today + datetime.timedelta(days=1)).countdown() == "morgen"


def test_dates_and_times_are_shown_the_german_way():
    workshop = event(starts_on=D(2025, 3, 13), ends_on=D(2025, 3, 14))
    assert workshop.date_display == "13.03.2025 – 14.03.2025"
    assert workshop.time_display == ""
    webinar = event(
        starts_on=D(2025, 1, 22), starts_at_time=datetime.time(14), ends_at_time=datetime.time(15)
    )
    assert webinar.date_display == "22.01.2025"
    assert webinar.time_display == "14:00–15:00 Uhr"
    assert event(starts_on=D(2025, 1, 22), ends_on=D(2025, 1, 22)).date_display == "22.01.2025"


def test_place_is_online_or_venue_and_city():
    assert event(starts_on=D(2025, 1, 1), online=True).place_display == "online"
    fair = event(starts_on=D(2026, 4, 13), venue="Hannover Congress Centrum", city="Hannover")
    assert fair.place_display == "Hannover Congress Centrum, Hannover"


def test_general_assembly_shows_its_number():
    assembly = event(starts_on=D(2024, 9, 19), assembly_number=27)
    assembly.title = "DEFUS-Mitgliederversammlung"
    assert assembly.display_title == "27. DEFUS-Mitgliederversammlung"


@pytest.mark.django_db
def test_upcoming_includes_events_still_running_and_past_is_the_rest():
    today = D(2025, 3, 14)
    running = EventFactory(starts_on=D(2025, 3, 13), ends_on=D(2025, 3, 14))
    today_event = EventFactory(starts_on=today)
    later = EventFactory(starts_on=D(2025, 4, 3))
    over = EventFactory(starts_on=D(2025, 3, 6))
    over_multi_day = EventFactory(starts_on=D(2025, 3, 10), ends_on=D(2025, 3, 13))
    assert list(Event.objects.upcoming(today)) == [running, today_event, later]
    assert list(Event.objects.past(today)) == [over_multi_day, over]


@pytest.mark.django_db
def test_general_assemblies_newest_first():
    EventFactory(kind=Event.Kind.GENERAL_ASSEMBLY, assembly_number=26, starts_on=D(2024, 5, 16))
    EventFactory(kind=Event.Kind.GENERAL_ASSEMBLY, assembly_number=27, starts_on=D(2024, 9, 19))
    EventFactory(kind=Event.Kind.WEBINAR)
    numbers = [e.assembly_number for e in Event.objects.general_assemblies()]
    assert numbers == [27, 26]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"starts_on": D(2025, 3, 14), "ends_on": D(2025, 3, 13)},
        {"kind": Event.Kind.GENERAL_ASSEMBLY, "assembly_number": None},
        {"kind": Event.Kind.WEBINAR, "assembly_number": 3},
        {
            "registration_url": "https://example.org/anmeldung",
            "registration_closed_note": "ausgebucht",
        },
        {"starts_at_time": None, "ends_at_time": datetime.time(15)},
        {"starts_at_time": datetime.time(15), "ends_at_time": datetime.time(14)},
        {"slug": "archiv"},
    ],
)
def test_database_refuses_inconsistent_events(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(**fields)


@pytest.mark.django_db
def test_assembly_numbers_are_unique():
    EventFactory(kind=Event.Kind.GENERAL_ASSEMBLY, assembly_number=27)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(kind=Event.Kind.GENERAL_ASSEMBLY, assembly_number=27)


@pytest.mark.django_db
def test_description_is_sanitised():
    saved = EventFactory(description='<p onclick="x()">Hallo<script>alert(1)</script></p>')
    saved.refresh_from_db()
    assert saved.description == "<p>Hallo</p>"


@pytest.mark.django_db
def test_sitemap_lists_public_and_members_events_but_no_intern_ones():
    public = EventFactory(audience=Event.Audience.PUBLIC)
    members = EventFactory(audience=Event.Audience.MEMBERS)
    EventFactory(audience=Event.Audience.INTERNAL)
    assert set(EventSitemap().items()) == {public, members}
