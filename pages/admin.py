from django.contrib import admin

from core.revisions import ContentVersionAdmin
from pages.models import Page


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
