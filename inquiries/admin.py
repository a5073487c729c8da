from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from core.revisions import ContentVersionAdmin
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
    fieldsets = [
        (None, {"fields": ["title", "context", "deadline", "asked_by_member", "asked_by"]}),
        (_("Eingang"), {"fields": ["created_at"]}),
        (_("Nach der Frist"), {"fields": ["summary", "summary_published_at", "collection"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answer_count=Count("answers"))

    @admin.display(description=_("Antworten"), ordering="answer_count")
    def answer_count(self, inquiry):
        return inquiry.answer_count


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
