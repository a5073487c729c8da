from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.revisions import ContentVersionAdmin
from pages.models import PAGE_CONTENT_FIELDS, BarrierReport, ContactMessage, Office, Page
from pages.services import (
    contact_message_record_media_inquiry,
    contact_message_reply,
    office_update,
    page_draft_discard,
    page_draft_publish,
    page_draft_save,
)


class PageAdminForm(forms.ModelForm):
    """Edits the draft when there is one, else starts from the live text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.has_draft:
            for name in PAGE_CONTENT_FIELDS:
                self.initial[name] = getattr(self.instance, f"draft_{name}")


@admin.register(Page)
class PageAdmin(ContentVersionAdmin):
    """Wagtail's drafts: "Als Entwurf speichern" keeps the changes beside the live page,
    "Vorschau" shows them in the site's frame, "Veröffentlichen" puts them live and
    "Entwurf verwerfen" drops them. Each keeps a version."""

    form = PageAdminForm
    list_display = ["title", "slug", "state", "updated_at", "preview_link"]
    search_fields = ["title", "lead", "body"]
    readonly_fields = ["slug", "state", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": ["slug", "state", "title", "lead", "body", "description", "updated_at"],
                "description": _(
                    "„Als Entwurf speichern“ behält Ihre Änderungen, ohne die Seite online zu "
                    "ändern; „Vorschau“ zeigt den gespeicherten Entwurf so, wie er auf der "
                    "Website erscheinen wird. Erst „Veröffentlichen“ stellt den Text online."
                ),
            },
        )
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("Stand"), ordering="draft_saved_at")
    def state(self, page):
        if page.has_draft:
            saved = timezone.localtime(page.draft_saved_at).strftime("%d.%m.%Y, %H:%M")
            return _("Entwurf vorhanden (gespeichert am %(saved)s)") % {"saved": saved}
        return page.publication_state

    @admin.display(description=_("Vorschau"))
    def preview_link(self, page):
        return format_html(
            '<a href="{}">{}</a>',
            page.get_preview_url(),
            _("Vorschau: %(title)s") % {"title": page.title},
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and "_discard" in request.POST:
            return self.discard_view(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def discard_view(self, request, object_id):
        page = self.get_object(request, unquote(object_id))
        if page is None:
            raise Http404
        if not self.has_change_permission(request, page):
            raise PermissionDenied
        with self.create_revision(request):
            page = page_draft_discard(page=page)
            self.log_change(request, page, _("Entwurf verworfen."))
        self.message_user(
            request,
            _("Der Entwurf ist verworfen; die Seite online ist unverändert."),
            messages.SUCCESS,
        )
        return redirect("admin:pages_page_change", page.pk)

    def save_model(self, request, obj, form, change):
        content = {name: form.cleaned_data[name] for name in PAGE_CONTENT_FIELDS}
        page = page_draft_save(page=obj, **content)
        if "_draft" not in request.POST:
            page = page_draft_publish(page=page)
        obj.refresh_from_db()

    def construct_change_message(self, request, form, formsets, add=False):
        if "_draft" in request.POST:
            return _("Als Entwurf gespeichert.")
        return _("Veröffentlicht.")

    def response_change(self, request, obj):
        if "_draft" in request.POST:
            message = _("Der Entwurf ist gespeichert; die Seite online ist unverändert.")
        else:
            message = _("Die Seite ist veröffentlicht.")
        self.message_user(request, message, messages.SUCCESS)
        return redirect("admin:pages_page_change", obj.pk)


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
