from django.conf import settings
from django.core.mail import EmailMessage

from core.mail import mail_send


def barrier_report_send(*, page: str, description: str, email: str = "") -> None:
    """E-mail a reported barrier to the office; a given address becomes the reply-to."""
    mail_send(
        EmailMessage(
            subject=f"Barriere gemeldet: {page[:80]}",
            body=f"Seite: {page}\n\nBeschreibung:\n{description}\n\nAntwort an: {email or '(keine Adresse angegeben)'}\n",
            to=[settings.OFFICE_EMAIL],
            reply_to=[email] if email else None,
        )
    )
