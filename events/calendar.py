"""iCalendar export of events, for one event and for the public feed."""

import datetime
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

from events.models import Event

TZID = settings.TIME_ZONE


def calendar_build(events: Iterable[Event], *, name: str) -> bytes:
    """An iCalendar file with a Europe/Berlin VTIMEZONE and one VEVENT per event.

    Whole-day events get DATE values and an exclusive DTEND (the day after the last day), as
    RFC 5545 asks and common calendars expect.
    """
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//DEFUS//Termine//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    years = [event.starts_on.year for event in events] or [timezone.localdate().year]
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            TZID,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    )
    for event in events:
        calendar.add_component(_vevent(event))
    return calendar.to_ical()


def _vevent(event: Event) -> icalendar.Event:
    url = settings.SITE_URL + event.get_absolute_url()
    vevent = icalendar.Event()
    vevent.add("uid", f"termin-{event.pk}@defus.de")
    vevent.add("dtstamp", event.updated_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("summary", event.display_title)
    vevent.add("dtstart", event.starts_at())
    if end := event.ends_at():
        vevent.add("dtend", end)
    if location := str(event.place_display):
        vevent.add("location", location)
    notes = [event.description_text]
    if event.audience == Event.Audience.MEMBERS:
        notes.append("Teilnahme nur für DEFUS-Mitglieder.")
    notes.append(url)
    vevent.add("description", "\n\n".join(note for note in notes if note))
    vevent.add("url", url)
    vevent.add("categories", [str(event.get_kind_display())])
    vevent.add("class", "PUBLIC")
    vevent.add("status", "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if event.is_whole_day else "OPAQUE")
    return vevent
