"""The Jahresbericht as PDF, with WeasyPrint: the standard HTML-to-PDF renderer for Django,
which understands print CSS (page counters, ``target-counter`` for the table of contents)."""

from django.template.loader import render_to_string


def report_pdf(report, *, base_url: str) -> bytes:
    from weasyprint import HTML  # loads Pango; only the PDF needs it

    html = render_to_string("activities/annual_report_print.html", {"report": report})
    return HTML(string=html, base_url=base_url).write_pdf()
