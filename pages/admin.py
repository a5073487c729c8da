from django.contrib import admin

from core.revisions import ContentVersionAdmin
from pages.models import BarrierReport, Page


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
