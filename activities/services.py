import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import AnnualReport
from activities.pdf import report_pdf
from activities.report import annual_report
from documents.models import Document


def annual_report_publish(*, year: int, base_url: str, today: datetime.date | None = None):
    """File the Jahresbericht of ``year`` as the public document "Jahresbericht <year>", with
    the figures of today. Publishing again replaces the file of the same document, so the
    publications page and every link to it keep showing one report per year."""
    today = today or timezone.localdate()
    pdf = report_pdf(annual_report(year), base_url=base_url)
    with transaction.atomic():
        record, _created = AnnualReport.objects.select_for_update().get_or_create(year=year)
        document = record.document or Document(title=_("Jahresbericht %(year)s") % {"year": year})
        document.kind = Document.Kind.DOCUMENTATION
        document.visibility = Document.Visibility.PUBLIC
        document.date = today
        document.description = _(
            "Der Jahresbericht %(year)s des Deutsch-Europäischen Forums für Urbane Sicherheit "
            "e.V., Zahlen mit Stand vom %(date)s."
        ) % {"year": year, "date": f"{today:%d.%m.%Y}"}
        if document.file:
            document.file.delete(save=False)
        document.file.save(f"DEFUS-Jahresbericht-{year}.pdf", ContentFile(pdf), save=False)
        document.save()
        record.document = document
        record.published_on = today
        record.save(update_fields=["document", "published_on"])
    return record
