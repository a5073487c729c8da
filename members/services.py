import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from core.mail import mail_send
from members.models import User
from members.tokens import invitation_token_generator

OFFICE_GROUP = "Geschäftsstelle"
OFFICE_APPS = [
    "django_tasks_database",  # the queue: view only (failed e-mails)
    "members",
    "themes",
    "projects",
    "news",
    "events",
    "registrations",
    "documents",
    "knowledge",
    "inquiries",
    "activities",
    "pages",
    "visits",  # page views: read only in the admin
]


def office_group_sync() -> Group:
    """Create or update the office group: all content permissions, deleting a person's
    account included (DSGVO; their answers, entries and Abfragen stay with their member). The
    admin keeps passwords, permissions and superuser accounts from it."""
    group, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=OFFICE_APPS))
    return group


def user_invite(*, user: User, request: HttpRequest) -> None:
    """E-mail the person a link to set their password; it works once and expires after
    ``INVITATION_TIMEOUT`` seconds. Only for accounts that have no password yet and
    that give access to the member area."""
    if user.has_usable_password():
        raise ValidationError(
            _(
                "Keine Einladung an %(user)s: Das Konto hat bereits ein Passwort. "
                "Wer es vergessen hat, nutzt „Passwort vergessen?“ auf der Anmeldeseite."
            ),
            params={"user": user.email},
        )
    if not user.may_log_in:
        raise ValidationError(
            _(
                "Keine Einladung an %(user)s: Das Konto ist deaktiviert oder gehört zu "
                "keinem aktiven Mitglied."
            ),
            params={"user": user.email},
        )
    path = reverse(
        "accounts:invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "url": request.build_absolute_uri(path),
        "valid_until": timezone.now() + datetime.timedelta(seconds=settings.INVITATION_TIMEOUT),
    }
    mail_send(
        EmailMessage(
            subject=render_to_string("members/email/invitation_subject.txt", context).strip(),
            body=render_to_string("members/email/invitation_message.txt", context),
            to=[user.email],
        )
    )
