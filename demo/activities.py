"""Demo activity record: the office's 2024 as the annual report tells it (demo/data/activities.toml).

Idempotent: each record is found again by its natural key (title or topic and date).
"""

import tomllib
from pathlib import Path

from activities.models import (
    AnnualReport,
    Body,
    BodyMeeting,
    Contribution,
    EfusEvent,
    EfusProject,
    Exchange,
    FundingApplication,
    Guideline,
    GuidelineSignature,
    Highlight,
    MediaInquiry,
    Publication,
    SectionIntro,
)
from events.models import Event
from members.models import Member
from projects.models import Project

DATA = Path(__file__).parent / "data" / "activities.toml"


def _event(title: str | None, **dates) -> Event | None:
    """The Termin with this title (on a day or in a year), if the events demo created it."""
    if not title:
        return None
    return Event.objects.filter(title=title, **dates).order_by("starts_on").first()


def _split(data: dict, *keys) -> tuple[dict, dict]:
    data = dict(data)
    return {key: data.pop(key) for key in keys if key in data}, data


def load() -> None:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    members = {member.slug: member for member in Member.objects.all()}
    projects = {project.slug: project for project in Project.objects.all()}

    def pick(slugs):
        return [members[slug] for slug in slugs if slug in members]

    for row in data["exchanges"]:
        extra, fields = _split(row, "members", "event")
        fields["event"] = _event(extra.get("event"), starts_on=fields["held_on"])
        exchange, _ = Exchange.objects.update_or_create(
            topic=fields.pop("topic"), held_on=fields.pop("held_on"), defaults=fields
        )
        exchange.members.set(pick(extra.get("members", [])))

    for row in data["bodies"]:
        extra, fields = _split(row, "meetings", "project")
        fields["project"] = projects.get(extra.get("project"))
        body, _ = Body.objects.update_or_create(name=fields.pop("name"), defaults=fields)
        for meeting in extra.get("meetings", []):
            meeting = dict(meeting)
            meeting["event"] = _event(meeting.pop("event", None), starts_on=meeting["held_on"])
            BodyMeeting.objects.update_or_create(
                body=body, held_on=meeting.pop("held_on"), defaults=meeting
            )

    for row in data["contributions"]:
        extra, fields = _split(row, "event")
        fields["event"] = _event(extra.get("event"), starts_on=fields["held_on"])
        Contribution.objects.update_or_create(
            event_title=fields.pop("event_title"), held_on=fields.pop("held_on"), defaults=fields
        )

    for row in data["media"]:
        fields = dict(row)
        MediaInquiry.objects.update_or_create(
            outlet=fields.pop("outlet"), received_on=fields.pop("received_on"), defaults=fields
        )

    for row in data["publications"]:
        fields = dict(row)
        Publication.objects.update_or_create(title=fields.pop("title"), defaults=fields)

    for row in data["efus_events"]:
        extra, fields = _split(row, "members", "event")
        fields["event"] = _event(extra.get("event"), starts_on=fields["starts_on"])
        efus_event, _ = EfusEvent.objects.update_or_create(
            title=fields.pop("title"), starts_on=fields.pop("starts_on"), defaults=fields
        )
        efus_event.members.set(pick(extra.get("members", [])))

    for row in data["efus_projects"]:
        extra, fields = _split(row, "members")
        project, _ = EfusProject.objects.update_or_create(name=fields.pop("name"), defaults=fields)
        project.members.set(pick(extra.get("members", [])))

    for row in data["funding"]:
        extra, fields = _split(row, "members")
        application, _ = FundingApplication.objects.update_or_create(
            call=fields.pop("call"), defaults=fields
        )
        application.members.set(pick(extra.get("members", [])))

    for row in data["highlights"]:
        extra, fields = _split(row, "events", "projects", "assemblies")
        highlight, _ = Highlight.objects.update_or_create(
            year=fields.pop("year"), title=fields.pop("title"), defaults=fields
        )
        events = [
            _event(title, starts_on__year=highlight.year) for title in extra.get("events", [])
        ]
        events += list(Event.objects.filter(assembly_number__in=extra.get("assemblies", [])))
        highlight.events.set([event for event in events if event])
        highlight.projects.set([projects[s] for s in extra.get("projects", []) if s in projects])

    for row in data["guidelines"]:
        extra, fields = _split(row, "assembly", "signed", "planned", "signed_on")
        fields["assembly"] = Event.objects.filter(assembly_number=extra.get("assembly")).first()
        guideline, _ = Guideline.objects.update_or_create(slug=fields.pop("slug"), defaults=fields)
        S = GuidelineSignature.Status
        for status, slugs, signed_on in [
            (S.SIGNED, extra.get("signed", []), extra.get("signed_on")),
            (S.PLANNED, extra.get("planned", []), None),
        ]:
            for member in pick(slugs):
                GuidelineSignature.objects.update_or_create(
                    guideline=guideline,
                    member=member,
                    defaults={"status": status, "signed_on": signed_on},
                )

    row = data["report_2024"]
    report, _ = AnnualReport.objects.get_or_create(year=row["year"])
    report.extra_member_events.set(
        [
            e
            for title in row["extra_member_events"]
            if (e := _event(title, starts_on__year=report.year))
        ]
    )
    for section, text in row["intros"].items():
        SectionIntro.objects.update_or_create(
            report=report, section=section, defaults={"text": text}
        )
