from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from knowledge.models import Project


@method_decorator(login_not_required, name="dispatch")
class ProjectListView(ListView):
    queryset = Project.objects.prefetch_related("themes")


@method_decorator(login_not_required, name="dispatch")
class ProjectDetailView(DetailView):
    queryset = Project.objects.prefetch_related("themes")
