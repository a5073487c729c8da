"""Production settings, health check and error pages, each in a process of its own where the
environment matters."""

import os
import subprocess
import sys

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 60 + "-production-secret-for-the-check",
    "DJANGO_ALLOWED_HOSTS": "defus.de,testserver",
    "DATABASE_URL": "postgres://defus@127.0.0.1:1/defus",
    "EMAIL_URL": "smtp://mailer:geheim@mail.defus.example:587",
    "DJANGO_SITE_URL": "https://defus.de",
}


def run(code: str, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "defus.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "missing",
    ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL", "DJANGO_SITE_URL"],
)
def test_production_refuses_to_start_without_its_settings(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Produktion braucht" in result.stderr


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run(
        "from django.core.management import call_command; import django; django.setup();"
        "call_command('check', deploy=True, fail_level='WARNING')",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_debug_is_off_unless_asked_for():
    result = run("from django.conf import settings; print(settings.DEBUG)", **PRODUCTION)
    assert result.stdout.strip() == "False"


def test_health_check_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok"


def test_health_check_answers_503_in_german_when_the_database_is_down():
    result = run(
        "import django; django.setup(); from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())",
        **PRODUCTION,
    )
    assert result.stdout.strip().splitlines()[-1] == "503 Datenbank nicht erreichbar", result.stderr


def test_strict_content_security_policy_is_sent(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_server_error_page_is_german():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in response.content.decode()


def test_csrf_failure_page_is_german(member_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member_user)
    response = client.post("/konto/logout/")
    assert response.status_code == 403
    assert "Das Formular ist abgelaufen" in response.text


def test_manage_py_refuses_a_configured_database_without_secret_key():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={**clean, "DATABASE_URL": PRODUCTION["DATABASE_URL"]},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Produktion braucht DJANGO_SECRET_KEY" in result.stderr


def test_production_wants_a_real_site_url():
    result = run("import django; django.setup()", **{**PRODUCTION, "DJANGO_SITE_URL": "defus.de"})
    assert "Produktion braucht DJANGO_SITE_URL" in result.stderr
    result = run(
        "from django.conf import settings; print(settings.SITE_URL)",
        **{**PRODUCTION, "DJANGO_SITE_URL": "https://defus.de/"},
    )
    assert result.stdout.strip() == "https://defus.de"
