"""The office's desk on the admin index: what needs attention now, and a few figures."""

import datetime
import re
from urllib.parse import urlsplit

from django.db.models import Count, Q
from django.db.models.functions import Now
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event
from inquiries.models import Inquiry
from members.models import Member, Person, User
from news.models import Article
from pages.models import Office, Page
from projects.models import Project
from themes.models import Theme


def office_desk(today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    recently = timezone.now() - datetime.timedelta(days=90)
    not_live = Q(status=Article.Status.DRAFT) | Q(published_at__gt=Now())
    return {
        "articles": Article.objects.filter(not_live).order_by("published_at")[:10],
        "draft_events": Event.objects.filter(status=Event.Status.DRAFT).order_by("starts_on")[:10],
        "draft_projects": Project.objects.filter(status=Project.Status.DRAFT)[:10],
        "draft_pages": Page.objects.filter(draft_saved_at__isnull=False),
        "open_inquiries": Inquiry.objects.open(today).with_answer_count().order_by("deadline")[:10],
        "upcoming_events": Event.objects.published().upcoming(today)[:5],
        "warnings": consistency_warnings(today),
        "member_counts": Member.objects.active_on(today).counts(),
        "accounts": User.objects.filter(is_active=True, member__isnull=False).aggregate(
            total=Count("pk"),
            members=Count("member", distinct=True),
            recent=Count("pk", filter=Q(last_login__gte=recently)),
        ),
        # Invited, never set a password (Django marks an unusable one with "!").
        "pending_invitations": User.objects.filter(
            is_active=True, last_login__isnull=True, password__startswith="!"
        )
        .select_related("member")
        .order_by("date_joined")[:20],
    }


# Public holidays in all of Germany (and the two days most offices close as well).
FIXED_HOLIDAYS = {
    (1, 1): "Neujahr",
    (5, 1): "Tag der Arbeit",
    (10, 3): "Tag der Deutschen Einheit",
    (12, 24): "Heiligabend",
    (12, 25): "1. Weihnachtsfeiertag",
    (12, 26): "2. Weihnachtsfeiertag",
    (12, 31): "Silvester",
}
# Days after Easter Sunday.
EASTER_HOLIDAYS = {
    -2: "Karfreitag",
    1: "Ostermontag",
    39: "Christi Himmelfahrt",
    50: "Pfingstmontag",
}
YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
SAME_TITLE_WITHIN = datetime.timedelta(weeks=4)

# Placeholders left in public text: the same rule in PostgreSQL (to select rows) and in
# Python (to tell which field). "TODO" and "XXX" only in capitals, as people type them.
PLACEHOLDER_WORDS_SQL = r"lorem ipsum|platzhalter"
PLACEHOLDER_MARKS_SQL = r"\y(TODO|XXX)\y"
PLACEHOLDER = re.compile(r"(?i:lorem ipsum|platzhalter)|\b(?:TODO|XXX)\b")
INTERNAL_LINK = re.compile(r'href="(/[^"]*)"')
# Alt texts that describe nothing: a file name or a bare word for the kind of picture.
EMPTY_ALT = re.compile(r"^\s*$|\.(jpe?g|png|gif|webp|svg)\s*$|^\s*(bild|foto|logo|image|img|grafik)\s*$", re.I)  # fmt: skip

# Public texts field by field, and which of them are rich text (where links are).
TEXTS = [
    (Article, ["title", "teaser", "body"], ["body"]),
    (Event, ["title", "description", "agenda"], ["description", "agenda"]),
    (Project, ["title", "subtitle", "lead", "description"], ["description"]),
    (Theme, ["title", "lead", "body"], ["body"]),
    (Page, ["title", "lead", "body"], ["body"]),
]
# Links to these detail pages must find their row.
LINKED_BY_SLUG = {
    "news:detail": Article,
    "events:detail": Event,
    "projects:detail": Project,
    "themes:detail": Theme,
}
IMAGES = [
    (Article, "image", "image_alt"),
    (Member, "logo", "logo_alt"),
    (Person, "photo", "photo_alt"),
]


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter Sunday (the anonymous algorithm, as in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def holiday(date: datetime.date) -> str | None:
    """The name of the public holiday on ``date`` in all of Germany, or None."""
    if name := FIXED_HOLIDAYS.get((date.month, date.day)):
        return name
    return EASTER_HOLIDAYS.get((date - easter_sunday(date.year)).days)


def consistency_warnings(today: datetime.date | None = None) -> list[dict]:
    """Likely mistakes before visitors see them, each with the admin page that fixes it.
    A fixed number of queries, however much content there is."""
    today = today or timezone.localdate()
    warnings = []

    def warn(message, obj):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        warnings.append({"message": message, "url": url, "title": str(obj)})

    _dates(warn, today)
    _texts(warn)
    _images(warn)
    office = Office.objects.filter(pk=Office.SINGLETON_PK).first()
    if office is not None and (missing := office.missing_imprint_details):
        warn(_("Im Impressum fehlt: %(fields)s") % {"fields": ", ".join(missing)}, office)
    return warnings


def _dates(warn, today: datetime.date) -> None:
    """The same event title twice within four weeks, a year in a title that contradicts the
    date, an upcoming event on a Sunday or a public holiday."""
    upcoming = list(Event.objects.ending_on_or_after(today).order_by("starts_on", "pk"))
    for event in upcoming:
        if event.starts_on.weekday() == 6:
            warn(_("Termin an einem Sonntag"), event)
        elif name := holiday(event.starts_on):
            warn(_("Termin an einem Feiertag (%(holiday)s)") % {"holiday": name}, event)
    recent = Event.objects.filter(starts_on__gte=today - SAME_TITLE_WITHIN).order_by(
        "starts_on", "pk"
    )
    seen: dict[str, Event] = {}
    for event in recent:
        earlier = seen.get(event.title.casefold())
        if earlier and event.starts_on - earlier.starts_on <= SAME_TITLE_WITHIN:
            warn(_("Gleicher Titel wie ein Termin wenige Wochen vorher"), event)
        seen[event.title.casefold()] = event
    for event in recent:
        years = {int(year) for year in YEAR.findall(event.title)}
        if years and event.starts_on.year not in years and event.last_day.year not in years:
            warn(_("Jahreszahl im Titel passt nicht zum Datum"), event)
    for article in Article.objects.filter(published_at__gte=timezone.now() - SAME_TITLE_WITHIN):
        years = {int(year) for year in YEAR.findall(article.title)}
        if years and timezone.localtime(article.published_at).year < min(years):
            warn(_("Jahreszahl im Titel liegt nach dem Erscheinungsdatum"), article)


def _texts(warn) -> None:
    """Placeholders ("Lorem ipsum", "Platzhalter", "TODO", "XXX") in a title or text, and
    links in rich text to an address of this site that does not exist or to a detail page
    whose item is gone. One query a model for the texts, one a linked model for the slugs."""
    links = []  # (obj, href, linked model or None, slug)
    for model, fields, rich_fields in TEXTS:
        suspicious = Q()
        for field in fields:
            suspicious |= Q(**{f"{field}__iregex": PLACEHOLDER_WORDS_SQL})
            suspicious |= Q(**{f"{field}__regex": PLACEHOLDER_MARKS_SQL})
        for field in rich_fields:
            suspicious |= Q(**{f"{field}__contains": 'href="/'})
        for obj in model.objects.filter(suspicious).order_by("pk"):
            _placeholder(warn, obj, fields)
            for field in rich_fields:
                links.extend(_internal_links(obj, str(getattr(obj, field) or "")))
    wanted: dict = {}
    for _obj, _href, linked, slug in links:
        if linked is not None:
            wanted.setdefault(linked, set()).add(slug)
    existing = {
        linked: set(linked.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        for linked, slugs in wanted.items()
    }
    for obj, href, linked, slug in links:
        if linked is None or slug not in existing[linked]:
            warn(_("Link ins Leere: %(href)s") % {"href": href}, obj)


def _placeholder(warn, obj, fields) -> None:
    found = next(
        (
            (field, hit)
            for field in fields
            if (hit := PLACEHOLDER.search(str(getattr(obj, field) or "")))
        ),
        None,
    )
    if found is None:  # no placeholder (a link brought the row), or PostgreSQL's word
        return  # boundaries differ from Python's at an umlaut
    label = obj._meta.get_field(found[0]).verbose_name
    warn(
        _("Platzhalter „%(text)s“ im Feld „%(field)s“")
        % {"text": found[1].group(0), "field": label},
        obj,
    )


def _internal_links(obj, html: str) -> list[tuple]:
    """The links to this site in ``html``: (obj, href, None, None) for an address that
    resolves to no page, (obj, href, model, slug) for a detail page to look up."""
    links = []
    for href in INTERNAL_LINK.findall(html):
        path = urlsplit(href).path
        if path.startswith(("/media/", "/static/")):
            continue
        try:
            match = resolve(path)
        except Resolver404:
            links.append((obj, href, None, None))
            continue
        if (linked := LINKED_BY_SLUG.get(match.view_name)) is not None:
            links.append((obj, href, linked, match.kwargs.get("slug")))
    return links


def _images(warn) -> None:
    """Pictures whose alt text is empty, a file name or a bare "Bild": one query a model."""
    for model, image, alt in IMAGES:
        rows = model.objects.exclude(**{image: ""}).filter(**{f"{alt}__iregex": EMPTY_ALT.pattern})
        for obj in rows.order_by("pk"):
            label = model._meta.get_field(image).verbose_name
            warn(_("%(image)s ohne aussagekräftigen Alternativtext") % {"image": label}, obj)
