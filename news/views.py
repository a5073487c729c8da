from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.pagination import GracefulPaginationMixin
from news.filters import ArticleFilter
from news.models import Article


@method_decorator(login_not_required, name="dispatch")
class ArticleListView(GracefulPaginationMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "news/article_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).select_related("member")


@method_decorator(login_not_required, name="dispatch")
class ArticleDetailView(DetailView):
    def get_queryset(self):
        return (
            Article.objects.visible_to(self.request.user)
            .select_related("member", "project")
            .prefetch_related("themes")
        )

    def get_context_data(self, **kwargs):
        neighbours = Article.objects.visible_to(self.request.user).only(
            "title", "slug", "published_at"
        )
        return super().get_context_data(
            previous=neighbours.older_than(self.object).first(),
            next=neighbours.newer_than(self.object).first(),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """The article as it will look on the site, drafts and scheduled ones included, for
    office staff only; everyone else gets 404 (as for an article that does not exist)."""

    def get_queryset(self):
        return (
            Article.objects.previewable_by(self.request.user)
            .select_related("member", "project")
            .prefetch_related("themes")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response
