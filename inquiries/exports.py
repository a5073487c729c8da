"""All answers of Abfragen as a table, for the office writing the summary."""

import csv
import io

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from inquiries.models import Answer, AnswerAttachment

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def answer_rows(inquiries) -> list[list[str]]:
    """A header and one row per answer: Abfrage, member, person, dates, text, attachments.
    Three queries, however many answers."""
    answers = (
        Answer.objects.filter(inquiry__in=inquiries)
        .select_related("inquiry", "member", "author")
        .prefetch_related(Prefetch("attachments", queryset=AnswerAttachment.objects.order_by("pk")))
        .order_by("inquiry__created_at", "inquiry__pk", "member__name")
    )
    rows = [
        [
            _("Abfrage"),
            _("Mitglied"),
            _("Person"),
            _("E-Mail"),
            _("geantwortet am"),
            _("zuletzt geändert"),
            _("Antwort"),
            _("Anhänge"),
        ]
    ]
    for answer in answers:
        author = answer.author
        rows.append(
            [
                answer.inquiry.title,
                answer.member.designation,
                str(author) if author else "",
                author.email if author else "",
                timezone.localtime(answer.created_at).strftime("%d.%m.%Y %H:%M"),
                timezone.localtime(answer.updated_at).strftime("%d.%m.%Y %H:%M"),
                answer.text,
                ", ".join(attachment.name for attachment in answer.attachments.all()),
            ]
        )
    return rows


def _safe(value: str) -> str:
    """A cell a spreadsheet would run as a formula is kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def answers_csv(inquiries, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with umlauts only with the BOM
    writer = csv.writer(response, delimiter=";")
    for row in answer_rows(inquiries):
        writer.writerow([_safe(cell) for cell in row])
    return response


def answers_xlsx(inquiries, filename: str) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Antworten")
    for row in answer_rows(inquiries):
        sheet.append([_safe(cell) for cell in row])
    for column, width in zip("ABCDEFGH", [40, 30, 25, 30, 16, 16, 80, 40], strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
