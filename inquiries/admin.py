import datetime

from django.contrib import admin, messages
from django.db.models import F
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import admin as core_admin
from core.revisions import ContentVersionAdmin
from inquiries.exports import answers_csv, answers_xlsx
from inquiries.models import Answer, AnswerAttachment, Inquiry


class AnswerInline(core_admin.StackedInline):
    model = Answer
    extra = 0
    fields = ["member", "author", "text", "created_at", "updated_at"]
    readonly_fields = ["created_at", "updated_at"]
    autocomplete_fields = ["member", "author"]
    show_change_link = True


@admin.register(Inquiry)
class InquiryAdmin(core_admin.AutocompleteMixin, ContentVersionAdmin):
    list_display = ["title", "asked_by_member", "created_at", "deadline", "answer_count", "summary_published_at", "collection"]  # fmt: skip
    list_filter = [("summary_published_at", admin.EmptyFieldListFilter), "asked_by_member"]
    list_select_related = ["asked_by_member", "collection"]
    search_fields = ["title", "context", "summary", "answers__text"]
    date_hierarchy = "deadline"
    autocomplete_fields = ["asked_by_member", "asked_by", "collection"]
    inlines = [AnswerInline]
    readonly_fields = ["answer_overview", "reminder_sent_at", "overview_sent_at"]
    actions = ["export_csv", "export_xlsx", "extend_deadline"]
    fieldsets = [
        (None, {"fields": ["title", "context", "deadline", "asked_by_member", "asked_by"]}),
        (_("Eingang"), {"fields": ["created_at", "late_answers_until", "answer_overview"]}),
        (_("E-Mails"), {"fields": ["reminder_sent_at", "overview_sent_at"]}),
        (_("Nach der Frist"), {"fields": ["summary", "summary_published_at", "collection"]}),
    ]

    @admin.display(description=_("Wer hat geantwortet?"))
    def answer_overview(self, inquiry):
        if inquiry.pk is None:
            return "–"
        members = list(inquiry.members_by_answer_status())
        answered = [m for m in members if m.has_answered]
        silent = [m for m in members if not m.has_answered]
        return format_html(
            "<p>{}</p><p><strong>{}</strong></p><ul>{}</ul><p><strong>{}</strong></p><ul>{}</ul>",
            Inquiry.answer_status(len(answered), len(members)),
            _("Geantwortet"),
            format_html_join("", "<li>{}</li>", ((m.designation,) for m in answered))
            or format_html("<li>{}</li>", _("noch kein Mitglied")),
            _("Nicht geantwortet"),
            format_html_join("", "<li>{}</li>", ((m.designation,) for m in silent))
            or format_html("<li>{}</li>", _("alle haben geantwortet")),
        )

    @admin.action(description=_("Antworten als CSV exportieren"))
    def export_csv(self, request, queryset):
        return answers_csv(queryset, _export_name())

    @admin.action(description=_("Antworten als Excel-Datei (XLSX) exportieren"))
    def export_xlsx(self, request, queryset):
        return answers_xlsx(queryset, _export_name())

    @admin.action(description=_("Frist um eine Woche verlängern"))
    def extend_deadline(self, request, queryset):
        count = queryset.update(
            deadline=F("deadline") + datetime.timedelta(days=7), overview_sent_at=None
        )
        self.message_user(
            request,
            ngettext(
                "Die Frist von %(count)s Abfrage ist um eine Woche verlängert.",
                "Die Fristen von %(count)s Abfragen sind um eine Woche verlängert.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).with_answer_count()

    @admin.display(description=_("Antworten"), ordering="answer_count")
    def answer_count(self, inquiry):
        return inquiry.answer_count


def _export_name() -> str:
    return f"abfragen-antworten-{timezone.localdate():%Y-%m-%d}"


class AnswerAttachmentInline(admin.TabularInline):
    """Attachments come from members through the portal; the office can open or remove them."""

    model = AnswerAttachment
    extra = 0
    fields = ["download", "size", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Datei"))
    def download(self, attachment):
        if attachment.pk is None:  # a row a sent-back form claims, never saved: no file yet
            return "–"
        return format_html('<a href="{}">{}</a>', attachment.get_absolute_url(), attachment.name)


@admin.register(Answer)
class AnswerAdmin(core_admin.ModelAdmin):
    list_display = ["inquiry", "member", "author", "updated_at"]
    list_filter = ["member"]
    list_select_related = ["inquiry", "member", "author"]
    search_fields = ["inquiry__title", "member__designation", "text"]
    date_hierarchy = "updated_at"
    autocomplete_fields = ["inquiry", "member", "author"]
    inlines = [AnswerAttachmentInline]
