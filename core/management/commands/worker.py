import threading

from django_tasks_db.management.commands import db_worker

from core.schedule import schedule_loop


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
        super().handle(*args, **options)
