from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from projects.models import Project


@method_decorator(login_not_required, name="dispatch")
class ProjectListView(ListView):
    queryset = Project.objects.prefetch_related("themes")


@method_decorator(login_not_required, name="dispatch")
class ProjectDetailView(DetailView):
    queryset = Project.objects.prefetch_related("themes")

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
