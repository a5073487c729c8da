"""The Jahresbericht as PDF, with WeasyPrint: the standard HTML-to-PDF renderer for Django,
which understands print CSS (page counters, ``target-counter`` for the table of contents).

Fonts are DejaVu from Debian's fonts-dejavu-core, found by fontconfig on this machine: no
request leaves it. The logo is inlined, and the URL fetcher takes nothing but ``data:``
addresses, so WeasyPrint fetches nothing either.

The first PDF in a process pays for loading WeasyPrint, Pango, fontconfig's font list, the
fonts, the user agent's stylesheets and fontTools (about 3.5 s on the development machine).
``warm_up_in_background()`` pays that in a thread right after a gunicorn worker starts (see
gunicorn.conf.py), so the office's first PDF costs what every later one costs."""

import base64
import logging
import threading
import time
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from activities.report import Group, Line, Report, ReportSection

logger = logging.getLogger(__name__)

LOGO = Path(settings.BASE_DIR) / "static" / "img" / "defus-logo.svg"

# One rendering at a time per process: the warm-up thread and a request may meet, and
# WeasyPrint does not promise that two renderings in threads of one process are safe.
_rendering = threading.Lock()
_fetcher = None


def _url_fetcher():
    """WeasyPrint's fetcher, made once: each new one loads the system's certificates for HTTPS
    (0.09 s a PDF), which a report never needs. Only ``data:`` addresses: nothing is fetched."""
    global _fetcher
    if _fetcher is None:
        from weasyprint import URLFetcher

        _fetcher = URLFetcher(allowed_protocols={"data"})
    return _fetcher


def report_pdf(report, *, base_url: str) -> bytes:
    from weasyprint import HTML  # loads Pango; only the PDF needs it

    logo = "data:image/svg+xml;base64," + base64.b64encode(LOGO.read_bytes()).decode()
    html = render_to_string("activities/annual_report_print.html", {"report": report, "logo": logo})
    with _rendering:
        return HTML(string=html, base_url=base_url, url_fetcher=_url_fetcher()).write_pdf()


def warm_up() -> None:
    """Render a small report with the real template, without the database: every font style
    the report uses (regular, bold, the cover's sizes), the table of contents and the logo."""
    line = Line(text="Sitzung des Vorstands", when="16.09.2024", url="/verwaltung/", note="Notiz")
    section = ReportSection(
        key="vorbereitung",
        title="Vorbereitung",
        intro="Die Geschäftsstelle bereitet den Jahresbericht vor.",
        sentence="Städte helfen Städten.",
        lines=[line],
        groups=[Group(title="Gruppe", lines=[line], text="Text", url="/verwaltung/")],
    )
    report_pdf(Report(year=2024, record=None, sections=[section]), base_url="http://localhost/")


def _warm_up_quietly() -> None:
    started = time.perf_counter()
    try:
        warm_up()
        logger.info("WeasyPrint vorab geladen (%.1f s).", time.perf_counter() - started)
    except Exception:  # a missing library must not stop the worker; the first PDF will say it
        logger.warning("WeasyPrint ließ sich nicht vorab laden.", exc_info=True)


def warm_up_in_background() -> threading.Thread:
    """Start the warm-up in a daemon thread and return at once: the worker takes requests
    meanwhile, and a PDF requested during the warm-up waits for it (it would pay as much)."""
    thread = threading.Thread(target=_warm_up_quietly, name="pdf-warm-up", daemon=True)
    thread.start()
    return thread
