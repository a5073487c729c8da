"""Demo registrations from demo/data/registrations.toml: portal registration for upcoming
events, one of them full with a waiting list. Runs after the events and members are loaded."""

import datetime

from django.utils import timezone

from demo.datafiles import read, resolve_date
from events.models import Event, Series
from members.models import Member
from registrations.models import Question, Registration

EVENT_FIELDS = {
    "title", "kind", "starts_at_time", "ends_at_time", "venue", "city", "organiser_role",
    "partners", "description", "registration_audience", "capacity", "online_link",
}  # fmt: skip


def _email(name: str) -> str:
    first, last = name.lower().split(" ", 1)
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ş": "s", "ı": "i"})
    return f"{first}.{last}".translate(table).replace(" ", "-") + "@teilnahme.example"


def _register(event: Event, people, status: str, start: datetime.datetime | None) -> None:
    """Register ``people`` in line, five hours apart from ``start`` (None: not confirmed)."""
    for offset, person in enumerate(people):
        Registration.objects.update_or_create(
            event=event,
            email=_email(person["name"]),
            defaults={
                "name": person["name"],
                "organisation": person["organisation"],
                "status": status,
                "queued_at": start and start + datetime.timedelta(hours=offset * 5),
            },
        )


def load(today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    data = read("registrations")
    people = data["person"]
    # Fixed times relative to today, so that loading the demo again changes nothing.
    weeks_ago = datetime.datetime.combine(
        today - datetime.timedelta(days=21),
        datetime.time(9),
        tzinfo=timezone.get_current_timezone(),
    )
    for spec in data["event"]:
        values = {key: spec[key] for key in EVENT_FIELDS if key in spec}
        values["registration_mode"] = Event.RegistrationMode.PORTAL
        if spec.get("new"):
            values["starts_on"] = resolve_date(spec["starts_on"], today)
            values["series"] = Series.objects.filter(slug=spec["series"]).first()
            values["host"] = Member.objects.filter(slug=spec["host"]).first()
            event, _ = Event.objects.update_or_create(slug=spec["slug"], defaults=values)
        else:
            event = Event.objects.filter(slug=spec["slug"]).first()
            if event is None:
                continue
            Event.objects.filter(pk=event.pk).update(**values)
        for position, question in enumerate(spec.get("questions", [])):
            Question.objects.update_or_create(
                event=event,
                label=question["label"],
                defaults={
                    "kind": question["kind"],
                    "options": question["options"],
                    "position": position,
                },
            )
        first, last = spec["registered"]
        _register(event, people[first:last], Registration.Status.REGISTERED, weeks_ago)
        if "waiting" in spec:
            first, last = spec["waiting"]
            later = weeks_ago + datetime.timedelta(days=10)
            _register(event, people[first:last], Registration.Status.WAITING, later)
        if "unconfirmed" in spec:
            first, last = spec["unconfirmed"]
            _register(event, people[first:last], Registration.Status.UNCONFIRMED, None)
        if "not_registered" in spec:
            Registration.objects.filter(event=event, email=spec["not_registered"]).delete()
