"""The periodic jobs of ``settings.SCHEDULE``: the worker asks every minute which are due and
queues each once per period (hour, day, ISO week in Berlin time), however many workers ask.

The claim is the task's own row: its id is derived from the job and the period, so a second
worker's attempt to queue the same run fails on the primary key."""

import contextvars
import logging
import time
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

PERIODS = {"hourly": "%Y-%m-%dT%H", "daily": "%Y-%m-%d", "weekly": "%G-W%V"}
NAMESPACE = uuid.UUID("5f0c7a52-3f7e-4d7b-9a59-6f2d1c0de5a1")
_next_id: contextvars.ContextVar[uuid.UUID | None] = contextvars.ContextVar("next_id", default=None)


def task_id() -> uuid.UUID:
    """The id of the next queued task (TASKS' ``id_function``): a random one, unless a
    scheduled run sets it."""
    return _next_id.get() or uuid.uuid4()


@contextmanager
def _queued_as(run_id: uuid.UUID):
    token = _next_id.set(run_id)
    try:
        yield
    finally:
        _next_id.reset(token)


@task
def job_run(path: str) -> None:
    """Run one job of the schedule."""
    import_string(path)()


def schedule_enqueue(*, now=None) -> list[str]:
    """Queue every job whose current period has not been queued yet; return their paths."""
    now = timezone.localtime(now)
    queued = []
    for path, period in settings.SCHEDULE.items():
        if period not in PERIODS:
            raise ValueError(f"SCHEDULE[{path!r}]: unbekannter Rhythmus {period!r}")
        run_id = uuid.uuid5(NAMESPACE, f"{path}@{now.strftime(PERIODS[period])}")
        try:
            with transaction.atomic(), _queued_as(run_id):
                job_run.enqueue(path)
        except IntegrityError:
            continue  # queued already in this period, by this worker or another one
        queued.append(path)
    return queued


def schedule_loop(*, interval: float = 60) -> None:
    """Queue due jobs every ``interval`` seconds, forever (a thread of the worker)."""
    while True:
        try:
            for path in schedule_enqueue():
                logger.info("Regelmäßige Aufgabe eingereiht: %s", path)
        except Exception:
            logger.exception("Regelmäßige Aufgaben konnten nicht eingereiht werden.")
        finally:
            close_old_connections()
        time.sleep(interval)
