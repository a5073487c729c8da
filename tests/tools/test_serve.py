"""`make serve`'s environment: production settings on this machine (the run itself is what
`make drill` exercises)."""

import subprocess
import sys

from tools import serve


def test_make_serve_runs_the_production_settings_on_loopback(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@/defus?host=/tmp/x")
    env = serve.production_env(8123)
    assert "DJANGO_DEBUG" not in env
    assert env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1,localhost"
    assert env["DJANGO_SITE_URL"] == "http://127.0.0.1:8123"
    assert env["DJANGO_SECURE_SSL_REDIRECT"] == "0"
    assert env["DJANGO_SERVE_MEDIA"] == "1"
    assert env["EMAIL_URL"] == "console:"
    assert len(env["DJANGO_SECRET_KEY"]) >= 50
    assert serve.production_env(8123)["DJANGO_SECRET_KEY"] != env["DJANGO_SECRET_KEY"]


def test_make_serve_keeps_a_given_mail_server_and_key(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp://mail.defus.example:587")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "s" * 60)
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@/defus?host=/tmp/x")
    env = serve.production_env(8000)
    assert env["EMAIL_URL"] == "smtp://mail.defus.example:587"
    assert env["DJANGO_SECRET_KEY"] == "s" * 60


def test_the_settings_of_make_serve_load_with_debug_off(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@/defus?host=/tmp/x")
    env = serve.production_env(8000)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings;"
         "print(settings.DEBUG, settings.SERVE_MEDIA, settings.SECURE_SSL_REDIRECT)"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.split() == ["False", "True", "False"], result.stderr


def test_make_serve_has_a_hook_for_the_task_worker():
    makefile = (serve.BASE_DIR / "Makefile").read_text()
    assert "WORKER_CMD ?=" in makefile
    assert "WORKER_CMD='$(WORKER_CMD)' $(PY) -m tools.serve" in makefile
