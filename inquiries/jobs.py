"""Periodic jobs of the Abfragen, run by the task worker (see ``settings.SCHEDULE``)."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import mail_send
from inquiries.models import Answer, Inquiry
from inquiries.services import (
    answers_notify,
    inquiry_asker_addresses,
    inquiry_link,
    inquiry_recipients,
    one_line,
)
from members.models import Member

REMINDER_DAYS_BEFORE = 3


def answer_digests_send() -> int:
    """Daily: the askers who prefer a digest get the answers that arrived since the last one."""
    answers = list(
        Answer.objects.filter(
            asker_notified_at__isnull=True, inquiry__asked_by__answers_as_digest=True
        ).select_related("inquiry", "inquiry__asked_by", "member")
    )
    with transaction.atomic():
        return answers_notify(answers=answers)


def inquiry_reminders_send(today: datetime.date | None = None) -> int:
    """Daily: three days before the deadline, the members that have not answered get one
    reminder. The sent-marker is claimed in the same UPDATE that selects the Abfrage, so a
    second run (or a second worker) sends nothing. Returns the number of e-mails."""
    today = today or timezone.localdate()
    due = Inquiry.objects.filter(
        reminder_sent_at__isnull=True,
        deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE),
        created_at__date__lt=today,
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Inquiry.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if not claimed:
                continue
            inquiry = Inquiry.objects.get(pk=pk)
            silent = Member.objects.filter(
                pk__in=[m.pk for m in inquiry.members_by_answer_status() if not m.has_answered]
            )
            recipients = inquiry_recipients(silent)
            subject = _("Erinnerung: DEFUS-Abfrage „%(title)s“ bis %(deadline)s") % {
                "title": one_line(inquiry.title),
                "deadline": inquiry.deadline.strftime("%d.%m.%Y"),
            }
            body = render_to_string(
                "inquiries/reminder_email.txt", {"inquiry": inquiry, "link": inquiry_link(inquiry)}
            )
            mail_send(*[EmailMessage(subject, body, to=[address]) for address in recipients])
            sent += len(recipients)
    return sent


def inquiry_overviews_send(today: datetime.date | None = None) -> int:
    """Daily: once the deadline has passed, the office and the asker get the overview of who
    answered and who did not, once per Abfrage. Returns the number of Abfragen."""
    today = today or timezone.localdate()
    due = Inquiry.objects.filter(overview_sent_at__isnull=True, deadline__lt=today)
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Inquiry.objects.filter(pk=pk, overview_sent_at__isnull=True).update(
                overview_sent_at=timezone.now()
            )
            if not claimed:
                continue
            inquiry = Inquiry.objects.select_related("asked_by", "asked_by_member").get(pk=pk)
            members = list(inquiry.members_by_answer_status())
            body = render_to_string(
                "inquiries/overview_email.txt",
                {
                    "inquiry": inquiry,
                    "link": inquiry_link(inquiry),
                    "answered": [m for m in members if m.has_answered],
                    "silent": [m for m in members if not m.has_answered],
                    "status": Inquiry.answer_status(
                        sum(m.has_answered for m in members), len(members)
                    ),
                },
            )
            subject = _("Frist abgelaufen: DEFUS-Abfrage „%(title)s“") % {
                "title": one_line(inquiry.title)
            }
            to = sorted({settings.OFFICE_EMAIL, *inquiry_asker_addresses(inquiry)})
            mail_send(EmailMessage(subject, body, to=to))
            sent += 1
    return sent
