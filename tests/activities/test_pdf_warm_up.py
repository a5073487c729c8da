"""The Jahresbericht PDF's warm-up in a gunicorn worker (gunicorn.conf.py's post_worker_init):
a thread that renders a small report with the real template, without the database."""

import logging
import runpy
import threading

import pytest
from django.conf import settings

from activities import pdf

GUNICORN_CONF = settings.BASE_DIR / "gunicorn.conf.py"


def warm_up_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "pdf-warm-up"]


def test_a_started_worker_loads_weasyprint_in_the_background_without_the_database(
    caplog, monkeypatch
):
    # No django_db mark: a query in the thread would fail and be logged as a warning.
    monkeypatch.delenv("DEFUS_PDF_WARM_UP", raising=False)
    hooks = runpy.run_path(str(GUNICORN_CONF))
    with caplog.at_level(logging.INFO, logger="activities.pdf"):
        hooks["post_worker_init"](None)
        threads = warm_up_threads()
        assert threads and all(thread.daemon for thread in threads)
        for thread in threads:
            thread.join(timeout=60)
    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith("WeasyPrint vorab geladen") for message in messages), messages
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_the_warm_up_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("DEFUS_PDF_WARM_UP", "0")
    runpy.run_path(str(GUNICORN_CONF))["post_worker_init"](None)
    assert not warm_up_threads()


def test_the_report_fetches_nothing_but_its_inlined_logo():
    fetcher = pdf._url_fetcher()
    assert fetcher is pdf._url_fetcher()  # made once per process
    with pytest.raises(ValueError):
        fetcher.fetch("https://www.defus.de/logo.svg")
