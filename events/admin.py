from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from core.revisions import ContentVersionAdmin
from events.models import Event, Series


@admin.register(Series)
class SeriesAdmin(core_admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Event)
class EventAdmin(core_admin.AutocompleteMixin, ContentVersionAdmin):
    # What the office plans and follows in the list; the rest is in the form and the filters
    # (the registration mode among them: „Plätze“ shows "–" where the portal takes none).
    list_display = [
        "title",
        "state",
        "date",
        "kind",
        "series",
        "audience",
        "place",
        "participant_count",
        "preview_link",
    ]
    list_filter = [
        "status",
        "kind",
        "series",
        "audience",
        "online",
        "organiser_role",
        "registration_mode",
    ]
    list_select_related = ["series"]
    search_fields = ["title", "venue", "city", "partners", "description"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["host"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "status", "kind", "series", "audience", "description"]},
        ),
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

    def get_changeform_initial_data(self, request):
        """A new event starts as a draft: it appears once the office releases it."""
        return {"status": Event.Status.DRAFT, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("Stand"), ordering="status")
    def state(self, event):
        return event.publication_state

    @admin.display(description=_("Datum"), ordering="starts_on")
    def date(self, event):
        return event.date_display

    @admin.display(description=_("Ort"), ordering="city")
    def place(self, event):
        return event.place_display

    @admin.display(description=_("Vorschau"))
    def preview_link(self, event):
        return format_html(
            '<a href="{}">{}</a>',
            event.get_preview_url(),
            _("Vorschau: %(title)s") % {"title": event.title},
        )

    def view_on_site(self, event):
        return event.get_preview_url()
