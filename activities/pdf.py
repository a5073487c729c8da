"""The Jahresbericht as PDF, with WeasyPrint: the standard HTML-to-PDF renderer for Django,
which understands print CSS (page counters, ``target-counter`` for the table of contents).

Fonts are DejaVu from Debian's fonts-dejavu-core, found by fontconfig on this machine: no
request leaves it. The logo is inlined, so WeasyPrint fetches nothing either."""

import base64
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

LOGO = Path(settings.BASE_DIR) / "static" / "img" / "defus-logo.svg"


def report_pdf(report, *, base_url: str) -> bytes:
    from weasyprint import HTML  # loads Pango; only the PDF needs it

    logo = "data:image/svg+xml;base64," + base64.b64encode(LOGO.read_bytes()).decode()
    html = render_to_string("activities/annual_report_print.html", {"report": report, "logo": logo})
    return HTML(string=html, base_url=base_url).write_pdf()
