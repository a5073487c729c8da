"""The password reset request does the same work for every address: it queues one task, and
the worker looks the account up and sends allauth's mail. Neither the answer nor its time
tells whether an account exists."""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from tests.conftest import worker_run
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Neues-Passwort-fuer-Essen-2026"
KNOWN = "mitglied@stadt.example"
UNKNOWN = "niemand@stadt.example"


def reset_request(client, address, capture):
    with capture(execute=True):
        response = client.post("/konto/password/reset/", {"email": address})
    return response


def test_known_and_unknown_addresses_get_the_same_answer_and_one_queued_task_each(
    client, member_user, task_queue, mailoutbox, django_capture_on_commit_callbacks
):
    answers = []
    for address in [KNOWN, UNKNOWN]:
        before = set(DBTaskResult.objects.values_list("id", flat=True))
        response = reset_request(client, address, django_capture_on_commit_callbacks)
        queued = DBTaskResult.objects.exclude(id__in=before)
        assert [(t.task_path, t.args_kwargs["kwargs"], t.status) for t in queued] == [
            ("members.tasks.password_reset_send", {"email": address}, "READY")
        ]
        # No mail was made within the request: no mail template rendered, nothing sent.
        assert not [t.name for t in response.templates if t.name.startswith("account/email/")]
        page = client.get(response["Location"])
        answers.append((response.status_code, response["Location"], page.status_code))
    assert answers[0] == answers[1] == (302, "/konto/password/reset/done/", 200)
    assert mailoutbox == []


def test_the_worker_mails_a_working_link_to_the_known_address_only(
    client, member_user, task_queue, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portal.defus.example"
    for address in [KNOWN, UNKNOWN]:
        reset_request(client, address, django_capture_on_commit_callbacks)
    # Two lookups, then the one mail's delivery (mail_send queues it after the commit).
    with django_capture_on_commit_callbacks(execute=True):
        assert worker_run() == 2
    assert worker_run() == 1
    assert [mail.to for mail in mailoutbox] == [[KNOWN]]
    assert mailoutbox[0].subject == "[DEFUS] E-Mail zum Zurücksetzen des Passworts"
    link = re.search(r"https://portal\.defus\.example(/konto/password/reset/key/\S+/)",
                     mailoutbox[0].body)  # fmt: skip
    assert link, mailoutbox[0].body
    form_url = client.get(link.group(1))["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == "/konto/password/reset/key/done/"
    member_user.refresh_from_db()
    assert member_user.check_password(NEW_PASSWORD)
    assert client.login(email=KNOWN, password=NEW_PASSWORD)
    assert "Ungültiger Link" in client.get(link.group(1), follow=True).text  # works once


def test_deactivated_accounts_and_former_members_get_nothing(
    client, former_member_user, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="deaktiviert@stadt.example", is_active=False)
    for address in [former_member_user.email, "deaktiviert@stadt.example"]:
        response = reset_request(client, address, django_capture_on_commit_callbacks)
        assert response["Location"] == "/konto/password/reset/done/"
    assert mailoutbox == []


def test_office_staff_without_a_member_get_the_mail(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    reset_request(client, staff_user.email, django_capture_on_commit_callbacks)
    assert [mail.to for mail in mailoutbox] == [[staff_user.email]]


def test_allauths_limit_per_address_still_holds(client, member_user, task_queue):
    """allauth allows 5 requests per address in 5 minutes; the sixth is refused and queues
    nothing, known address or not."""
    for address in [KNOWN, UNKNOWN]:
        answers = [
            client.post("/konto/password/reset/", {"email": address}).status_code for _ in range(6)
        ]
        assert answers == [302] * 5 + [429]


def test_a_malformed_address_queues_nothing(client, task_queue):
    response = client.post("/konto/password/reset/", {"email": "kein-at-zeichen"})
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in response.text
    assert not DBTaskResult.objects.exists()


def test_the_request_never_looks_the_account_up(
    client, member_user, task_queue, django_capture_on_commit_callbacks
):
    """The same database work for both addresses, and none of it on the accounts: the time
    of the answer has nothing to depend on."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    tables = []
    for address in [KNOWN, UNKNOWN]:
        with CaptureQueriesContext(connection) as queries:
            reset_request(client, address, django_capture_on_commit_callbacks)
        tables.append([re.findall(r'(?:FROM|INTO|UPDATE) "(\w+)"', q["sql"]) for q in queries])
    assert tables[0] == tables[1]
    touched = {table for query in tables[0] for table in query}
    assert not touched & {"members_user", "account_emailaddress"}, touched
