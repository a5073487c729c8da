"""The task queue in the admin, in German: the office sees which e-mails went out, which wait
for their next attempt and which failed for good."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult, get_date_max

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class QueueAdmin(DBTaskResultAdmin):
    list_display = ["what", "status", "attempt", "enqueued_at", "due", "finished_at"]
    list_filter = ["status"]
    date_hierarchy = "enqueued_at"

    @admin.display(description=_("Aufgabe"))
    def what(self, obj):
        args = obj.args_kwargs.get("args") or [None]
        if obj.task_path == "core.mail.mail_deliver" and isinstance(args[0], dict):
            message = args[0]
            return _("E-Mail „%(subject)s“ an %(to)s") % {
                "subject": message.get("subject", ""),
                "to": ", ".join(message.get("to", []) + message.get("cc", [])) or "–",
            }
        if obj.task_path == "core.schedule.job_run":
            return _("Regelmäßige Aufgabe %(job)s") % {"job": args[0]}
        return obj.task_path

    @admin.display(description=_("Versuch"))
    def attempt(self, obj):
        return obj.args_kwargs.get("kwargs", {}).get("attempt", 1)

    @admin.display(description=_("frühestens ab"), ordering="run_after")
    def due(self, obj):
        return self.get_empty_value_display() if obj.run_after == get_date_max() else obj.run_after
