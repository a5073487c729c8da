"""The office's desk on the admin index: what needs attention now, and a few figures."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import Now
from django.utils import timezone

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
