from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class CoreConfig(AppConfig):
    default = True
    name = "core"
    verbose_name = "Bausteine"

    def ready(self):
        from core import freshness

        freshness.connect()


class QueueConfig(TasksAppConfig):
    """django-tasks-db, the task queue in PostgreSQL, under a German name in the admin."""

    verbose_name = _("Warteschlange")
