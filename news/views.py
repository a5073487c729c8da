from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView
from django_filters.views import FilterView

from news.filters import ArticleFilter
from news.models import Article


@method_decorator(login_not_required, name="dispatch")
class ArticleListView(FilterView):
    filterset_class = ArticleFilter
    template_name = "news/article_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).select_related("member")

    def paginate_queryset(self, queryset, page_size):
        """A page number past the end shows the last page, one that is no number the first."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


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
