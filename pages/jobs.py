"""The weekly "Neu für Mitglieder" digest for members who watch collections."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Min
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import has_member_access
from core.mail import mail_send
from documents.models import Document
from events.models import Event
from inquiries.models import Inquiry
from knowledge.models import CollectionWatch, Entry
from knowledge.services import unsubscribe_token
from members.models import User


def watch_digests_send(now: datetime.datetime | None = None) -> int:
    """Weekly: each member who watches collections gets what is new since the last digest:
    entries in the watched collections, documents, Abfragen, and the member dates of the
    next four weeks. Nothing new, no mail. Returns the number of e-mails."""
    now = now or timezone.now()
    users = User.objects.filter(collection_watches__isnull=False, is_active=True).annotate(
        since=Min(Coalesce("collection_watches__last_digest_at", "collection_watches__created_at"))
    )
    sent = 0
    for user in users.select_related("member"):
        if not has_member_access(user):
            continue
        since = user.since
        entries = list(
            Entry.objects.visible_to(user)
            .filter(collection__watches__user=user, added_at__gt=since, added_at__lte=now)
            .exclude(added_by=user)
            .select_related("collection")
            .order_by("collection__title", "-added_at")
        )
        documents = list(
            Document.objects.visible_to(user)
            .filter(created_at__gt=since, created_at__lte=now)
            .order_by("-date")[:20]
        )
        inquiries = list(
            Inquiry.objects.visible_to(user)
            .filter(created_at__gt=since, created_at__lte=now)
            .select_related("asked_by_member")
        )
        today = timezone.localdate(now)
        dates = list(
            Event.objects.visible_to(user)
            .for_members()
            .upcoming(today)
            .filter(starts_on__lte=today + datetime.timedelta(days=28))[:10]
        )
        with transaction.atomic():
            CollectionWatch.objects.filter(user=user).update(last_digest_at=now)
            if not (entries or documents or inquiries):
                continue
            unsubscribe = settings.SITE_URL + reverse(
                "collections:unsubscribe", kwargs={"token": unsubscribe_token(user)}
            )
            body = render_to_string(
                "knowledge/digest_email.txt",
                {
                    "entries": entries,
                    "documents": documents,
                    "inquiries": inquiries,
                    "dates": dates,
                    "site": settings.SITE_URL,
                    "unsubscribe": unsubscribe,
                },
            )
            mail_send(
                EmailMessage(
                    _("Neu für Mitglieder"),
                    body,
                    to=[user.email],
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
            )
            sent += 1
    return sent
