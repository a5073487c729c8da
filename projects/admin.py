from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.revisions import ContentVersionAdmin
from projects.models import Project


@admin.register(Project)
class ProjectAdmin(ContentVersionAdmin):
    list_display = [
        "acronym", "title", "state", "starts_on", "ends_on", "extended_until", "funder",
        "preview_link",
    ]  # fmt: skip
    list_filter = ["status", "funder", "themes"]
    search_fields = ["acronym", "title", "lead", "consortium_lead"]
    prepopulated_fields = {"slug": ["acronym"]}
    date_hierarchy = "starts_on"
    filter_horizontal = ["themes"]

    def get_changeform_initial_data(self, request):
        """A new project starts as a draft: it appears once the office releases it."""
        return {"status": Project.Status.DRAFT, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("Stand"), ordering="status")
    def state(self, project):
        return project.publication_state

    @admin.display(description=_("Vorschau"))
    def preview_link(self, project):
        return format_html(
            '<a href="{}">{}</a>',
            project.get_preview_url(),
            _("Vorschau: %(title)s") % {"title": project.acronym},
        )

    def view_on_site(self, project):
        return project.get_preview_url()
