"""Building blocks for the apps' admins (autocomplete widgets that never fail on odd input),
and the task queue in the admin, in German: the office sees which e-mails went out, which wait
for their next attempt and which failed for good.

The quick changelists live in ``changelist.py``, the kept menu (app list and sidebar) in
``menu.py``; both are re-exported here."""

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult, get_date_max

from core.admin.changelist import QuickChangeList, QuickChangeListMixin, QuickDateFormat
from core.admin.menu import app_list_key, quick_app_list, quick_nav_sidebar

__all__ = [
    "AutocompleteMixin", "ModelAdmin", "QuickChangeList", "QuickChangeListMixin",
    "QuickDateFormat", "SafeAutocompleteSelect", "SafeAutocompleteSelectMultiple",
    "StackedInline", "TabularInline", "app_list_key", "quick_app_list", "quick_nav_sidebar",
]  # fmt: skip

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


class _KnownValuesOnly:
    """Django's autocomplete widgets look the submitted value up again to show it back; a
    value that is no key at all ("true", "31.02.2024", 10**30) then raised an error and gave a
    500 instead of the form with its message. Only values the key field accepts are looked up
    (the form's own validation still says what is wrong)."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        opts = remote.model._meta
        key = opts.get_field(remote.field_name) if getattr(remote, "field_name", None) else opts.pk
        return super().optgroups(name, [v for v in value if _is_key(key, v)], attr)


def _is_key(field, value) -> bool:
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, ValueError, TypeError, OverflowError):
        return False
    return True


class SafeAutocompleteSelect(_KnownValuesOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_KnownValuesOnly, AutocompleteSelectMultiple):
    pass


class AutocompleteMixin:
    """For every ModelAdmin and inline with ``autocomplete_fields``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ModelAdmin(QuickChangeListMixin, AutocompleteMixin, admin.ModelAdmin):
    pass


class TabularInline(AutocompleteMixin, admin.TabularInline):
    pass


class StackedInline(AutocompleteMixin, admin.StackedInline):
    pass
