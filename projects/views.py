from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from projects.models import Project


@method_decorator(login_not_required, name="dispatch")
class ProjectListView(ListView):
    def get_queryset(self):
        return Project.objects.visible_to(self.request.user).prefetch_related("themes")


@method_decorator(login_not_required, name="dispatch")
class ProjectDetailView(DetailView):
    def get_queryset(self):
        # The themes are read by the template, inside the kept fragment.
        return Project.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        user, project = self.request.user, self.object
        return super().get_context_data(
            articles=project.articles.visible_to(user).select_related("member")[:10],
            events=project.events.visible_to(user)
            .with_seats()
            .with_participants()
            .select_related("series"),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class ProjectPreviewView(ProjectDetailView):
    """The project as it will look on the site, drafts included, for office staff only;
    everyone else gets 404."""

    def get_queryset(self):
        return Project.objects.previewable_by(self.request.user).prefetch_related("themes")

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response
