import datetime
from collections.abc import Iterable, Sequence
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.access import has_member_access
from core.mail import mail_send
from inquiries.models import Answer, AnswerAttachment, Inquiry, validate_answer_attachment
from members.models import ContactPerson, Member, User

MAX_ATTACHMENTS_PER_ANSWER = 5


def inquiry_recipients(members=None, *, exclude: Member | None = None) -> list[str]:
    """The addresses of the contact persons and active users of ``members`` (every active
    member if not given), except those of ``exclude``, each once."""
    members = Member.objects.active() if members is None else members
    if exclude is not None:
        members = members.exclude(pk=exclude.pk)
    addresses = [
        *ContactPerson.objects.filter(member__in=members)
        .exclude(email="")
        .values_list("email", flat=True),
        *User.objects.filter(member__in=members, is_active=True).values_list("email", flat=True),
    ]
    return sorted({address.strip().lower() for address in addresses if address.strip()})


@transaction.atomic
def inquiry_ask(
    *,
    user: User,
    member: Member | None,
    title: str,
    context: str,
    deadline: datetime.date,
    request: HttpRequest | None = None,
) -> Inquiry:
    """Ask the network: create the Abfrage and, once it is committed, send every other active
    member's contact persons and users one e-mail each with the link; the asker gets a copy
    that says so."""
    if not has_member_access(user):
        raise ValidationError(_("Nur Mitglieder und die Geschäftsstelle können Abfragen stellen."))
    if member != user.member and not user.is_staff:
        raise ValidationError(_("Sie können nur für Ihr eigenes Mitglied fragen."))
    Inquiry.validate_new_deadline(deadline)
    inquiry = Inquiry.objects.create(
        title=title, context=context, deadline=deadline, asked_by_member=member, asked_by=user
    )
    link = inquiry_link(inquiry, request)
    recipients = inquiry_recipients(exclude=member)
    subject = _("DEFUS-Abfrage: %(title)s") % {"title": one_line(title)}
    body = render_to_string("inquiries/inquiry_email.txt", {"inquiry": inquiry, "link": link})
    messages = [EmailMessage(subject, body, to=[address]) for address in recipients]
    if user.email and user.email.lower() not in recipients:
        copy = render_to_string(
            "inquiries/inquiry_copy_email.txt",
            {"inquiry": inquiry, "link": link, "count": len(recipients)},
        )
        messages.append(
            EmailMessage(_("Kopie: %(subject)s") % {"subject": subject}, copy, to=[user.email])
        )
    mail_send(*messages)
    return inquiry


def one_line(text: str) -> str:
    return " ".join(text.split())


def inquiry_link(inquiry: Inquiry, request: HttpRequest | None = None) -> str:
    path = inquiry.get_absolute_url()
    return request.build_absolute_uri(path) if request else f"{settings.SITE_URL}{path}"


def inquiry_asker_addresses(inquiry: Inquiry) -> list[str]:
    asker = inquiry.asked_by
    return [asker.email] if asker and asker.is_active and asker.email else []


def answers_notify(*, answers: Sequence[Answer], request: HttpRequest | None = None) -> int:
    """Mail the asker of each Abfrage its new answers (one e-mail per Abfrage) and mark them
    notified. Returns the number of e-mails."""
    by_inquiry: dict[int, list[Answer]] = {}
    for answer in answers:
        by_inquiry.setdefault(answer.inquiry_id, []).append(answer)
    messages = []
    for group in by_inquiry.values():
        inquiry = group[0].inquiry
        to = inquiry_asker_addresses(inquiry)
        if to:
            subject = ngettext(
                "Neue Antwort auf Ihre Abfrage: %(title)s",
                "%(count)s neue Antworten auf Ihre Abfrage: %(title)s",
                len(group),
            ) % {"count": len(group), "title": one_line(inquiry.title)}
            body = render_to_string(
                "inquiries/answer_email.txt",
                {"inquiry": inquiry, "answers": group, "link": inquiry_link(inquiry, request)},
            )
            messages.append(EmailMessage(subject, body, to=to))
    Answer.objects.filter(pk__in=[answer.pk for answer in answers]).update(
        asker_notified_at=timezone.now()
    )
    mail_send(*messages)
    return len(messages)


@transaction.atomic
def answer_save(
    *,
    inquiry: Inquiry,
    user: User,
    text: str,
    files: Sequence[UploadedFile] = (),
    remove_attachments: Iterable[int] = (),
) -> Answer:
    """Create or update the answer of the user's member, until the deadline (inclusive).

    The Abfrage is locked, so two people of the same member saving at once end up with one
    answer, not two.
    """
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if refusal := inquiry.answer_refusal(user):
        raise ValidationError(refusal)
    member = user.member
    for file in files:
        validate_answer_attachment(file)
    answer = Answer.objects.select_for_update().filter(inquiry=inquiry, member=member).first()
    removed = list(answer.attachments.filter(pk__in=list(remove_attachments))) if answer else []
    kept = answer.attachments.count() - len(removed) if answer else 0
    if kept + len(files) > MAX_ATTACHMENTS_PER_ANSWER:
        raise ValidationError(
            _("Eine Antwort hat höchstens %(count)s Anhänge.")
            % {"count": MAX_ATTACHMENTS_PER_ANSWER}
        )
    if answer is None:
        answer = Answer.objects.create(inquiry=inquiry, member=member, author=user, text=text)
        asker = inquiry.asked_by
        if asker is not None and not asker.answers_as_digest:
            answers_notify(answers=[answer])
    else:
        answer.text = text
        answer.author = user
        answer.updated_at = timezone.now()
        answer.save(update_fields=["text", "author", "updated_at"])
    storage = AnswerAttachment.file.field.storage
    for attachment in removed:
        attachment.delete()
        transaction.on_commit(partial(storage.delete, attachment.file.name))
    for file in files:
        AnswerAttachment.objects.create(
            answer=answer, file=file, name=file.name[:200], size=file.size
        )
    return answer
