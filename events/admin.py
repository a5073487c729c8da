from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from events.models import Event, Series


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Event)
class EventAdmin(core_admin.ModelAdmin):
    list_display = [
        "title",
        "starts_on",
        "ends_on",
        "kind",
        "series",
        "audience",
        "online",
        "city",
        "registration_mode",
        "participant_count",
    ]
    list_filter = ["kind", "series", "audience", "online", "organiser_role", "registration_mode"]
    list_select_related = ["series"]
    search_fields = ["title", "venue", "city", "partners", "description"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["host"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "series", "audience", "description"]}),
        (_("Zeit"), {"fields": ["starts_on", "ends_on", "starts_at_time", "ends_at_time"]}),
        (_("Ort"), {"fields": ["online", "venue", "city", "host"]}),
        (_("Veranstalter"), {"fields": ["organiser_role", "partners", "project"]}),
        (
            _("Anmeldung"),
            {
                "fields": [
                    "registration_mode",
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "registration_audience",
                    "online_link",
                    "registration_url",
                    "registration_closed_note",
                ]
            },
        ),
        (_("Nach dem Termin"), {"fields": ["participant_count"]}),
        (
            _("Mitgliederversammlung"),
            {"fields": ["assembly_number", "agenda"], "classes": ["collapse"]},
        ),
    ]
