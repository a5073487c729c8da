"""settings.SCHEDULE: the worker queues each job once per period, however many workers ask."""

import datetime
import os
import subprocess
import sys
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.schedule import job_run, schedule_enqueue
from tests.conftest import worker_run

pytestmark = pytest.mark.django_db

RUNS = []


def job_count():
    """A periodic job, as <app>/jobs.py would have one."""
    RUNS.append(timezone.now())


@pytest.fixture
def schedule(settings, task_queue):
    settings.SCHEDULE = {
        "tests.core.test_schedule.job_count": "hourly",
        "tests.core.test_schedule.job_count_daily": "daily",
    }
    RUNS.clear()


job_count_daily = job_count


def test_each_job_is_queued_once_per_period_and_the_worker_runs_it(schedule):
    now = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 15))
    assert sorted(schedule_enqueue(now=now)) == [
        "tests.core.test_schedule.job_count",
        "tests.core.test_schedule.job_count_daily",
    ]
    # A second worker in the same hour finds both claimed.
    assert schedule_enqueue(now=now + datetime.timedelta(minutes=44)) == []
    assert worker_run() == 2 and len(RUNS) == 2

    next_hour = now + datetime.timedelta(hours=1)
    assert schedule_enqueue(now=next_hour) == ["tests.core.test_schedule.job_count"]
    assert schedule_enqueue(now=next_hour) == []
    assert worker_run() == 1 and len(RUNS) == 3
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 3


def test_an_unknown_period_is_refused(settings, task_queue):
    settings.SCHEDULE = {"tests.core.test_schedule.job_count": "minütlich"}
    with pytest.raises(ValueError, match="unbekannter Rhythmus"):
        schedule_enqueue()


def test_the_worker_is_a_process_that_stops_cleanly_on_sigterm():
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--no-startup-delay", "--interval", "0.2"],
        env={**os.environ, "DJANGO_DEBUG": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        started = time.monotonic()
        line = ""
        while "Starting worker" not in line and time.monotonic() - started < 60:
            line = worker.stdout.readline()
            assert line, "the worker ended before it started"
        assert worker.poll() is None
    finally:
        worker.terminate()
    assert worker.wait(timeout=20) == 0


def test_queue_prune_deletes_only_what_succeeded_long_ago(task_queue):
    from core.jobs import queue_prune

    for _ in range(3):
        job_run.enqueue("tests.core.test_schedule.job_count")
    worker_run()
    old, recent, failed = DBTaskResult.objects.all()[:3]
    DBTaskResult.objects.filter(pk=old.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=31)
    )
    DBTaskResult.objects.filter(pk=failed.pk).update(
        status="FAILED", finished_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert queue_prune() == 1
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, failed.pk}


def test_the_queue_prunes_itself_daily(settings):
    assert settings.SCHEDULE["core.jobs.queue_prune"] == "daily"


def test_the_worker_waits_for_the_database_instead_of_dying():
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--no-startup-delay", "--no-schedule"],
        env={
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": "postgres://defus@127.0.0.1:1/defus",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        started = time.monotonic()
        lines = []
        while len([line for line in lines if "Datenbank nicht erreichbar" in line]) < 2:
            line = worker.stdout.readline()
            assert line and time.monotonic() - started < 60, "".join(lines)
            lines.append(line)
        assert worker.poll() is None
    finally:
        worker.terminate()
    assert worker.wait(timeout=20) == 0
