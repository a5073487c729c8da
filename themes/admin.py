from django.contrib import admin

from themes.models import Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "parent", "position"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}
