"""The pieces of `make drill` that are quick to prove here. The drill itself starts gunicorn,
the task worker and stops the database; it takes about 100 seconds, so it runs as `make drill`
and not in the suite."""

import os
import socket
import subprocess
import sys

from django.core.mail import EmailMessage, mailers

from tools import drill
from tools.smtpsink import SmtpSink


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_sink_receives_what_djangos_smtp_backend_sends(settings):
    sink = SmtpSink(free_port()).start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": sink.port, "use_tls": False, "timeout": 5},
        }
    }
    try:
        sent = mailers.default.send_messages(
            [
                EmailMessage("Barriere gemeldet", "Zeile\n.\nnoch eine", to=["a@stadt.example"]),
                EmailMessage("Kopie", "Ä ö ü ß", to=["b@stadt.example", "c@stadt.example"]),
            ]
        )
    finally:
        sink.stop()
    assert sent == 2
    assert [m.recipients for m in sink.messages] == [
        ["a@stadt.example"],
        ["b@stadt.example", "c@stadt.example"],
    ]
    assert b"Zeile\r\n.\r\nnoch eine" in sink.messages[0].data  # dot-stuffing undone


def test_mail_url_with_tls_0_speaks_plain_smtp_and_retries_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.MAILERS['default']['OPTIONS']['use_tls'], s.MAIL_RETRY_SECONDS)"
    )

    def settings_with(**env):
        environment = {
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "defus.settings",
        }
        environment.pop("DJANGO_MAIL_RETRY_SECONDS", None)
        result = subprocess.run(
            [sys.executable, "-c", code], env={**environment, **env}, capture_output=True,
            text=True, timeout=60,
        )  # fmt: skip
        return result.stdout.strip()

    assert settings_with(EMAIL_URL="smtp://mail.defus.example:587") == "True [60, 300, 900, 3600]"
    assert (
        settings_with(EMAIL_URL="smtp://127.0.0.1:2525?tls=0", DJANGO_MAIL_RETRY_SECONDS="2,3")
        == "False [2, 3]"
    )


def test_the_drill_checks_the_limits_the_issue_names():
    assert drill.RECOVERY_LIMIT == 10
    assert drill.LOCKED == "Zu viele gescheiterte Anmeldeversuche"
    assert (
        "WORKER_CMD='$(WORKER_CMD)' $(PY) -m tools.drill"
        in (drill.serve.BASE_DIR / "Makefile").read_text()
    )


def test_only_one_worker_takes_connections_while_the_others_are_paused():
    # A master with two children, as gunicorn's master with its workers.
    master = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys, time\n"
         "children = [subprocess.Popen(['sleep', '30']) for _ in range(2)]\n"
         "print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert master.stdout.readline().strip() == "ready"
        workers = drill.gunicorn_workers(master)
        assert len(workers) == 2

        with drill.only(workers[0], workers):
            assert drill.process_state(workers[0]) != "T"
            assert drill.process_state(workers[1]) == "T"  # stopped

        assert drill.process_state(workers[1]) != "T"
    finally:
        for pid in drill.gunicorn_workers(master):
            os.kill(pid, 9)
        master.kill()
        master.wait()
