from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte aus ../shared/seeds/ (nur in der Entwicklung)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--migrate", action="store_true", help="Vorher die Datenbank migrieren (für make run)."
        )

    def handle(self, *args, **options):
        if not settings.DEVELOPMENT:
            raise CommandError(
                "Demo-Inhalte und Demo-Zugänge werden nur in der Entwicklung angelegt "
                "(DJANGO_DEBUG=1), nie in Produktion."
            )
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        load_demo()
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte geladen."))
