from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from knowledge.models import (
    Answer,
    AnswerAttachment,
    Collection,
    Document,
    Entry,
    Inquiry,
    Project,
    Theme,
)
from knowledge.services import collection_mark_changed


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "parent", "position"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["acronym", "title", "starts_on", "ends_on", "extended_until", "funder"]
    list_filter = ["funder", "themes"]
    search_fields = ["acronym", "title", "lead", "consortium_lead"]
    prepopulated_fields = {"slug": ["acronym"]}
    date_hierarchy = "starts_on"
    filter_horizontal = ["themes"]


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0
    fields = ["member", "author", "text", "created_at", "updated_at"]
    readonly_fields = ["created_at", "updated_at"]
    autocomplete_fields = ["member", "author"]
    show_change_link = True


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
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
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["inquiry", "member", "author", "updated_at"]
    list_filter = ["member"]
    list_select_related = ["inquiry", "member", "author"]
    search_fields = ["inquiry__title", "member__designation", "text"]
    date_hierarchy = "updated_at"
    autocomplete_fields = ["inquiry", "member", "author"]
    inlines = [AnswerAttachmentInline]


class EntryInline(admin.StackedInline):
    model = Entry
    extra = 0
    fields = [
        ("kind", "title"),
        "description",
        ("url", "document"),
        ("source", "date"),
        "tags",
        ("added_by", "added_at"),
    ]
    readonly_fields = ["added_by"]
    autocomplete_fields = ["document"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "entry_count", "updated_at"]
    list_filter = ["theme"]
    list_select_related = ["theme"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "updated_at"
    inlines = [EntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("entries"))

    @admin.display(description=_("Einträge"), ordering="entry_count")
    def entry_count(self, collection):
        return collection.entry_count

    def save_formset(self, request, form, formset, change):
        entries = formset.save(commit=False)
        added = [entry for entry in entries if entry.pk is None]
        for entry in added:
            entry.added_by = request.user
        for entry in entries:
            entry.save()
        for entry in formset.deleted_objects:
            entry.delete()
        formset.save_m2m()
        if added:
            collection_mark_changed(
                collection=form.instance, at=max(entry.added_at for entry in added)
            )


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "visibility", "event", "collection", "project"]
    list_filter = ["kind", "visibility", "project"]
    list_select_related = ["event", "collection", "project"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["event", "collection"]
    date_hierarchy = "date"
    fields = [
        "title",
        "kind",
        "description",
        "file",
        "date",
        "visibility",
        "event",
        "collection",
        "project",
    ]
