from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from activities.models import MediaInquiry
from core.mail import mail_send
from pages.models import PAGE_CONTENT_FIELDS, BarrierReport, ContactMessage, Office, Page


@transaction.atomic
def barrier_report_create(*, page: str, description: str, email: str = "") -> BarrierReport:
    """Store a reported barrier, then e-mail it to the office through the queue; a given
    address becomes the reply-to. The report is kept even if the mail never leaves."""
    report = BarrierReport.objects.create(page=page, description=description, email=email)
    mail_send(
        EmailMessage(
            subject=f"Barriere gemeldet: {page[:80]}",
            body=(
                f"Seite: {page}\n\nBeschreibung:\n{description}\n\n"
                f"Antwort an: {email or '(keine Adresse angegeben)'}\n\n"
                f"In der Verwaltung: {settings.SITE_URL}/verwaltung/pages/barrierreport/{report.pk}/change/\n"
            ),
            to=[settings.OFFICE_EMAIL],
            reply_to=[email] if email else None,
        )
    )
    return report


@transaction.atomic
def contact_message_submit(
    *,
    topic: str,
    name: str,
    email: str,
    message: str,
    organisation: str = "",
    phone: str = "",
) -> ContactMessage:
    """Store the message, then (after the commit) mail it to the office and acknowledge it to
    the sender. A mail server that is down loses no message: it is in the admin."""
    contact = ContactMessage.objects.create(
        topic=topic,
        name=name,
        email=email,
        message=message,
        organisation=organisation,
        phone=phone,
    )
    context = {
        "contact": contact,
        "admin_url": f"{settings.SITE_URL}/verwaltung/pages/contactmessage/{contact.pk}/change/",
    }
    mail_send(
        EmailMessage(
            subject=_("Kontaktformular (%(topic)s): %(name)s")
            % {"topic": contact.get_topic_display(), "name": " ".join(name.split())[:80]},
            body=render_to_string("pages/contact_office_email.txt", context),
            to=[settings.OFFICE_EMAIL],
            reply_to=[email],
        )
    )
    mail_send(
        EmailMessage(
            subject=_("Ihre Nachricht an DEFUS"),
            body=render_to_string("pages/contact_ack_email.txt", context),
            to=[email],
        )
    )
    return contact


@transaction.atomic
def contact_message_reply(*, contact: ContactMessage, reply: str) -> None:
    """Send the office's reply to the sender, once, and mark the message answered and done."""
    locked = ContactMessage.objects.select_for_update().get(pk=contact.pk)
    if locked.replied_at is not None or not reply.strip():
        return
    now = timezone.now()
    ContactMessage.objects.filter(pk=contact.pk).update(
        reply=reply, replied_at=now, done_at=locked.done_at or now
    )
    contact.reply, contact.replied_at, contact.done_at = reply, now, locked.done_at or now
    mail_send(
        EmailMessage(
            subject=_("Antwort auf Ihre Nachricht an DEFUS"),
            body=render_to_string("pages/contact_reply_email.txt", {"contact": contact}),
            to=[contact.email],
            reply_to=[settings.OFFICE_EMAIL],
        )
    )


@transaction.atomic
def contact_message_record_media_inquiry(*, contact: ContactMessage) -> MediaInquiry:
    """Turn a Presse message into a Medienanfrage of the office's record, prefilled from the
    message (outlet, topic, day received; outcome "noch offen") and linked both ways. A
    message that already has its record gets that one back."""
    contact = ContactMessage.objects.select_for_update().get(pk=contact.pk)
    if contact.media_inquiry_id:
        return contact.media_inquiry
    first_line = next((line for line in contact.message.splitlines() if line.strip()), "")
    inquiry = MediaInquiry.objects.create(
        outlet=Truncator(contact.organisation or contact.name).chars(200),
        topic=Truncator(" ".join(first_line.split())).chars(300) or _("Presseanfrage"),
        received_on=timezone.localdate(contact.created_at),
        outcome=MediaInquiry.Outcome.OPEN,
    )
    contact.media_inquiry = inquiry
    contact.save(update_fields=["media_inquiry"])
    return inquiry


def office_update(*, office: Office) -> Office:
    """Save the office's address and Impressum details; the frame shows them from a
    per-process cache, which forgets them now and once more when the change is committed
    (a page rendered in between would otherwise keep the old values)."""
    office.save()
    Office.objects.forget()
    transaction.on_commit(Office.objects.forget)
    return office


DRAFT_FIELDS = [f"draft_{name}" for name in PAGE_CONTENT_FIELDS]


@transaction.atomic
def page_draft_save(*, page: Page, title: str, lead: str, body: str, description: str) -> Page:
    """Keep the office's changes as the page's draft; the live page (and its
    "zuletzt geändert", the sitemap's date) stays exactly as it is."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    page.draft_title, page.draft_lead = title, lead
    page.draft_body, page.draft_description = body, description
    page.draft_saved_at = timezone.now()
    page.save(update_fields=[*DRAFT_FIELDS, "draft_saved_at"])
    return page


@transaction.atomic
def page_draft_publish(*, page: Page) -> Page:
    """Put the draft live and clear it; the save gives the content a new version on commit, so
    every kept page is renewed (core.freshness). Without a draft nothing changes."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    if not page.has_draft:
        return page
    for name in PAGE_CONTENT_FIELDS:
        setattr(page, name, getattr(page, f"draft_{name}"))
    _clear_draft(page)
    page.save()
    return page


@transaction.atomic
def page_draft_discard(*, page: Page) -> Page:
    """Drop the draft; the live page stays as it is."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    if page.has_draft:
        _clear_draft(page)
        page.save(update_fields=[*DRAFT_FIELDS, "draft_saved_at"])
    return page


def _clear_draft(page: Page) -> None:
    for name in DRAFT_FIELDS:
        setattr(page, name, "")
    page.draft_saved_at = None
