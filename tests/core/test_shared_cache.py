"""Login limits, used one-time codes and form throttles live in the shared cache (PostgreSQL,
or Redis with REDIS_URL), so they hold across processes: a lock counted by one gunicorn
worker is a lock in every other."""

import os
import re
import subprocess
import sys
import textwrap

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tests.factories import PASSWORD, UserFactory

CHILD = textwrap.dedent(
    """
    import sys
    import django
    django.setup()
    from django.conf import settings
    from django.test import Client
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    email, password, ip = sys.argv[1:4]
    client = Client(REMOTE_ADDR=ip)
    for _ in range(3):
        client.post("/konto/login/", {"login": email, "password": "falsch-falsch"})
    response = client.post("/konto/login/", {"login": email, "password": password})
    print(response.status_code, "Zu viele gescheiterte" in response.text,
          "_auth_user_id" in client.session)
    """
)


def test_database_cache_by_default_redis_with_redis_url_and_the_proxy_count_from_env():
    code = (
        "from defus import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )

    def settings_with(**env):
        environment = {**os.environ, "DJANGO_DEBUG": "1", **env}
        environment.pop("REDIS_URL", None) if "REDIS_URL" not in env else None
        result = subprocess.run(
            [sys.executable, "-c", code], env=environment, capture_output=True, text=True
        )
        return result.stdout.split()

    assert settings_with() == ["django.core.cache.backends.db.DatabaseCache", "0"]
    assert settings_with(REDIS_URL="redis://cache:6379/0", DJANGO_TRUSTED_PROXY_COUNT="1") == [
        "django.core.cache.backends.redis.RedisCache",
        "1",
    ]


@pytest.mark.django_db
def test_the_cache_table_comes_with_migrate():
    cache.set("probe", "gemeinsam", 30)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM defus_cache WHERE cache_key LIKE '%%probe'")
        assert cursor.fetchone()[0] == 1
    assert cache.get("probe") == "gemeinsam"


def child_database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    if str(db["HOST"]).startswith("/"):
        return f"postgresql://{auth}@/{db['NAME']}?host={db['HOST']}"
    return f"postgresql://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_six_failed_logins_over_two_processes_lock_the_account_until_the_lock_expires():
    user = UserFactory(email="gesperrt@stadt.example")
    here = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(3):
        response = here.post("/konto/login/", {"login": user.email, "password": "falsch-falsch"})
        assert "Zu viele gescheiterte" not in response.text

    # Another process (another gunicorn worker) with its own cache client, from another address.
    other = subprocess.run(
        [sys.executable, "-c", CHILD, user.email, PASSWORD, "192.0.2.2"],
        env={**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": child_database_url()},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert other.stdout.split()[-3:] == ["200", "True", "False"], other.stderr[-2000:]

    # Back in this process: the right password is refused too …
    response = here.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert "Zu viele gescheiterte" in response.text
    assert "_auth_user_id" not in here.session

    # … until the lock expires (five minutes, here moved into the past).
    with connection.cursor() as cursor:
        cursor.execute("UPDATE defus_cache SET expires = now() - interval '1 second'")
    response = here.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert here.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_used_authenticator_code_is_refused_on_another_worker(staff_user):
    """The used code is kept in the shared table, which every worker reads."""
    from tests.members.test_accounts import current_totp_code

    first, second = Client(), Client()
    for client in (first, second):
        response = client.post("/konto/login/", {"login": staff_user.email, "password": PASSWORD})
        assert response["Location"] == "/konto/2fa/authenticate/"
    code = current_totp_code()
    answer = first.post("/konto/2fa/authenticate/", {"code": code})
    assert answer.status_code == 302, re.findall(r"errorlist.*", answer.text)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM defus_cache WHERE cache_key LIKE %s", ["%totp%"])
        assert cursor.fetchone()[0] == 1
    response = second.post("/konto/2fa/authenticate/", {"code": code})
    assert response.status_code == 200
    assert "Falscher Code" in response.text
    assert "_auth_user_id" not in second.session
