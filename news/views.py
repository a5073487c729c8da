from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from core.pagination import GracefulPaginationMixin
from core.views import MemberAccessRequiredMixin
from news.filters import ArticleFilter
from news.forms import ArticleSubmissionForm
from news.models import Article
from news.services import article_submit


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
        # The themes are read by the template, inside the kept fragment: a kept article
        # costs one query.
        return Article.objects.visible_to(self.request.user).select_related("member", "project")

    def get_context_data(self, **kwargs):
        neighbours = Article.objects.visible_to(self.request.user).only(
            "title", "slug", "published_at"
        )
        # Callables, which the template calls once each, when the fragment is not kept.
        return super().get_context_data(
            previous=lambda: neighbours.older_than(self.object).first(),
            next=lambda: neighbours.newer_than(self.object).first(),
            **kwargs,
        )


class ArticleSubmitView(MemberAccessRequiredMixin, FormView):
    """Member staff submit (or revise) an item for "Neues von den Mitgliedern"."""

    form_class = ArticleSubmissionForm
    template_name = "news/article_submit.html"
    article = None

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs and self.test_func():
            self.article = get_object_or_404(
                Article.objects.submissions_of(request.user.member), pk=kwargs["pk"]
            )
            if not self.article.may_be_revised:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def test_func(self):
        return super().test_func() and self.request.user.member_id is not None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.article}

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, **kwargs)

    def form_valid(self, form):
        try:
            article_submit(user=self.request.user, article=self.article, **form.submission_data())
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Danke! Ihre Meldung ist bei der Geschäftsstelle. Sie erhalten eine E-Mail, "
                "sobald sie freigegeben ist."
            ),
        )
        return redirect("pages:dashboard")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


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
