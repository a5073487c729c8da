from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from knowledge.models import Collection, Entry
from knowledge.services import entry_delete


class EntryInline(core_admin.StackedInline):
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
class CollectionAdmin(core_admin.ModelAdmin):
    list_display = ["title", "theme", "entry_count", "updated_at"]
    list_filter = ["theme"]
    list_select_related = ["theme"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    inlines = [EntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_updated_at().with_entry_count()

    @admin.display(description=_("zuletzt ergänzt am"), ordering="updated_at")
    def updated_at(self, collection):
        return getattr(collection, "updated_at", None)

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
            entry_delete(entry=entry)
        formset.save_m2m()
