"""Demo registrations: portal registration for three upcoming events, one of them full with a
waiting list, as the SiBa workshop of 2024 was (seed 004: "Anmeldungen sind aktuell nicht mehr
möglich, da der Workshop ausgebucht ist … wir setzen Sie auf die Warteliste").

Kept apart from demo/events.py so that it merges with the move of the demo to data files;
load() runs after the events and members are loaded.
"""

import datetime

from django.utils import timezone

from events.models import Event, Series
from members.models import Member, User
from registrations.models import Question, Registration

# Name, organisation: people from member cities and partners, as they register.
PEOPLE = [
    ("Jana Schröder", "Stadt Essen"),
    ("Thomas Berger", "Landeshauptstadt Hannover"),
    ("Ayşe Demir", "Stadt Köln"),
    ("Michael Hoffmann", "Stadt Augsburg"),
    ("Claudia Wagner", "Stadt Heidelberg"),
    ("Stefan Krüger", "Stadt Gelsenkirchen"),
    ("Sabine Neumann", "Stadt Mannheim"),
    ("Markus Schulz", "Stadt Nürnberg"),
    ("Katrin Lehmann", "Stadt Freiburg im Breisgau"),
    ("Ömer Yılmaz", "Stadt Frankfurt am Main"),
    ("Birgit Hartmann", "Stadt Leipzig"),
    ("Andreas Fischer", "Landeshauptstadt München"),
    ("Nicole Braun", "Landeshauptstadt Düsseldorf"),
    ("Jörg Zimmermann", "Stadt Dortmund"),
    ("Petra Koch", "Landeshauptstadt Kiel"),
    ("Daniel Richter", "Bundespolizeidirektion Hannover"),
    ("Martina Klein", "Deutsche Bahn AG, Konzernsicherheit"),
    ("Frank Wolf", "Universität Wuppertal"),
    ("Laura Schäfer", "Universität Tübingen"),
    ("Christian Bauer", "Stadt Bremen"),
    ("Anja Schmitt", "Landeshauptstadt Wiesbaden"),
    ("Sven Meyer", "Stadt Oldenburg"),
    ("Julia Weber", "Stadt Bielefeld"),
    ("Tobias Lange", "Polizeipräsidium Dortmund"),
    ("Melanie Krause", "Stadt Essen"),
]


def _email(name: str) -> str:
    first, last = name.lower().split(" ", 1)
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ş": "s", "ı": "i"})
    return f"{first}.{last}".translate(table).replace(" ", "-") + "@teilnahme.example"


def _weekday(today: datetime.date, days: int) -> datetime.date:
    day = today + datetime.timedelta(days=days)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _register(event: Event, people, status: str, start: datetime.datetime | None) -> None:
    """Register ``people`` in line, five hours apart from ``start`` (None: not confirmed)."""
    for offset, (name, organisation) in enumerate(people):
        Registration.objects.update_or_create(
            event=event,
            email=_email(name),
            defaults={
                "name": name,
                "organisation": organisation,
                "status": status,
                "queued_at": start and start + datetime.timedelta(hours=offset * 5),
            },
        )


def load(today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    # Fixed times relative to today, so that loading the demo again changes nothing.
    weeks_ago = datetime.datetime.combine(
        today - datetime.timedelta(days=21),
        datetime.time(9),
        tzinfo=timezone.get_current_timezone(),
    )

    # The members' exchange: members only, one click for the demo member.
    exchange = Event.objects.filter(slug="defus-austausch-messergewalt").first()
    if exchange is not None:
        exchange.registration_mode = Event.RegistrationMode.PORTAL
        exchange.capacity = 30
        exchange.online_link = "https://konferenz.defus.example/austausch-messergewalt"
        exchange.save()
        _register(exchange, PEOPLE[:9], Registration.Status.REGISTERED, weeks_ago)
        member = User.objects.filter(email="mitglied@defus.example").first()
        if member is not None:
            Registration.objects.filter(event=exchange, email=member.email).delete()

    # The public webinar: anyone registers, with a confirmed e-mail address.
    webinar = Event.objects.filter(slug="siba-webinar-naechstes").first()
    if webinar is not None:
        webinar.registration_mode = Event.RegistrationMode.PORTAL
        webinar.registration_audience = Event.RegistrationAudience.ANYONE
        webinar.capacity = 100
        webinar.online_link = "https://konferenz.defus.example/siba-webinar"
        webinar.save()
        _register(webinar, PEOPLE[5:23], Registration.Status.REGISTERED, weeks_ago)
        _register(webinar, PEOPLE[23:], Registration.Status.UNCONFIRMED, None)

    # The workshop: 20 seats, full, four on the waiting list.
    day = _weekday(today, 45)
    workshop, _ = Event.objects.update_or_create(
        slug="siba-workshop-bahnhofsviertel",
        defaults={
            "title": "SiBa-Workshop: Ordnung und Aufenthaltsqualität im Bahnhofsviertel",
            "kind": Event.Kind.WORKSHOP,
            "series": Series.objects.filter(slug="siba").first(),
            "starts_on": day,
            "starts_at_time": datetime.time(10),
            "ends_at_time": datetime.time(16),
            "venue": "Hans-Sachs-Haus",
            "city": "Gelsenkirchen",
            "host": Member.objects.filter(slug="gelsenkirchen").first(),
            "organiser_role": Event.OrganiserRole.CO_ORGANISER,
            "partners": "Universität Tübingen, Universität Wuppertal",
            "description": (
                "<p>Ein Präsenz-Workshop der Community of Practice „Sicherheit im "
                "Bahnhofsviertel“: Wie arbeiten Ordnungsamt, Polizei, Bahn und soziale Träger im "
                "Bahnhofsumfeld zusammen? Mit einem Rundgang durch das Gelsenkirchener "
                "Bahnhofsviertel.</p>"
            ),
            "registration_mode": Event.RegistrationMode.PORTAL,
            "registration_audience": Event.RegistrationAudience.ANYONE,
            "capacity": 20,
        },
    )
    for position, (label, kind, options) in enumerate(
        [
            ("Ernährungswünsche", Question.Kind.TEXT, ""),
            ("Teilnahme am Rundgang", Question.Kind.CHOICE, "ja\nnein"),
        ]
    ):
        Question.objects.update_or_create(
            event=workshop,
            label=label,
            defaults={"kind": kind, "options": options, "position": position},
        )
    _register(workshop, PEOPLE[:20], Registration.Status.REGISTERED, weeks_ago)
    _register(
        workshop,
        PEOPLE[20:24],
        Registration.Status.WAITING,
        weeks_ago + datetime.timedelta(days=10),
    )
