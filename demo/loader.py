"""``manage.py load_demo``: the demo portal, built from the data files in demo/data/.

Every row is created or updated by its natural key (a slug, a title, an e-mail address), so
loading again changes nothing; everything runs in one transaction. In the data files, a
reference to another row is its natural key (``host = "essen"``), a list of themes their
slugs, and the dates follow demo/datafiles.py.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.base import ContentFile
from django.db import models, transaction

from demo import activities as activities_demo
from demo import images as images_demo
from demo import registrations as registrations_demo
from demo.datafiles import Clock, read
from demo.pdf import minimal_pdf
from documents.models import Document
from events.models import Event, Series
from inquiries.models import Answer, Inquiry
from knowledge.models import Collection, CollectionVisit, Entry
from members.models import ContactPerson, Member, Person, User
from members.services import office_group_sync
from news.models import Article
from pages.models import Office
from pages.services import office_update
from projects.models import Project
from themes.models import Theme

# How the data files name a row of each model.
NATURAL_KEYS = {
    Member: "slug",
    User: "email",
    Theme: "slug",
    Project: "slug",
    Series: "slug",
    Event: "slug",
    Document: "title",
    Collection: "slug",
}


@transaction.atomic
def load_demo() -> None:
    clock = Clock()
    for load in (
        load_members,
        load_projects,
        load_news,
        load_events,
        load_documents,
        load_knowledge,
        load_inquiries,
        load_office,
    ):
        load(clock)
    registrations_demo.load(clock.today)
    activities_demo.load()  # it links to the members, events and projects above
    images_demo.load()


def load_members(clock: Clock | None = None) -> None:
    clock, data = clock or Clock(), read("members")
    for member in data["member"]:
        row = _save(Member, member, clock, keys=("slug",), skip={"contact"})
        for position, contact in enumerate(member.get("contact", [])):
            _save(
                ContactPerson,
                contact,
                clock,
                keys=("member", "name"),
                member=row,
                position=position,
            )
    for position, person in enumerate(data["person"]):
        _save(Person, person, clock, keys=("name",), position=position)
    office = office_group_sync()
    for login in data["login"]:
        new = not User.objects.filter(email=login["email"]).exists()
        user = _save(
            User, login, clock, keys=("email",), skip={"password", "office", "totp_secret"}
        )
        if new or not user.has_usable_password():
            user.set_password(login["password"])
            user.save(update_fields=["password"])
        if login.get("office"):
            user.groups.add(office)
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
        if login.get("totp_secret") and not totp.exists():
            TOTP.activate(user, login["totp_secret"])


def load_office(clock: Clock | None = None) -> None:
    office = Office.objects.filter(pk=Office.SINGLETON_PK).first() or Office(pk=Office.SINGLETON_PK)
    for field, value in read("office")["office"].items():
        setattr(office, field, value.strip())
    office_update(office=office)


def load_projects(clock: Clock | None = None) -> None:
    for project in read("projects")["project"]:
        _save(Project, project, clock or Clock(), keys=("slug",))


def load_news(clock: Clock | None = None) -> None:
    for article in read("news")["article"]:
        _save(Article, article, clock or Clock(), keys=("slug",))


def load_events(clock: Clock | None = None) -> None:
    clock, data = clock or Clock(), read("events")
    for series in data["series"]:
        _save(Series, series, clock, keys=("slug",))
    for event in data["event"]:
        _save(Event, event, clock, keys=("slug",))


def load_documents(clock: Clock | None = None) -> None:
    clock = clock or Clock()
    for data in read("documents")["document"]:
        document = _save(Document, data, clock, keys=("title",), skip={"file", "pdf_text"})
        if not document.file or not document.file.storage.exists(document.file.name):
            pdf = minimal_pdf(data["title"], [data["description"], "", *data["pdf_text"]])
            document.file.save(data["file"], ContentFile(pdf), save=True)


def load_knowledge(clock: Clock | None = None) -> None:
    clock, data = clock or Clock(), read("knowledge")
    added_by = User.objects.filter(email=data["added_by"]).first()
    for collection in data["collection"]:
        row = _save(Collection, collection, clock, keys=("slug",), skip={"entry"})
        for entry in collection.get("entry", []):
            _save(
                Entry, entry, clock, keys=("collection", "title"), collection=row, added_by=added_by
            )
    for visit in data["visit"]:
        _save(CollectionVisit, visit, clock, keys=("user", "collection"))


def load_inquiries(clock: Clock | None = None) -> None:
    clock = clock or Clock()
    for inquiry in read("inquiries")["inquiry"]:
        row = _save(Inquiry, inquiry, clock, keys=("title",), skip={"answer"})
        for answer in inquiry.get("answer", []):
            created_at = clock.datetime(answer["created_at"])
            _save(
                Answer,
                answer,
                clock,
                keys=("inquiry", "member"),
                inquiry=row,
                updated_at=created_at,
            )


def _save(model, data: dict, clock: Clock, *, keys: tuple[str, ...], skip=(), **extra):
    values, many = _values(model, data, clock, skip=skip)
    lookup = {key: values.pop(key) for key in keys if key in values}
    lookup.update({key: extra.pop(key) for key in keys if key in extra})
    row, _ = model.objects.update_or_create(**lookup, defaults={**values, **extra})
    for name, related in many.items():
        getattr(row, name).set(related)
    return row


def _values(model, data: dict, clock: Clock, *, skip=()) -> tuple[dict, dict]:
    """The model's field values from a table of a data file, and its many-to-many lists."""
    values, many = {}, {}
    for name, value in data.items():
        if name in skip:
            continue
        field = model._meta.get_field(name)
        if field.many_to_many:
            many[name] = [_get(model, field, key) for key in value]
        elif field.is_relation:
            values[name] = _get(model, field, value)
        elif isinstance(field, models.DateTimeField):
            values[name] = clock.datetime(value)
        elif isinstance(field, models.DateField):
            values[name] = clock.date(value)
        else:
            values[name] = value
    return values, many


def _get(model, field, key):
    related = field.related_model
    try:
        return related.objects.get(**{NATURAL_KEYS[related]: key})
    except related.DoesNotExist:
        raise ValueError(
            f"{model._meta.label}.{field.name}: {related._meta.label} {key!r} gibt es nicht."
        ) from None
