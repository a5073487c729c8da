import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from core import admin as core_admin
from events.admin import EventAdmin
from events.models import Event
from registrations.forms import OfficeMessageForm
from registrations.models import Question, Registration
from registrations.services import (
    registration_cancel,
    registrations_fill,
    registrations_mark_attended,
    registrations_message,
)

EXPORT_HEADER = ["Termin", "Datum", "Name", "E-Mail", "Organisation", "Status", "Eingereiht", "Antworten"]  # fmt: skip


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    max_num = 5
    fields = ["label", "kind", "options", "required", "position"]


class RegistrationEventAdmin(EventAdmin):
    """The event form with the extra questions and a link to the attendee list."""

    inlines = [*EventAdmin.inlines, QuestionInline]
    readonly_fields = [*EventAdmin.readonly_fields, "attendee_list"]
    list_display = [
        *(name for name in EventAdmin.list_display if name != "participant_count"),
        "seats",
        "participants",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_seats().with_participants()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.registers_on_portal and (promoted := registrations_fill(event=obj)):
            self.message_user(
                request,
                _("%(count)d Personen sind von der Warteliste nachgerückt und benachrichtigt.")
                % {"count": len(promoted)},
            )

    @admin.display(description=_("Plätze"))
    def seats(self, event):
        if not event.registers_on_portal:
            return "–"
        if event.capacity is None:
            return _("%(taken)d angemeldet") % {"taken": event.seats_taken_count}
        return f"{event.seats_taken_count} / {event.capacity}"

    @admin.display(description=_("Teilnehmende"))
    def participants(self, event):
        return event.participants if event.participants is not None else "–"

    def get_fieldsets(self, request, obj=None):
        fieldsets = [list(fieldset) for fieldset in super().get_fieldsets(request, obj)]
        for fieldset in fieldsets:
            if fieldset[0] == _("Anmeldung"):
                fieldset[1] = {"fields": [*fieldset[1]["fields"], "attendee_list"]}
        return fieldsets

    @admin.display(description=_("Teilnehmerliste"))
    def attendee_list(self, event):
        if event.pk is None:
            return "–"
        url = reverse("admin:registrations_registration_changelist")
        return format_html(
            '<a href="{}?event__id__exact={}">{}</a>', url, event.pk, _("Anmeldungen ansehen")
        )


admin.site.unregister(Event)
admin.site.register(Event, RegistrationEventAdmin)


def _rows(queryset):
    for registration in queryset.for_attendee_list():
        answers = "; ".join(f"{key}: {value}" for key, value in registration.answers.items())
        yield [
            registration.event.display_title,
            registration.event.date_display,
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_status_display(),
            timezone.localtime(registration.queued_at).strftime("%d.%m.%Y %H:%M")
            if registration.queued_at
            else "",
            answers,
        ]


@admin.register(Registration)
class RegistrationAdmin(core_admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "event", "status", "queued_at"]
    list_filter = ["status", ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation", "event__title"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "queued_at", "reminded_at", "anonymised_at", "answers"]
    fields = [
        "event",
        "user",
        "name",
        "email",
        "organisation",
        "status",
        "answers",
        "created_at",
        "queued_at",
        "reminded_at",
        "anonymised_at",
    ]
    list_per_page = 500
    actions = [
        "cancel",
        "mark_attended",
        "mark_not_attended",
        "export_csv",
        "export_xlsx",
        "sign_in_sheet",
        "message_registered",
    ]

    @admin.action(description=_("Stornieren (die Warteliste rückt nach)"))
    def cancel(self, request, queryset):
        registrations = list(queryset.exclude(status=Registration.Status.CANCELLED))
        for registration in registrations:
            registration_cancel(registration=registration)
        self.message_user(
            request, _("%(count)d Anmeldungen storniert.") % {"count": len(registrations)}
        )

    @admin.action(description=_("Teilnahme ankreuzen (teilgenommen)"))
    def mark_attended(self, request, queryset):
        count = registrations_mark_attended(registrations=queryset)
        self.message_user(request, _("%(count)d als „teilgenommen“ markiert.") % {"count": count})

    @admin.action(description=_("Teilnahme zurücknehmen (wieder angemeldet)"))
    def mark_not_attended(self, request, queryset):
        count = registrations_mark_attended(registrations=queryset, attended=False)
        self.message_user(
            request, _("%(count)d wieder als „angemeldet“ markiert.") % {"count": count}
        )

    @admin.action(description=_("Als CSV exportieren"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="teilnehmerliste.csv"'
        response.write("\ufeff")  # so that Excel reads the umlauts right
        writer = csv.writer(response, delimiter=";")
        writer.writerow(EXPORT_HEADER)
        writer.writerows(_rows(queryset))
        return response

    @admin.action(description=_("Als Excel-Datei (XLSX) exportieren"))
    def export_xlsx(self, request, queryset):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Teilnehmerliste")
        sheet.append(EXPORT_HEADER)
        for row in _rows(queryset):
            sheet.append(row)
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="teilnehmerliste.xlsx"'
        workbook.save(response)
        return response

    @admin.action(description=_("Unterschriftenliste drucken"))
    def sign_in_sheet(self, request, queryset):
        sheets = {}
        for registration in queryset.seated().for_attendee_list().order_by("name"):
            sheets.setdefault(registration.event, []).append(registration)
        return TemplateResponse(
            request,
            "admin/registrations/sign_in_sheet.html",
            {"sheets": sorted(sheets.items(), key=lambda sheet: sheet[0].starts_on)},
        )

    @admin.action(description=_("Nachricht an alle Angemeldeten des Termins"))
    def message_registered(self, request, queryset):
        events = list(Event.objects.filter(registrations__in=queryset).distinct())
        if len(events) != 1:
            self.message_user(
                request,
                _("Bitte wählen Sie Anmeldungen genau eines Termins aus (Filter „Termin“)."),
                messages.ERROR,
            )
            return None
        event = events[0]
        form = OfficeMessageForm(request.POST if "send" in request.POST else None)
        if form.is_valid():
            count = registrations_message(event=event, **form.cleaned_data)
            self.message_user(
                request, _("Nachricht an %(count)d Angemeldete verschickt.") % {"count": count}
            )
            return None
        return TemplateResponse(
            request,
            "admin/registrations/message.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Nachricht an alle Angemeldeten"),
                "event": event,
                "form": form,
                "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
                "recipients": event.registrations.seated().exclude(email="").count(),
                "opts": self.model._meta,
            },
        )
