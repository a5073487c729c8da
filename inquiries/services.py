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

from core.access import has_member_access
from core.mail import mail_send
from inquiries.models import Answer, AnswerAttachment, Inquiry, validate_answer_attachment
from members.models import ContactPerson, Member, User

MAX_ATTACHMENTS_PER_ANSWER = 5


def inquiry_recipients() -> list[str]:
    """The addresses of every active member's contact persons and active users, each once."""
    members = Member.objects.active()
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
    """Ask the network: create the Abfrage and, once it is committed, send every active
    member's contact persons and users one e-mail each with the link."""
    if not has_member_access(user):
        raise ValidationError(_("Nur Mitglieder und die Geschäftsstelle können Abfragen stellen."))
    if member != user.member and not user.is_staff:
        raise ValidationError(_("Sie können nur für Ihr eigenes Mitglied fragen."))
    Inquiry.validate_new_deadline(deadline)
    inquiry = Inquiry.objects.create(
        title=title, context=context, deadline=deadline, asked_by_member=member, asked_by=user
    )
    path = inquiry.get_absolute_url()
    link = request.build_absolute_uri(path) if request else f"{settings.SITE_URL}{path}"
    recipients = inquiry_recipients()
    subject = _("DEFUS-Abfrage: %(title)s") % {"title": " ".join(title.split())}
    body = render_to_string("inquiries/inquiry_email.txt", {"inquiry": inquiry, "link": link})
    messages = [EmailMessage(subject, body, to=[address]) for address in recipients]
    mail_send(*messages)
    return inquiry


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
