from django.contrib import admin

from core import admin as core_admin
from documents.models import Document


@admin.register(Document)
class DocumentAdmin(core_admin.ModelAdmin):
    list_display = ["title", "kind", "date", "visibility", "event", "project"]
    list_filter = ["kind", "visibility", "project"]
    list_select_related = ["event", "project"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["event"]
    date_hierarchy = "date"
    fields = [
        "title",
        "kind",
        "description",
        "file",
        "date",
        "visibility",
        "event",
        "project",
    ]
