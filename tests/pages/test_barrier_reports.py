"""'Barriere melden': stored before anything is mailed, read by the office in the admin,
throttled per IP address in the shared cache and guarded by a honeypot."""

import socket

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from pages.models import BarrierReport
from tests.conftest import worker_run

pytestmark = pytest.mark.django_db

URL = "/barrierefreiheit/melden/"
REPORT = {
    "page": "/termine/",
    "description": "Der Filter lässt sich mit der Tastatur nicht bedienen.",
    "email": "erika@stadt.example",
}


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


def test_a_report_is_stored_new_and_then_mailed(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, REPORT, follow=True)
    assert (
        "Ihre Meldung ist gespeichert und wird an die Geschäftsstelle verschickt" in response.text
    )
    report = BarrierReport.objects.get()
    assert (report.page, report.email, report.status) == (
        "/termine/", "erika@stadt.example", BarrierReport.Status.NEW,
    )  # fmt: skip
    (mail,) = mailoutbox
    assert f"/verwaltung/pages/barrierreport/{report.pk}/change/" in mail.body


@pytest.mark.parametrize("queue", ["immediate", "database"])
def test_with_the_mail_server_down_nothing_is_lost_and_nothing_fails(
    request, queue, client, dead_mail_server, settings, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    if queue == "database":
        request.getfixturevalue("task_queue")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, REPORT)
    assert response.status_code == 302
    assert BarrierReport.objects.filter(description=REPORT["description"]).exists()
    if queue == "database":
        assert worker_run() == 1  # the attempt fails, the next one waits
        assert DBTaskResult.objects.filter(status="READY").count() == 1
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        DBTaskResult.objects.filter(status="READY").update(run_after="2000-01-01T00:00Z")
        assert worker_run() == 1
        assert [mail.to for mail in mailoutbox] == [["defus@defus.org"]]


def test_a_filled_honeypot_is_thanked_and_dropped(client, mailoutbox):
    response = client.post(URL, {**REPORT, "website": "https://spam.example"}, follow=True)
    assert "Ihre Meldung ist gespeichert" in response.text
    assert not BarrierReport.objects.exists()
    assert not DBTaskResult.objects.exists() and mailoutbox == []


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    text = client.get(URL).text
    assert '<div class="hp" aria-hidden="true">' in text
    field = text[text.index('name="website"') - 200 : text.index('name="website"') + 200]
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


def test_six_reports_in_ten_minutes_from_one_address_get_a_429_that_keeps_the_text(client):
    for _ in range(5):
        assert client.post(URL, REPORT).status_code == 302
    response = client.post(URL, {**REPORT, "description": "Der sechste Text bleibt stehen."})
    assert response.status_code == 429
    assert "Bitte warten Sie zehn Minuten" in response.text
    assert "Der sechste Text bleibt stehen." in response.text
    assert BarrierReport.objects.count() == 5
    other = Client(REMOTE_ADDR="192.0.2.7")  # another address is not affected
    assert other.post(URL, REPORT).status_code == 302


def test_the_limit_counts_the_address_behind_the_trusted_proxy(settings, client):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for index in range(6):
        ip = f"198.51.100.{index}"
        response = client.post(URL, REPORT, HTTP_X_FORWARDED_FOR=ip)
        assert response.status_code == 302, ip


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("member", 302), ("staff", 200)])
def test_the_office_reads_the_reports_in_the_admin(client, member_user, staff_user, who, status):
    BarrierReport.objects.create(page="/termine/", description="Kontrast zu schwach")
    user = {"anonymous": None, "member": member_user, "staff": staff_user}[who]
    if user:
        client.force_login(user)
    response = client.get("/verwaltung/pages/barrierreport/?status__exact=neu")
    assert response.status_code == status
    if who == "staff":
        assert "Barriere-Meldungen" in response.text and "/termine/" in response.text
        assert "Stand" in response.text and "In Bearbeitung" in response.text


@pytest.mark.parametrize("forwarded", ["198.51.100.9", "kein-ip", ""])
def test_a_forwarded_header_that_does_not_fit_counts_the_connection_address(
    settings, client, forwarded
):
    """Two proxies are trusted, but the request came past them: no 500, no 403, and the
    limit holds for the connection's own address."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    statuses = [
        client.post(URL, REPORT, HTTP_X_FORWARDED_FOR=forwarded).status_code for _ in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    response = client.post(
        "/konto/login/",
        {"login": "a@stadt.example", "password": "x"},
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 200
