"""A dead mail server changes nothing a visitor sees: no 500, no difference between known and
unknown addresses, no claim that mail went out."""

import datetime
import socket
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.conftest import worker_run
from tests.factories import ContactPersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_mail_server(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 2},
        }
    }


@pytest.mark.parametrize("queue", ["immediate", "database"])
def test_password_reset_answers_the_same_for_known_and_unknown_addresses(
    request, queue, client, dead_mail_server, django_capture_on_commit_callbacks
):
    if queue == "database":
        request.getfixturevalue("task_queue")
    UserFactory(email="bekannt@stadt.example")
    answers = []
    for address in ["bekannt@stadt.example", "niemand@stadt.example"]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/konto/password/reset/", {"email": address})
        page = client.get(response["Location"])
        answers.append((response.status_code, response["Location"], page.status_code))
    assert answers[0] == answers[1] == (302, "/konto/password/reset/done/", 200)
    if queue == "database":
        # Only queued, one task per address, known or not: the answer never waited for the
        # mail server, nor for the lookup of the account.
        assert DBTaskResult.objects.filter(status="READY").count() == 2
        # The worker then makes the one mail, whose delivery fails and waits for its retry.
        with django_capture_on_commit_callbacks(execute=True):
            assert worker_run() == 2
        assert worker_run() == 1
        delivery = DBTaskResult.objects.get(task_path="core.mail.mail_deliver", status="FAILED")
        assert delivery.args_kwargs["args"][0]["to"] == ["bekannt@stadt.example"]
        assert DBTaskResult.objects.filter(task_path="core.mail.mail_deliver", status="READY")


def test_password_reset_never_waits_for_a_silent_mail_server(
    task_queue, client, settings, django_capture_on_commit_callbacks
):
    """A server that accepts the connection and never answers would hold a synchronous send
    for its whole timeout (2 s); queued, known and unknown addresses take the same short time."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": silent.getsockname()[1], "timeout": 2},
            }
        }
        UserFactory(email="bekannt@stadt.example")
        for address in ["bekannt@stadt.example", "niemand@stadt.example"]:
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post("/konto/password/reset/", {"email": address})
            assert response.status_code == 302
            assert time.monotonic() - started < 1, address


def test_a_new_inquiry_says_the_mail_is_being_sent_not_that_it_was(
    client, member_user, dead_mail_server, django_capture_on_commit_callbacks
):
    ContactPersonFactory(member=member_user.member, email="kpr@essen.example")
    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mitgliederbereich/abfragen/neu/",
            {
                "title": "Alkoholkonsumverbote am Bahnhof",
                "context": "Welche Regeln gelten bei Ihnen?",
                "deadline": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
            },
        )
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    assert "Die E-Mail mit dem Link an alle Mitglieder wird verschickt." in page
    assert "erhalten eine E-Mail" not in page
