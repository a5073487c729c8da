"""Every e-mail the portal sends goes through ``mail_send``: after the current transaction
commits, it is put into the task queue (django.tasks, stored in PostgreSQL), and the worker
(`manage.py worker`) delivers it. A failed delivery is tried again after 1, 5, 15 and 60
minutes (settings.MAIL_RETRY_SECONDS); after that it stays in the queue as failed, where the
office sees it in the admin."""

import base64
import contextlib
import datetime
import logging
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.log import AdminEmailHandler

logger = logging.getLogger(__name__)


def mail_send(*messages: EmailMessage) -> None:
    """Queue ``messages`` once the current transaction has committed (at once outside one).

    The messages are serialised now, so nothing that happens to the objects later changes what
    is sent."""
    payloads = [message_dump(message) for message in messages]
    if payloads:
        transaction.on_commit(
            lambda: [mail_deliver.enqueue(payload) for payload in payloads], robust=True
        )


@task
def mail_deliver(message: dict, attempt: int = 1) -> str:
    """Deliver one serialised message; on failure, queue the next attempt and fail this one."""
    email = message_load(message)
    try:
        mailers.default.send_messages([email])
    except Exception:
        recipients = ", ".join(email.recipients())
        waits = settings.MAIL_RETRY_SECONDS
        if attempt <= len(waits):
            seconds = waits[attempt - 1]
            run_after = timezone.now() + datetime.timedelta(seconds=seconds)
            mail_deliver.using(run_after=run_after).enqueue(message, attempt=attempt + 1)
            logger.warning(
                "E-Mail „%s“ an %s: Versuch %d gescheitert, nächster in %d Sekunden.",
                email.subject, recipients, attempt, seconds,
            )  # fmt: skip
        else:
            logger.error(
                "E-Mail „%s“ an %s nach %d Versuchen nicht zugestellt.",
                email.subject, recipients, attempt,
            )  # fmt: skip
        raise
    return f"Zugestellt an {', '.join(email.recipients())} (Versuch {attempt})"


def _content_dump(content: str | bytes) -> dict:
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": content}


def _content_load(data: dict) -> str | bytes:
    return base64.b64decode(data["base64"]) if "base64" in data else data["text"]


def message_dump(message: EmailMessage) -> dict:
    """The message as JSON-able data for the task's arguments: subject, body, addresses,
    headers, HTML and other alternatives, attachments (such as .ics files)."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError("Anhänge als MIME-Objekt lassen sich nicht in die Warteschlange legen.")
        filename, content, mimetype = attachment
        attachments.append({"filename": filename, "mimetype": mimetype, **_content_dump(content)})
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            {"mimetype": mimetype, **_content_dump(content)}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_load(data: dict) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    email.content_subtype = data["content_subtype"]
    for alternative in data["alternatives"]:
        email.attach_alternative(_content_load(alternative), alternative["mimetype"])
    for attachment in data["attachments"]:
        email.attach(attachment["filename"], _content_load(attachment), attachment["mimetype"])
    return email


class QueuedAdminEmailHandler(AdminEmailHandler):
    """Django's error mail to ADMINS, sent through the queue like every other e-mail: a slow or
    absent mail server never delays or breaks the response. Failed tasks are left out: they
    stay in the queue for the admin, and a failed error mail must not beget another."""

    def emit(self, record):
        if record.name.startswith("django.tasks"):
            return
        # Without the database nothing can be queued; the error is in the log all the same.
        with contextlib.suppress(Exception):
            super().emit(record)

    def send_mail(self, subject, message, *args, html_message=None, **kwargs):
        if not settings.ADMINS:
            return
        email = EmailMultiAlternatives(
            subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
            body=message,
            from_email=settings.SERVER_EMAIL,
            to=list(settings.ADMINS),
        )
        if html_message:
            email.attach_alternative(html_message, "text/html")
        mail_send(email)
