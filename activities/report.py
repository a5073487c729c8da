"""The Jahresbericht: one year of the office's work, gathered from the records.

``annual_report(year)`` runs a fixed number of queries, however many records the year holds.
Every line carries the admin address of its record, so the office can jump from the report
to what it was written from.
"""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.models import (
    AnnualReport,
    Body,
    BodyMeeting,
    Contribution,
    EfusEvent,
    EfusProject,
    Exchange,
    FundingApplication,
    GuidelineSignature,
    Highlight,
    MediaInquiry,
    Publication,
    Section,
)
from core.querysets import count_per_row
from core.templatetags.defus import zahlwort
from events.models import Event
from inquiries.models import Answer, Inquiry
from knowledge.models import Collection, Entry
from members.models import Member, Person
from projects.models import Project
from visits.models import PageViews

MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip


def month(date: datetime.date) -> str:
    return MONTHS[date.month - 1]


def admin_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


@dataclass
class Line:
    text: str
    when: str = ""
    url: str = ""
    note: str = ""


@dataclass
class Group:
    title: str
    lines: list[Line] = field(default_factory=list)
    text: str = ""
    url: str = ""


@dataclass
class ReportSection:
    key: str
    title: str
    intro: str = ""
    sentence: str = ""
    lines: list[Line] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.intro or self.sentence or self.lines or self.groups)


@dataclass
class Report:
    year: int
    record: AnnualReport | None
    sections: list[ReportSection]

    def section(self, key: str) -> ReportSection | None:
        return next((s for s in self.sections if s.key == key), None)


def _where(event: Event) -> str:
    return str(event.place_display)


def _event_line(event: Event, *, count: bool = False) -> Line:
    title = event.display_title
    if count and event.participants is not None:
        title = f"{title} ({event.participant_count_display})"
    place = _where(event)
    when = month(event.starts_on)
    if place:
        when = f"{when}, {place}" if event.online else f"{when} in {place}"
    return Line(title, when, admin_url(event))


def _members_text(members) -> str:
    return ", ".join(str(m) for m in members)


def year_events(year: int):
    return Event.objects.filter(starts_on__year=year).with_participants().select_related("project")


def public_events(year: int):
    """Open to everyone and (co-)organised by DEFUS; project meetings and project webinars
    belong to their project, a project's Fachtagung or Seminar is public all the same."""
    return (
        year_events(year)
        .filter(audience=Event.Audience.PUBLIC)
        .exclude(organiser_role=Event.OrganiserRole.PARTICIPANT)
        .exclude(kind=Event.Kind.PROJECT_MEETING)
        .filter(
            Q(project__isnull=True)
            | Q(kind__in=[Event.Kind.SYMPOSIUM, Event.Kind.SEMINAR, Event.Kind.CONFERENCE])
        )
        .order_by("starts_on", "title")
    )


def annual_report(year: int) -> Report:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    record = (
        AnnualReport.objects.filter(year=year)
        .select_related("document")
        .prefetch_related("intros")
        .first()
    )
    intros = {intro.section: intro.text for intro in record.intros.all()} if record else {}
    sections = []

    def add(key: Section, **kwargs) -> ReportSection:
        section = ReportSection(
            key=key.value, title=str(key.label), intro=intros.get(key, ""), **kwargs
        )
        sections.append(section)
        return section

    # Netzwerk und Mitglieder: who joins during the year or on the first day of the next,
    # and the count on that day, as the home page counts.
    next_year = datetime.date(year + 1, 1, 1)
    joins = Member.objects.filter(joined_on__gt=first, joined_on__lte=next_year).order_by("name")
    leaves = Member.objects.filter(left_on__gt=first, left_on__lte=next_year).order_by("name")
    counts = Member.objects.active_on(next_year).counts()
    lines = [
        Line(str(m), _("Beitritt zum %(date)s") % {"date": f"{m.joined_on:%d.%m.%Y}"}, admin_url(m))
        for m in joins
    ]
    lines += [
        Line(str(m), _("Austritt zum %(date)s") % {"date": f"{m.left_on:%d.%m.%Y}"}, admin_url(m))
        for m in leaves
    ]
    add(
        Section.NETWORK,
        lines=lines,
        sentence=_(
            "Am %(date)s zählt DEFUS %(cities)s Mitgliedsstädte und %(organisations)s "
            "Organisationen, zusammen %(total)s Mitglieder."
        )
        % {
            "date": f"{next_year:%d.%m.%Y}",
            "cities": counts["cities"],
            "organisations": counts["organisations"],
            "total": counts["cities"] + counts["organisations"],
        },
    )

    assemblies = year_events(year).filter(kind=Event.Kind.GENERAL_ASSEMBLY).order_by("starts_on")
    add(
        Section.ASSEMBLIES,
        groups=[
            Group(
                f"{a.assembly_number}. Mitgliederversammlung: {a.date_display}, {a.place_display}",
                text=a.agenda,
                url=admin_url(a),
            )
            for a in assemblies
        ],
    )

    highlights = Highlight.objects.filter(year=year).prefetch_related(
        Prefetch("events", queryset=Event.objects.with_participants().order_by("starts_on")),
        "projects",
    )
    add(
        Section.HIGHLIGHTS,
        groups=[
            Group(
                h.title,
                text=h.text,
                url=admin_url(h),
                lines=[_event_line(e) for e in h.events.all()]
                + [Line(p.acronym, _("Projekt"), admin_url(p)) for p in h.projects.all()],
            )
            for h in highlights
        ],
    )

    inquiries = Inquiry.objects.filter(created_at__date__gte=first, created_at__date__lte=last)
    add(
        Section.INQUIRIES,
        lines=[
            Line(i.title, month(i.created_at.date()), admin_url(i))
            for i in inquiries.order_by("created_at")
        ],
    )

    member_events = year_events(year).filter(
        Q(audience=Event.Audience.MEMBERS)
        | Q(
            pk__in=AnnualReport.extra_member_events.through.objects.filter(
                annualreport__year=year
            ).values("event")
        )
    )
    add(
        Section.MEMBER_EVENTS,
        lines=[_event_line(e) for e in member_events.order_by("starts_on", "title")],
    )

    exchanges = Exchange.objects.in_year(year).order_by("held_on", "pk")
    lines = []
    for (topic, _mode), group in groupby(
        sorted(exchanges, key=lambda x: (x.topic, x.mode, x.held_on)),
        key=lambda x: (x.topic, x.mode),
    ):
        group = list(group)
        months = " & ".join(dict.fromkeys(month(x.held_on) for x in group))
        lines.append(
            (
                group[0].held_on,
                Line(f"{topic} ({group[0].get_mode_display()})", months, admin_url(group[0])),
            )
        )
    add(Section.EXCHANGES, lines=[line for _day, line in sorted(lines, key=lambda pair: pair[0])])

    new_collections = Collection.objects.filter(
        created_at__date__gte=first, created_at__date__lte=last
    )
    older = Collection.objects.filter(created_at__date__lt=first).count()
    new_collections = list(new_collections.order_by("created_at"))
    add(
        Section.COLLECTIONS,
        sentence=(
            _(
                "Zu den bereits bestehenden %(older)s Informationssammlungen sind %(new)s neue hinzugekommen."
            )
            % {"older": older, "new": len(new_collections)}
            if new_collections
            else ""
        ),
        lines=[Line(c.title, month(c.created_at.date()), admin_url(c)) for c in new_collections],
    )

    add(Section.PUBLIC_EVENTS, lines=[_event_line(e, count=True) for e in public_events(year)])

    in_bodies = Body.objects.filter(project__isnull=False).values("project")
    projects = (
        Project.objects.filter(starts_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first) | Q(extended_until__gte=first))
        .exclude(pk__in=in_bodies)
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.filter(starts_on__year=year)
                .with_participants()
                .order_by("starts_on"),
            )
        )
        .order_by("-starts_on", "title")
    )
    add(
        Section.PROJECTS,
        groups=[
            Group(
                f"{p.acronym} – {p.title}" if p.title != p.acronym else p.acronym,
                text=p.lead,
                url=admin_url(p),
                lines=[_event_line(e, count=True) for e in p.events.all()],
            )
            for p in projects
        ],
    )

    bodies = Body.objects.running_in(year).prefetch_related(
        Prefetch("meetings", queryset=BodyMeeting.objects.filter(held_on__year=year))
    )
    add(
        Section.BODIES,
        lines=[
            Line(
                f"{b.name}: {b.defus_role}" + (f" ({b.person})" if b.person else ""),
                ", ".join(
                    f"{month(m.held_on)} {m.get_mode_display() if m.mode == 'online' else m.place or m.get_mode_display()}".strip()
                    for m in b.meetings.all()
                ),
                admin_url(b),
            )
            for b in bodies
        ],
    )

    add(
        Section.CONTRIBUTIONS,
        lines=[
            Line(
                c.event_title,
                month(c.held_on) + (f" in {c.place}" if c.place else ""),
                admin_url(c),
                c.description,
            )
            for c in Contribution.objects.in_year(year).order_by("held_on")
        ],
    )

    visits = list(PageViews.objects.in_year(year).per_month().order_by("month"))
    total = sum(row["views"] for row in visits)
    add(
        Section.OUTREACH,
        sentence=_(
            "Die öffentlichen Seiten des Portals wurden %(total)s-mal aufgerufen, "
            "durchschnittlich %(average)s-mal im Monat (gezählt auf dem eigenen Server, "
            "ohne Tracker und ohne Suchmaschinen)."
        )
        % {
            "total": number_format(total, force_grouping=True),
            "average": number_format(round(total / len(visits)), force_grouping=True),
        }
        if visits
        else "",
        groups=[
            Group(
                _("Aufrufe der Webseite je Monat"),
                lines=[
                    Line(
                        month(row["month"]),
                        ngettext("%(n)s Aufruf", "%(n)s Aufrufe", row["views"])
                        % {"n": number_format(row["views"], force_grouping=True)},
                        reverse("admin:visits_pageviews_changelist")
                        + f"?month__year={year}&month__month={row['month'].month}",
                    )
                    for row in visits
                ],
            )
        ]
        if visits
        else [],
    )

    media = list(MediaInquiry.objects.in_year(year).order_by("received_on"))
    declined = sum(1 for m in media if m.is_declined)
    add(
        Section.MEDIA,
        lines=[
            Line(
                f"{m.get_outcome_display()}: {m.outlet} – {m.topic}"
                + (f" ({m.person})" if m.person else ""),
                f"{m.published_on:%d.%m.%Y}"
                if m.published_on
                else (m.publication_note or month(m.received_on)),
                admin_url(m),
            )
            for m in media
            if not m.is_declined
        ],
        sentence=ngettext(
            "Eine weitere Medienanfrage konnte nicht angenommen werden.",
            "%(n)s weitere Medienanfragen konnten nicht angenommen werden.",
            declined,
        )
        % {"n": zahlwort(declined).capitalize()}
        if declined
        else "",
    )

    add(
        Section.PUBLICATIONS,
        lines=[
            Line(
                f"{p.authors}: {p.title}",
                f"{p.get_status_display()}: {p.venue}"
                + (f" {p.issue}" if p.issue else f" {p.year}"),
                admin_url(p),
            )
            for p in Publication.objects.articles().in_year(year).order_by("dated_on")
        ],
    )

    efus_events = EfusEvent.objects.in_year(year).order_by("starts_on").prefetch_related("members")
    efus_projects = EfusProject.objects.running_in(year).prefetch_related("members")
    efus_groups = []
    if efus_events:
        efus_groups.append(
            Group(
                _("DEFUS auf Efus-Veranstaltungen"),
                lines=[
                    Line(
                        f"{e.title}"
                        + (f" ({_members_text(e.members.all())})" if e.members.all() else ""),
                        f"{e.starts_on:%d.%m.%Y}" + (f" in {e.city}" if e.city else ""),
                        admin_url(e),
                    )
                    for e in efus_events
                ],
            )
        )
    if efus_projects:
        efus_groups.append(
            Group(
                _("Efus-Projekte mit deutscher Beteiligung"),
                lines=[
                    Line(
                        f"{p.name}: {_members_text(p.members.all())}",
                        p.get_status_display()
                        + (
                            f", {p.starts_on:%m/%Y}–{p.ends_on:%m/%Y}"
                            if p.starts_on and p.ends_on
                            else ""
                        ),
                        admin_url(p),
                    )
                    for p in efus_projects
                ],
            )
        )
    add(Section.EFUS, groups=efus_groups)

    add(
        Section.FUNDING,
        lines=[
            Line(
                f"{f.call}"
                + (f" ({f.funding_line})" if f.funding_line else "")
                + " → "
                + ", ".join([f.partners] * bool(f.partners) + [str(m) for m in f.members.all()]),
                f.get_status_display(),
                admin_url(f),
            )
            for f in FundingApplication.objects.in_year(year)
            .order_by("submitted_on")
            .prefetch_related("members")
        ],
    )

    outlook = (
        Event.objects.filter(starts_on__year=year + 1)
        .exclude(audience=Event.Audience.INTERNAL)
        .exclude(organiser_role=Event.OrganiserRole.PARTICIPANT)
        .exclude(kind=Event.Kind.PROJECT_MEETING)
        .order_by("starts_on", "title")
    )
    add(
        Section.OUTLOOK,
        lines=[
            Line(
                e.display_title,
                " ".join(
                    str(part) for part in [e.date_display, e.time_display, e.place_display] if part
                ),
                admin_url(e),
            )
            for e in outlook
        ],
    )

    people = Person.objects.all()
    add(
        Section.PEOPLE,
        lines=[
            Line(p.name, f"{p.get_group_display()}: {p.role}", admin_url(p), p.organisation)
            for p in people
        ],
    )

    return Report(year=year, record=record, sections=[s for s in sections if not s.is_empty])


def member_engagement(year: int):
    """The members of ``year`` with what they did in it, the quietest first: the office sees
    at a glance which cities to call. One query."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        Member.objects.filter(joined_on__lte=last)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=first))
        .annotate(
            inquiries_asked=count_per_row(
                Inquiry.objects.filter(created_at__year=year), "asked_by_member"
            ),
            inquiries_answered=count_per_row(
                Answer.objects.filter(created_at__year=year), "member"
            ),
            exchange_count=count_per_row(
                Exchange.members.through.objects.filter(exchange__held_on__year=year), "member"
            ),
            entries_added=count_per_row(
                Entry.objects.filter(added_at__year=year), "added_by__member"
            ),
            guidelines_signed=count_per_row(
                GuidelineSignature.objects.filter(
                    status=GuidelineSignature.Status.SIGNED, signed_on__year=year
                ),
                "member",
            ),
        )
        .annotate(
            activity=F("inquiries_asked")
            + F("inquiries_answered")
            + F("exchange_count")
            + F("entries_added")
            + F("guidelines_signed")
        )
        .order_by("activity", "name")
    )
