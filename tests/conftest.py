import datetime
import importlib
import os

import pytest
from asgiref.local import Local
from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.cache import caches
from django.test import override_settings

from core import freshness
from members.services import office_group_sync
from pages.models import Office
from tests.factories import MemberFactory, UserFactory

pytest_plugins = ["tests.browser"]


def pytest_configure(config):
    from tools import devdb

    devdb.database_settings()  # the embedded server, when no DATABASE_URL is given


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Hashing is deliberately slow; tests log in hundreds of times. Through
    override_settings, so that Django forgets the hashers it may have loaded already (setting
    the attribute alone left the slow default in use until some test changed the setting,
    after which the factories' hash no longer matched)."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
QUEUED_TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "OPTIONS": {"id_function": "core.schedule.task_id"},
    }
}


def tasks_configure(config: dict) -> None:
    """Switch django.tasks to ``config``; its handler caches the backends otherwise."""
    from django.conf import settings
    from django.tasks import task_backends

    settings.TASKS = config
    task_backends._settings = None
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture(autouse=True, scope="session")
def immediate_tasks():
    """Tests run queued tasks at once (mail then lands in ``mailoutbox`` after the commit);
    ``task_queue`` puts them into the database queue instead, as in production."""
    tasks_configure(IMMEDIATE_TASKS)


@pytest.fixture
def task_queue(db):
    """The real queue in PostgreSQL; ``tests.conftest.worker_run()`` works it off in-process."""
    tasks_configure(QUEUED_TASKS)
    yield
    tasks_configure(IMMEDIATE_TASKS)


def worker_run() -> int:
    """Run every task that is due now, as the worker's loop does (`manage.py worker`, without
    its connection handling, which would close the test's transaction); return how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    while (task_result := DBTaskResult.objects.ready().get_locked()) is not None:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
    return worker._run_tasks


# Playwright's sync API runs an event loop in the test thread; the ORM calls of the tests
# themselves are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Rate limits and used one-time codes live in the cache: every test starts without.
    The shared cache is a database table, so only tests with the database can touch it."""
    marker = request.node.get_closest_marker("django_db")
    aliases = ["pages", "fragments"]
    if marker or {"db", "transactional_db"} & set(request.fixturenames):
        transactional = "transactional_db" in request.fixturenames or (
            marker is not None and marker.kwargs.get("transaction")
        )
        request.getfixturevalue("transactional_db" if transactional else "db")
        aliases.append("default")
    for alias in aliases:
        caches[alias].clear()
    if "default" in aliases:
        # A running site has a content version, and the frame's office address for it in
        # a per-process cache that it fills once a minute; warm, as there, so pinned query
        # counts count the request only.
        freshness.current_version()
        Office.objects.current()
    yield
    # The shared cache is a table: what a test wrote there goes with its transaction (or is
    # cleared before the next test); clearing it here would fail after a failed query.
    caches["pages"].clear()
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def page_view_counter():
    """The page-view counter of this process starts empty and writes only when a test asks
    (``counter.flush()``), so no test's query count depends on when the last batch left."""
    from visits.counter import counter

    seconds, size = counter.seconds, counter.size
    counter.seconds, counter.size = float("inf"), 10**9
    counter.clear()
    yield counter
    counter.clear()
    counter.seconds, counter.size = seconds, size


@pytest.fixture
def member(db):
    return MemberFactory(name="Essen", designation="Stadt Essen", slug="essen", state="NW")


@pytest.fixture
def member_user(member):
    return UserFactory(email="mitglied@stadt.example", member=member)


@pytest.fixture
def former_member_user(db):
    former = MemberFactory(
        name="Altstadt",
        designation="Stadt Altstadt",
        slug="altstadt",
        joined_on=datetime.date(2012, 1, 1),
        left_on=datetime.date(2020, 1, 1),
    )
    return UserFactory(email="ehemals@altstadt.example", member=former)


@pytest.fixture
def staff_user(db):
    """Office staff: in the office group, not superuser, with an authenticator app (the
    factory activates one for staff)."""
    user = UserFactory(email="buero@defus.example", member=None, is_staff=True)
    user.groups.add(office_group_sync())
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@defus.example", member=None, is_staff=True, is_superuser=True)


@pytest.fixture
def staff_without_second_factor(db):
    """Office staff who has not activated an authenticator app yet: until then the account
    counts as an anonymous visitor everywhere except for setting the app up."""
    user = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
    user.groups.add(office_group_sync())
    return user


USERS = {
    "member": "member_user",
    "former_member": "former_member_user",
    "staff": "staff_user",
    "staff_without_second_factor": "staff_without_second_factor",
}


def client_as(request, client, kind: str):
    """``client`` logged in as ``kind``; ``client.has_access`` says whether members' content
    is theirs to see, ``client.anonymous`` whether they count as an anonymous visitor."""
    client.user = AnonymousUser()
    if kind != "anonymous":
        client.user = request.getfixturevalue(USERS[kind])
        client.force_login(client.user)
    client.kind = kind
    client.has_access = kind in ("member", "staff")
    client.anonymous = kind in ("anonymous", "staff_without_second_factor")
    return client


@pytest.fixture(params=["anonymous", "member", "staff", "staff_without_second_factor"])
def visitor(request, client):
    """The same request as an anonymous visitor, a member, office staff, and office staff
    without a second factor (who must get what an anonymous visitor gets)."""
    return client_as(request, client, request.param)


def permission(codename: str) -> Permission:
    return Permission.objects.get(codename=codename)


@pytest.fixture(autouse=True)
def protected_media_root(request, settings, tmp_path):
    """Documents uploaded by tests land in a temporary folder, never in var/protected; tests
    on the demo portal use the folder its documents were loaded into."""
    if "demo" in request.fixturenames:
        settings.PROTECTED_MEDIA_ROOT = request.getfixturevalue("demo")
    else:
        settings.PROTECTED_MEDIA_ROOT = tmp_path / "geschuetzt"
    return settings.PROTECTED_MEDIA_ROOT


def standing_content_create() -> None:
    """The pages and Themenschwerpunkte the data migrations create; transactional tests flush
    them, so tests that need them after such a test call this (idempotent)."""
    for app, migration, function in [
        ("pages", "0002_standing_pages", "create_pages"),
        ("pages", "0004_datenschutz_registrations", "add_registrations"),
        ("pages", "0008_office_row", "create_office"),
        ("visits", "0002_datenschutz", "add_counting"),
        ("themes", "0002_focus_areas", "create_themes"),
    ]:
        module = importlib.import_module(f"{app}.migrations.{migration}")
        getattr(module, function)(django_apps, None)
