from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.revisions import ContentVersionAdmin
from pages.models import BarrierReport, ContactMessage, Office, Page
from pages.services import (
    contact_message_record_media_inquiry,
    contact_message_reply,
    office_update,
)


@admin.register(Page)
class PageAdmin(ContentVersionAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "lead", "body"]
    readonly_fields = ["slug", "updated_at"]
    fields = ["slug", "title", "lead", "body", "description", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Office)
class OfficeAdmin(ContentVersionAdmin):
    """One object: the list leads straight to it; nothing to add, nothing to delete."""

    fieldsets = [
        (
            _("Anschrift und Kontakt"),
            {"fields": ["name", "street", "postal_code", "city", "phone", "email"]},
        ),
        (
            _("Impressum"),
            {
                "fields": [
                    "representatives",
                    "register_court",
                    "register_number",
                    "responsible_person",
                    "responsible_address",
                    "vat_id",
                    "updated_at",
                ],
                "description": _(
                    "Angaben nach § 5 DDG und § 18 Abs. 2 MStV. Sie erscheinen auf der Seite "
                    "Impressum; Anschrift, Telefon und E-Mail außerdem im Fuß jeder Seite und "
                    "auf der Seite Kontakt."
                ),
            },
        ),
    ]
    readonly_fields = ["updated_at"]

    def changelist_view(self, request, extra_context=None):
        office, _created = Office.objects.get_or_create(pk=Office.SINGLETON_PK)
        return redirect("admin:pages_office_change", office.pk)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        office_update(office=obj)


@admin.register(BarrierReport)
class BarrierReportAdmin(admin.ModelAdmin):
    list_display = ["page", "created_at", "status", "email"]
    list_filter = ["status", "created_at"]
    list_editable = ["status"]
    search_fields = ["page", "description", "email"]
    date_hierarchy = "created_at"
    readonly_fields = ["page", "description", "email", "created_at"]
    fields = ["page", "description", "email", "created_at", "status", "note"]

    def has_add_permission(self, request):
        return False


class DoneFilter(admin.SimpleListFilter):
    title = _("Stand")
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return [("offen", _("offen")), ("erledigt", _("erledigt"))]

    def queryset(self, request, queryset):
        if self.value() == "offen":
            return queryset.open()
        if self.value() == "erledigt":
            return queryset.filter(done_at__isnull=False)
        return queryset


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """The office reads what came through the contact and membership forms, answers and
    marks it done."""

    list_display = ["created_at", "topic", "name", "organisation", "email", "replied_at", "done_at"]  # fmt: skip
    list_filter = [DoneFilter, "topic"]
    search_fields = ["name", "organisation", "email", "message"]
    date_hierarchy = "created_at"
    actions = ["mark_done", "record_media_inquiry"]
    readonly_fields = ["created_at", "replied_at", "media_inquiry_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "topic",
                    "name",
                    "organisation",
                    "email",
                    "phone",
                    "created_at",
                    "message",
                ]
            },
        ),
        (
            _("Bearbeitung"),
            {"fields": ["reply", "replied_at", "done_at", "note", "media_inquiry_link"]},
        ),
    ]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        fields = [*self.readonly_fields, "topic", "name", "organisation", "email", "phone", "message"]  # fmt: skip
        if obj is not None and obj.replied_at:
            fields.append("reply")
        return fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "reply" in form.changed_data and obj.reply.strip() and obj.replied_at is None:
            contact_message_reply(contact=obj, reply=obj.reply)
            self.message_user(
                request,
                _("Die Antwort ist an %(email)s unterwegs.") % {"email": obj.email},
                messages.SUCCESS,
            )

    @admin.display(description=_("Medienanfrage im Tätigkeitsnachweis"))
    def media_inquiry_link(self, obj):
        if obj.media_inquiry_id is None:
            return _("– (Presseanfragen übernimmt die Aktion „Als Medienanfrage erfassen“)")
        url = reverse("admin:activities_mediainquiry_change", args=[obj.media_inquiry_id])
        return format_html('<a href="{}">{}</a>', url, obj.media_inquiry)

    @admin.action(description=_("Als Medienanfrage erfassen (nur Thema Presse)"))
    def record_media_inquiry(self, request, queryset):
        press = [contact for contact in queryset if contact.is_press]
        others = len(queryset) - len(press)
        if others:
            self.message_user(
                request,
                ngettext(
                    "%(count)s Kontaktanfrage hat nicht das Thema Presse und bleibt, wie sie ist.",
                    "%(count)s Kontaktanfragen haben nicht das Thema Presse und bleiben, wie sie sind.",
                    others,
                )
                % {"count": others},
                messages.WARNING,
            )
        inquiries = [contact_message_record_media_inquiry(contact=contact) for contact in press]
        if not inquiries:
            return None
        self.message_user(
            request,
            ngettext(
                "%(count)s Medienanfrage ist erfasst; bitte Format, Person und Ergebnis ergänzen.",
                "%(count)s Medienanfragen sind erfasst; bitte Format, Person und Ergebnis ergänzen.",
                len(inquiries),
            )
            % {"count": len(inquiries)},
            messages.SUCCESS,
        )
        if len(inquiries) == 1:
            return redirect("admin:activities_mediainquiry_change", inquiries[0].pk)
        return None

    @admin.action(description=_("Als erledigt markieren"))
    def mark_done(self, request, queryset):
        count = queryset.open().update(done_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)s Kontaktanfrage ist als erledigt markiert.",
                "%(count)s Kontaktanfragen sind als erledigt markiert.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
