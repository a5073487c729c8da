import datetime
from html import unescape

from django.conf import settings
from django.db import models
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access, has_office_access
from core.addresses import slug_address
from core.choices import choice_display
from core.fields import RichTextField, search_indexes, search_vector, search_vector_field
from core.querysets import count_per_row

EVENT_SEARCH_VECTOR = search_vector(
    title=("title",), text=("description", "venue", "city", "partners")
)


class Series(models.Model):
    """A recurring format: "SiBa", "PanReflex Webinarreihe", …"""

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzadresse"), unique=True)
    description = models.TextField(_("Kurzbeschreibung"), blank=True)

    class Meta:
        verbose_name = _("Reihe")
        verbose_name_plural = _("Reihen")
        ordering = ["name"]

    def __str__(self):
        return self.name


# The statuses of a registration (registrations.Registration.Status) that hold a seat.
SEATED_STATUSES = ["angemeldet", "teilgenommen"]


class EventQuerySet(models.QuerySet):
    def published(self):
        """Not drafts: the office has released them."""
        return self.filter(status=Event.Status.PUBLISHED)

    def public(self):
        """Listed for everyone: released öffentlich and Mitglieder events, never intern
        ones and never drafts."""
        return self.published().exclude(audience=Event.Audience.INTERNAL)

    def visible_to(self, user):
        return self.published() if has_member_access(user) else self.public()

    def previewable_by(self, user):
        """Every event, drafts included, for office staff who may view events in the
        admin; none for anyone else."""
        if has_office_access(user) and user.has_perm("events.view_event"):
            return self.all()
        return self.none()

    def for_members(self):
        """Member and intern dates, not the ones open to everyone."""
        return self.exclude(audience=Event.Audience.PUBLIC)

    def ending_on_or_after(self, date: datetime.date):
        return self.filter(Q(ends_on__gte=date) | Q(ends_on__isnull=True, starts_on__gte=date))

    def upcoming(self, today: datetime.date | None = None):
        """Events still to come or still running on ``today``, soonest first."""
        today = today or timezone.localdate()
        return self.ending_on_or_after(today).order_by("starts_on", "starts_at_time", "title")

    def past(self, today: datetime.date | None = None):
        """Events that were over before ``today``, newest first."""
        today = today or timezone.localdate()
        return self.filter(
            Q(ends_on__lt=today) | Q(ends_on__isnull=True, starts_on__lt=today)
        ).order_by("-starts_on", "-starts_at_time", "title")

    def with_seats(self):
        """Annotate ``seats_taken`` (angemeldet or teilgenommen), so lists show free seats in
        one query; the registrations live in the registrations app (reverse relation)."""
        return self.annotate(seats_taken=_registrations_count(status__in=SEATED_STATUSES))

    def with_participants(self):
        """Annotate ``attended_count``: the participants whose attendance was ticked."""
        return self.annotate(attended_count=_registrations_count(status="teilgenommen"))

    def general_assemblies(self):
        return self.filter(kind=Event.Kind.GENERAL_ASSEMBLY).order_by("-assembly_number")


def _registrations_count(**conditions):
    """The registrations of each event with ``conditions``; they live in the registrations
    app (reverse relation)."""
    registration = Event._meta.get_field("registrations").related_model
    return count_per_row(registration._base_manager.filter(**conditions), "event")


def next_scheduled_change(now: datetime.datetime) -> datetime.datetime | None:
    """When time alone next changes an event's page: a registration window opens or closes,
    or an event with a start time begins (the registration closes then). Whole days turn
    over at midnight, which core.freshness adds itself (for the page cache)."""
    events = Event.objects.published()
    moments = events.aggregate(
        opens=Min("registration_opens_at", filter=Q(registration_opens_at__gt=now)),
        closes=Min("registration_closes_at", filter=Q(registration_closes_at__gt=now)),
    )
    today = timezone.localdate(now)
    starting = events.filter(starts_on__in=[today, today + datetime.timedelta(days=1)])
    starts = (
        event.starts_at()
        for event in starting.exclude(starts_at_time=None).only("starts_on", "starts_at_time")
    )
    return min(
        (moment for moment in [*moments.values(), *starts] if moment and moment > now),
        default=None,
    )


class Event(models.Model):
    class Kind(models.TextChoices):
        EVENT = "veranstaltung", _("Veranstaltung")
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        SEMINAR = "seminar", _("Seminar")
        SYMPOSIUM = "fachtagung", _("Fachtagung")
        EXCHANGE = "austausch", _("Austausch")
        STUDY_TRIP = "studienreise", _("Studienreise")
        TRAINING = "schulung", _("Training/Schulung")
        CONFERENCE = "konferenz", _("Konferenz")
        PROJECT_MEETING = "projekttreffen", _("Projekttreffen")
        GENERAL_ASSEMBLY = "mitgliederversammlung", _("Mitgliederversammlung")

    class Audience(models.TextChoices):
        PUBLIC = "oeffentlich", _("öffentlich")
        MEMBERS = "mitglieder", _("Mitglieder")
        INTERNAL = "intern", _("intern")

    class Status(models.TextChoices):
        DRAFT = "entwurf", _("Entwurf")
        PUBLISHED = "veroeffentlicht", _("Veröffentlicht")

    class OrganiserRole(models.TextChoices):
        ORGANISER = "organisiert", _("DEFUS organisiert")
        CO_ORGANISER = "mit-partnern", _("DEFUS mit Partnern")
        PARTICIPANT = "nimmt-teil", _("DEFUS nimmt teil")

    class RegistrationMode(models.TextChoices):
        NONE = "keine", _("keine Anmeldung")
        PORTAL = "portal", _("Anmeldung auf dem Portal")
        EXTERNAL = "extern", _("externer Link")

    class RegistrationAudience(models.TextChoices):
        MEMBERS = "mitglieder", _("nur Mitglieder")
        ANYONE = "alle", _("alle")

    title = models.CharField(_("Titel"), max_length=250)
    slug = models.SlugField(_("Kurzadresse"), max_length=120, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind, default=Kind.EVENT)
    get_kind_display = choice_display("kind", Kind)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=Status,
        default=Status.PUBLISHED,
        help_text=_("Ein Entwurf erscheint nirgends auf der Website, nur in der Vorschau."),
    )
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Reihe"),
    )
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(
        _("Ende"), null=True, blank=True, help_text=_("Nur bei mehrtägigen Terminen.")
    )
    starts_at_time = models.TimeField(
        _("Uhrzeit Beginn"), null=True, blank=True, help_text=_("Leer = ganztägig.")
    )
    ends_at_time = models.TimeField(_("Uhrzeit Ende"), null=True, blank=True)
    online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(
        _("Veranstaltungsort"), max_length=200, blank=True, help_text=_("z. B. „Rathaus“.")
    )
    city = models.CharField(_("Stadt"), max_length=120, blank=True)
    organiser_role = models.CharField(
        _("Rolle von DEFUS"), max_length=20, choices=OrganiserRole, default=OrganiserRole.ORGANISER
    )
    partners = models.CharField(
        _("Partner"),
        max_length=250,
        blank=True,
        help_text=_("Mitveranstalter oder Veranstalter, z. B. „Difu“ oder „Efus“."),
    )
    host = models.ForeignKey(
        "members.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("gastgebendes Mitglied"),
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Projekt"),
    )
    description = RichTextField(_("Beschreibung"), blank=True)
    audience = models.CharField(
        _("Zielgruppe"),
        max_length=20,
        choices=Audience,
        default=Audience.PUBLIC,
        help_text=_(
            "Mitglieder: öffentlich angekündigt, aber nur Mitglieder nehmen teil. "
            "Intern: nur für angemeldete Mitglieder sichtbar."
        ),
    )
    registration_mode = models.CharField(
        _("Anmeldung"),
        max_length=10,
        choices=RegistrationMode,
        default=RegistrationMode.NONE,
        help_text=_("Auf dem Portal: mit Platzzahl, Warteliste und Bestätigung per E-Mail."),
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer = unbegrenzt.")
    )
    registration_opens_at = models.DateTimeField(
        _("Anmeldung ab"), null=True, blank=True, help_text=_("Leer = sofort.")
    )
    registration_closes_at = models.DateTimeField(
        _("Anmeldung bis"), null=True, blank=True, help_text=_("Leer = bis zum Beginn.")
    )
    registration_audience = models.CharField(
        _("Wer darf sich anmelden?"),
        max_length=10,
        choices=RegistrationAudience,
        default=RegistrationAudience.ANYONE,
        help_text=_("Bei Terminen für Mitglieder oder intern gilt immer: nur Mitglieder."),
    )
    online_link = models.URLField(
        _("Zugangslink (online)"),
        blank=True,
        help_text=_(
            "Link zur Videokonferenz. Nur Angemeldete erhalten und sehen ihn; "
            "er steht nie auf einer öffentlichen Seite."
        ),
    )
    registration_url = models.URLField(
        _("Link zur Anmeldung"), blank=True, help_text=_("Ein externes Anmeldeformular.")
    )
    registration_closed_note = models.TextField(
        _("Hinweis: keine Anmeldung mehr"),
        blank=True,
        help_text=_("z. B. „Ausgebucht. Warteliste per E-Mail an team@defus.de.“"),
    )
    participant_count = models.PositiveIntegerField(
        _("Teilnehmende"),
        null=True,
        blank=True,
        help_text=_(
            "Nach dem Termin eintragen, wenn die Anmeldung nicht über das Portal lief. Wo "
            "Anwesenheit angekreuzt wurde, zählt das Portal selbst."
        ),
    )
    assembly_number = models.PositiveSmallIntegerField(
        _("Nummer der Mitgliederversammlung"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Nur bei Mitgliederversammlungen, z. B. 27."),
    )
    agenda = RichTextField(_("Tagesordnung"), blank=True)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    search_vector = search_vector_field(EVENT_SEARCH_VECTOR)
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["-starts_on", "-starts_at_time", "title"]
        indexes = [
            models.Index(fields=["starts_on", "ends_on"], name="event_dates"),
            *search_indexes("event"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_start",
                violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at_time__isnull=True) | Q(starts_at_time__isnull=False),
                name="event_end_time_needs_start_time",
                violation_error_message=_("Eine Uhrzeit für das Ende braucht eine für den Beginn."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at_time__isnull=True)
                | Q(ends_on__isnull=False, ends_on__gt=models.F("starts_on"))
                | Q(ends_at_time__gte=models.F("starts_at_time")),
                name="event_end_time_after_start_time",
                violation_error_message=_("Der Termin darf nicht enden, bevor er beginnt."),
            ),
            models.CheckConstraint(
                condition=Q(kind="mitgliederversammlung", assembly_number__isnull=False)
                | (~Q(kind="mitgliederversammlung") & Q(assembly_number__isnull=True)),
                name="event_assembly_number_iff_general_assembly",
                violation_error_message=_(
                    "Genau Mitgliederversammlungen haben eine Nummer, alle anderen Termine keine."
                ),
            ),
            models.CheckConstraint(
                condition=Q(registration_url="") | Q(registration_closed_note=""),
                name="event_registration_link_or_closed_note",
                violation_error_message=_(
                    "Entweder ein Link zur Anmeldung oder ein Hinweis, dass keine Anmeldung "
                    "mehr möglich ist – nicht beides."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=["archiv", "kalender"]),
                name="event_slug_not_reserved",
                violation_error_message=_("Diese Kurzadresse ist für eine Seite reserviert."),
            ),
        ]

    def __str__(self):
        return f"{self.display_title} ({self.starts_on:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def get_preview_url(self):
        return slug_address("events:preview", self.slug)

    @property
    def publication_state(self) -> str:
        """„Entwurf“, „veröffentlicht“ or, once the event is over, „abgelaufen“."""
        if self.status == self.Status.DRAFT:
            return str(_("Entwurf"))
        if self.is_over():
            return str(_("abgelaufen"))
        return str(_("veröffentlicht"))

    @property
    def is_internal(self) -> bool:
        return self.audience == self.Audience.INTERNAL

    @property
    def is_for_members(self) -> bool:
        return self.audience == self.Audience.MEMBERS

    @property
    def display_title(self) -> str:
        if self.assembly_number:
            return f"{self.assembly_number}. {self.title}"
        return self.title

    @property
    def last_day(self) -> datetime.date:
        return self.ends_on or self.starts_on

    @property
    def is_multi_day(self) -> bool:
        return self.last_day > self.starts_on

    @property
    def is_whole_day(self) -> bool:
        return self.starts_at_time is None

    @property
    def date_display(self) -> str:
        """ "13.03.2025 – 14.03.2025", or one date."""
        if self.is_multi_day:
            return f"{self.starts_on:%d.%m.%Y} – {self.last_day:%d.%m.%Y}"
        return f"{self.starts_on:%d.%m.%Y}"

    @property
    def time_display(self) -> str:
        """ "14:00–15:00 Uhr", "14:00 Uhr", or empty for whole-day events."""
        if self.starts_at_time is None:
            return ""
        if self.ends_at_time is None:
            return f"{self.starts_at_time:%H:%M} Uhr"
        return f"{self.starts_at_time:%H:%M}–{self.ends_at_time:%H:%M} Uhr"

    @property
    def place_display(self) -> str:
        if self.online:
            return _("online")
        return ", ".join(part for part in (self.venue, self.city) if part)

    @property
    def participants(self) -> int | None:
        """THE participant count: ticked attendance where recorded, else the typed number."""
        attended = getattr(self, "attended_count", None)
        if attended is None:
            attended = self.registrations.filter(status="teilgenommen").count()
        return attended or self.participant_count

    @property
    def participant_count_display(self) -> str:
        count = self.participants
        if count is None:
            return ""
        return _("%(count)d Teilnehmende") % {"count": count}

    # Registration -------------------------------------------------------------------------

    @property
    def registers_on_portal(self) -> bool:
        return self.registration_mode == self.RegistrationMode.PORTAL

    @property
    def registration_for_members_only(self) -> bool:
        return (
            self.audience != self.Audience.PUBLIC
            or self.registration_audience == self.RegistrationAudience.MEMBERS
        )

    def external_registration_url_for(self, user) -> str:
        """The external link, unless the event is over or only members may take part and
        ``user`` is not one of them."""
        if not self.registration_url or self.registers_on_portal or self.is_over():
            return ""
        if self.registration_for_members_only and not has_member_access(user):
            return ""
        return self.registration_url

    @property
    def seats_taken_count(self) -> int:
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.registrations.filter(status__in=SEATED_STATUSES).count()
        return taken

    @property
    def seats_left(self) -> int | None:
        """Free seats, or None without a limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken_count, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    @property
    def seats_display(self) -> str:
        """ "ausgebucht – Warteliste", "noch 3 Plätze", or empty (no portal registration)."""
        if not self.registers_on_portal or self.is_over():
            return ""
        left = self.seats_left
        if left is None:
            return ""
        if left == 0:
            return _("ausgebucht – Warteliste")
        if left == 1:
            return _("noch 1 Platz")
        return _("noch %(count)d Plätze") % {"count": left}

    def may_register(self, user) -> bool:
        """Whether ``user`` (perhaps anonymous) is allowed to register, window aside."""
        return not self.registration_for_members_only or has_member_access(user)

    def registration_open(self, now: datetime.datetime | None = None) -> bool:
        """Portal registration is possible now: within the window, and before the start."""
        now = now or timezone.now()
        if not self.registers_on_portal or self.is_over(timezone.localdate(now)):
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        closes = self.registration_closes_at
        if closes is None:
            start = self.starts_at()
            if isinstance(start, datetime.datetime):
                closes = start
            else:
                closes = datetime.datetime.combine(
                    start, datetime.time(), tzinfo=timezone.get_default_timezone()
                )
        return now < closes

    @property
    def description_text(self) -> str:
        """The description as plain text, for calendars and search engines."""
        return " ".join(unescape(strip_tags(self.description or "")).split())

    def countdown(self, today: datetime.date | None = None) -> str:
        """How far off the event is, seen on ``today`` (default: today in Europe/Berlin).

        Counting calendar days, not hours, keeps the count right across the switch to and from
        summer time. Empty for events that are over.
        """
        today = today or timezone.localdate()
        days = (self.starts_on - today).days
        if days > 1:
            return _("in %(days)d Tagen") % {"days": days}
        if days == 1:
            return _("morgen")
        if days == 0:
            return _("heute")
        if self.last_day >= today:
            return _("läuft noch bis %(date)s") % {"date": f"{self.last_day:%d.%m.}"}
        return ""

    def is_over(self, today: datetime.date | None = None) -> bool:
        return self.last_day < (today or timezone.localdate())

    def starts_at(self) -> datetime.date | datetime.datetime:
        """The start as a date (whole-day event) or an aware datetime in Europe/Berlin."""
        if self.starts_at_time is None:
            return self.starts_on
        return datetime.datetime.combine(
            self.starts_on, self.starts_at_time, tzinfo=timezone.get_default_timezone()
        )

    def ends_at(self) -> datetime.date | datetime.datetime | None:
        """The end: the exclusive next day for whole-day events, the end time, or None."""
        if self.starts_at_time is None:
            return self.last_day + datetime.timedelta(days=1)
        if self.ends_at_time is None:
            return None
        return datetime.datetime.combine(
            self.last_day, self.ends_at_time, tzinfo=timezone.get_default_timezone()
        )

    def schema_org(self) -> dict:
        """schema.org Event data for search engines (JSON-LD)."""
        url = settings.SITE_URL + self.get_absolute_url()
        start = self.starts_at()
        end = self.ends_at() if self.starts_at_time else self.last_day
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.display_title,
            "url": url,
            "startDate": start.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": {
                "@type": "Organization",
                "name": "Deutsch-Europäisches Forum für Urbane Sicherheit e.V. (DEFUS)",
                "url": settings.SITE_URL + "/",
            },
        }
        if end:
            data["endDate"] = end.isoformat()
        if self.description_text:
            data["description"] = self.description_text
        if self.online:
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            data["location"] = {
                "@type": "VirtualLocation",
                "url": self.external_registration_url_for(None) or url,
            }
        elif self.city or self.venue:
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            data["location"] = {
                "@type": "Place",
                "name": self.venue or self.city,
                "address": {"@type": "PostalAddress", "addressLocality": self.city or self.venue},
            }
        return data
