from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from knowledge.models import Project
from news.models import Article


@method_decorator(login_not_required, name="dispatch")
class ProjectListView(ListView):
    queryset = Project.objects.prefetch_related("themes")


@method_decorator(login_not_required, name="dispatch")
class ProjectDetailView(DetailView):
    queryset = Project.objects.prefetch_related("themes")

    def get_context_data(self, **kwargs):
        articles = Article.objects.visible_to(self.request.user).filter(project=self.object)
        return super().get_context_data(articles=articles.select_related("member")[:10], **kwargs)
