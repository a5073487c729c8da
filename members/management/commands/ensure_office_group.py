from django.core.management.base import BaseCommand

from members.services import OFFICE_GROUP, office_group_sync


class Command(BaseCommand):
    help = "Legt die Gruppe der Geschäftsstelle mit ihren Rechten an oder bringt sie auf Stand."

    def handle(self, *args, **options):
        group = office_group_sync()
        self.stdout.write(f"Gruppe „{OFFICE_GROUP}“: {group.permissions.count()} Rechte.")
