from django.contrib import admin

from core.revisions import ContentVersionAdmin
from themes.models import Theme


@admin.register(Theme)
class ThemeAdmin(ContentVersionAdmin):
    list_display = ["title", "parent", "position"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}
