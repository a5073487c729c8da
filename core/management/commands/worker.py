import logging
import threading
import time

from django.db import OperationalError, close_old_connections
from django_tasks_db.management.commands import db_worker

from core.schedule import schedule_loop

logger = logging.getLogger("core.worker")

# Seconds to wait for the database to come back before the worker looks again.
DATABASE_RETRY_SECONDS = 5


class Command(db_worker.Command):
    help = (
        "Arbeitet die Warteschlange ab (E-Mails, regelmäßige Aufgaben) und reiht die "
        "regelmäßigen Aufgaben aus settings.SCHEDULE ein, wenn sie fällig sind."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Reloading would leave a child process behind when `make run` stops the worker.
        parser.set_defaults(reload=False)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Keine regelmäßigen Aufgaben einreihen, nur die Warteschlange abarbeiten.",
        )

    def handle(self, *args, schedule=True, **options):
        if schedule and not options.get("batch"):
            threading.Thread(target=schedule_loop, name="schedule", daemon=True).start()
        while True:
            try:
                return super().handle(*args, **options)
            except OperationalError as error:
                # The database is away (restart, outage): wait for it instead of dying.
                logger.warning(
                    "Datenbank nicht erreichbar, neuer Versuch in %d s: %s",
                    DATABASE_RETRY_SECONDS,
                    str(error).splitlines()[0] if str(error) else error.__class__.__name__,
                )
                close_old_connections()
                time.sleep(DATABASE_RETRY_SECONDS)
