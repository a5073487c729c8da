from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.models import PageViews


@admin.register(PageViews)
class PageViewsAdmin(admin.ModelAdmin):
    """Read only: the counter writes, the office reads. Above the list, the views of all
    public pages per month."""

    change_list_template = "admin/visits/pageviews/change_list.html"
    list_display = ["path", "month_display", "views"]
    search_fields = ["path"]
    date_hierarchy = "month"
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Monat"), ordering="month")
    def month_display(self, obj):
        return f"{obj.month:%m.%Y}"

    def changelist_view(self, request, extra_context=None):
        months = list(PageViews.objects.per_month()[:24])
        return super().changelist_view(request, {**(extra_context or {}), "months": months})
