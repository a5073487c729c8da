"""settings.SCHEDULE: the worker queues each job once per period, however many workers ask."""

import datetime
import os
import subprocess
import sys
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.schedule import schedule_enqueue
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
