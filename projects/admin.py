from django.contrib import admin

from projects.models import Project


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["acronym", "title", "starts_on", "ends_on", "extended_until", "funder"]
    list_filter = ["funder", "themes"]
    search_fields = ["acronym", "title", "lead", "consortium_lead"]
    prepopulated_fields = {"slug": ["acronym"]}
    date_hierarchy = "starts_on"
    filter_horizontal = ["themes"]
