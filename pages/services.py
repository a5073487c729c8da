from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from core.mail import mail_send
from pages.models import BarrierReport


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
