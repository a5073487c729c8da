"""Every e-mail goes through the task queue: serialised after the commit, delivered by the
worker, retried after 1, 5, 15 and 60 minutes, then left as failed for the office to see."""

import datetime
import json
import logging
import socket

import pytest
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.mail import QueuedAdminEmailHandler, mail_send, message_dump, message_load
from tests.conftest import worker_run

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_mail_server(settings):
    """EMAIL_URL pointing at a closed port."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 2},
        }
    }


def invitation_with_calendar() -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject="Einladung: Mitgliederversammlung am 16.09.2025 in Hannover",
        body="Liebe Mitglieder, anbei die Einladung.",
        to=["essen@stadt.example"],
        cc=["buero@defus.example"],
        bcc=["archiv@defus.example"],
        reply_to=["team@defus.de"],
        headers={"X-DEFUS": "Versammlung"},
    )
    message.attach_alternative("<p>Liebe Mitglieder, anbei die Einladung.</p>", "text/html")
    message.attach("termin.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.attach("tagesordnung.pdf", b"%PDF-1.7\x00\xff", "application/pdf")
    return message


def test_a_message_survives_the_queue_arguments_whole():
    original = invitation_with_calendar()
    copy = message_load(json.loads(json.dumps(message_dump(original))))
    assert copy.subject == original.subject and copy.body == original.body
    assert (copy.to, copy.cc, copy.bcc, copy.reply_to) == (
        original.to, original.cc, original.bcc, original.reply_to,
    )  # fmt: skip
    assert copy.from_email == original.from_email
    assert copy.extra_headers == {"X-DEFUS": "Versammlung"}
    assert list(copy.alternatives) == list(original.alternatives)
    assert [tuple(a) for a in copy.attachments] == [tuple(a) for a in original.attachments]


def test_mail_is_queued_after_the_commit_and_the_worker_delivers_it(
    task_queue, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        mail_send(invitation_with_calendar())
        assert not DBTaskResult.objects.exists()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "core.mail.mail_deliver" and queued.status == "READY"
    assert mailoutbox == []

    assert worker_run() == 1
    assert len(mailoutbox) == 1
    sent = mailoutbox[0]
    assert sent.to == ["essen@stadt.example"] and sent.bcc == ["archiv@defus.example"]
    assert [a.filename for a in sent.attachments] == ["termin.ics", "tagesordnung.pdf"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_nothing_is_queued_for_a_rolled_back_change(task_queue, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail_send(EmailMessage("Test", "Text", to=["a@stadt.example"]))
        raise RuntimeError
    assert not DBTaskResult.objects.exists()


def due_now():
    """Let the clock run to the next attempt."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_failed_delivery_is_retried_later_and_goes_out_when_the_server_is_back(
    task_queue, dead_mail_server, settings, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail_send(EmailMessage("Barriere gemeldet", "Text", to=["defus@defus.org"]))
    assert worker_run() == 1
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "ConnectionRefusedError" in failed.traceback
    retry = DBTaskResult.objects.get(status="READY")
    wait = retry.run_after - failed.finished_at
    assert datetime.timedelta(seconds=55) < wait < datetime.timedelta(seconds=65)
    assert worker_run() == 0  # not due yet

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    due_now()
    assert worker_run() == 1
    assert [message.subject for message in mailoutbox] == ["Barriere gemeldet"]
    assert DBTaskResult.objects.get(status="SUCCESSFUL").args_kwargs["kwargs"] == {"attempt": 2}


def test_after_the_last_retry_the_mail_stays_failed_and_is_logged(
    task_queue, dead_mail_server, caplog, settings, django_capture_on_commit_callbacks
):
    assert settings.MAIL_RETRY_SECONDS == [60, 300, 900, 3600]
    with django_capture_on_commit_callbacks(execute=True):
        mail_send(EmailMessage("Einladung", "Text", to=["essen@stadt.example"]))
    waits = []
    for _attempt in range(len(settings.MAIL_RETRY_SECONDS) + 1):
        due_now()
        with caplog.at_level(logging.WARNING, logger="core.mail"):
            assert worker_run() == 1
        if retry := DBTaskResult.objects.filter(status="READY").first():
            waits.append(round((retry.run_after - timezone.now()).total_seconds() / 60))
    assert waits == [1, 5, 15, 60]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 5
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert "nach 5 Versuchen nicht zugestellt" in caplog.text


def test_server_errors_reach_the_admins_through_the_queue(
    task_queue, settings, django_capture_on_commit_callbacks
):
    settings.ADMINS = ["technik@defus.example"]
    record = logging.makeLogRecord(
        {"name": "django.request", "levelno": logging.ERROR, "levelname": "ERROR",
         "msg": "Internal Server Error: /termine/"}
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        QueuedAdminEmailHandler().emit(record)
    queued = DBTaskResult.objects.get()
    message = queued.args_kwargs["args"][0]
    assert message["to"] == ["technik@defus.example"]
    assert "Internal Server Error: /termine/" in message["subject"]


def test_the_office_sees_the_queue_in_german(
    staff_user, client, task_queue, dead_mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail_send(EmailMessage("Einladung", "Text", to=["essen@stadt.example"]))
    worker_run()
    client.force_login(staff_user)
    response = client.get("/verwaltung/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert response.status_code == 200
    assert "E-Mail „Einladung“ an essen@stadt.example" in response.text
    assert "Fehlgeschlagen" in response.text and "Wartet" in response.text


def test_errors_go_to_the_office_unless_admins_are_named_and_the_500_page_says_so():
    import os
    import subprocess
    import sys

    code = "from defus import settings as s; print(','.join(s.ADMINS))"
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    env.pop("DJANGO_ADMINS", None)
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "defus@defus.org"
    env["DJANGO_ADMINS"] = "technik@defus.example, buero@defus.example"
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "technik@defus.example,buero@defus.example"

    from django.template.loader import render_to_string

    assert "die Geschäftsstelle bekommt eine E-Mail dazu" in render_to_string("500.html")
