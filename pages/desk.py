"""The office's desk on the admin index: what needs attention now, and a few figures."""

import datetime
import re

from django.db.models import Count, Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event
from inquiries.models import Inquiry
from members.models import Member, User
from news.models import Article
from projects.models import Project


def office_desk(today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    recently = timezone.now() - datetime.timedelta(days=90)
    not_live = Q(status=Article.Status.DRAFT) | Q(published_at__gt=Now())
    return {
        "articles": Article.objects.filter(not_live).order_by("published_at")[:10],
        "draft_events": Event.objects.filter(status=Event.Status.DRAFT).order_by("starts_on")[:10],
        "draft_projects": Project.objects.filter(status=Project.Status.DRAFT)[:10],
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


# Holidays on the same day every year in all of Germany (movable feasts are not checked yet).
FIXED_HOLIDAYS = {(1, 1), (5, 1), (10, 3), (12, 24), (12, 25), (12, 26), (12, 31)}
YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
SAME_TITLE_WITHIN = datetime.timedelta(weeks=4)


def consistency_warnings(today: datetime.date | None = None) -> list[dict]:
    """Likely mistakes before visitors see them, each with the admin page that fixes it:
    the same event title twice within four weeks, a year in a title that contradicts the
    date, an upcoming event on a Sunday or a fixed public holiday."""
    today = today or timezone.localdate()
    warnings = []

    def warn(message, obj):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        warnings.append({"message": message, "url": url, "title": str(obj)})

    upcoming = list(Event.objects.ending_on_or_after(today).order_by("starts_on", "pk"))
    for event in upcoming:
        if event.starts_on.weekday() == 6:
            warn(_("Termin an einem Sonntag"), event)
        elif (event.starts_on.month, event.starts_on.day) in FIXED_HOLIDAYS:
            warn(_("Termin an einem Feiertag"), event)
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
    return warnings
