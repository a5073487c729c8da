from django.contrib import admin

from knowledge.models import Project, Theme


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
