import json
from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import resolve, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django.views.generic.edit import FormMixin

from core.forms import PublicFormViewMixin
from core.pagination import GracefulPaginationMixin
from events.models import Event
from members.models import Member, Person
from news.models import Article
from pages.forms import BarrierReportForm, SearchForm
from pages.models import Page
from pages.search import search
from pages.services import barrier_report_create, contact_message_submit

# Efus's other national forums and DEFUS on LinkedIn: plain links, no embeds, no tracking.
NETWORK_LINKS = json.loads((Path(__file__).parent / "data" / "network_links.json").read_text())


@method_decorator(login_not_required, name="dispatch")
class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        articles = Article.objects.visible_to(user).select_related("member")
        # Callables, which the template calls: only when the page's content is not in the
        # fragment cache are these even built.
        return super().get_context_data(
            member_counts=lambda: Member.objects.active_on(today).counts(),
            events=lambda: (
                Event.objects.visible_to(user)
                .upcoming(today)
                .with_seats()
                .select_related("series")[:5]
            ),
            office_news=lambda: articles.from_office()[:3],
            member_news=lambda: articles.from_members()[:6],
            network=NETWORK_LINKS,
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class PageView(DetailView):
    """One of the institutional pages; the URL conf passes its slug."""

    model = Page
    template_name = "pages/page_detail.html"
    #: Set by ``page_preview``: the page with its draft, for the office only.
    preview = False

    def get_object(self, queryset=None):
        if self.preview:
            pages = Page.objects.previewable_by(self.request.user)
            return get_object_or_404(pages, slug=self.kwargs["slug"]).with_draft()
        return get_object_or_404(Page, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.preview:
            response["X-Robots-Tag"] = "noindex"
            response["Cache-Control"] = "private, no-store"
        return response


@login_not_required
@require_safe
def page_preview(request, slug):
    """/seiten/<slug>/vorschau/: the page with its draft, rendered by the very view (template,
    frame, form) of its public address, for office staff with their second factor only;
    everyone else gets 404, as for a page that does not exist. Read only: the contact form
    in a preview sends nothing."""
    page = get_object_or_404(Page.objects.previewable_by(request.user), slug=slug)
    match = resolve(page.get_absolute_url())
    view = match.func.view_class.as_view(**match.func.view_initkwargs, preview=True)
    return view(request, *match.args, **match.kwargs)


class FormPostMixin:
    """``post`` for a form below a page: valid -> ``form_valid``, else ``form_invalid``."""

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)


@method_decorator(login_not_required, name="dispatch")
class ContactPageView(PublicFormViewMixin, FormPostMixin, FormMixin, PageView):
    """/kontakt/ and /ueber-uns/mitglied-werden/: the page, and a form to the office below it.
    The URL conf passes the form class; honeypot and per-address limit come from the shared
    public-form mixins."""

    template_name = "pages/contact_page.html"
    form_class = None
    success_message = _(
        "Danke! Ihre Nachricht ist bei der Geschäftsstelle angekommen. Eine "
        "Bestätigung ist unterwegs; wir antworten in der Regel innerhalb einer Woche."
    )

    def get_success_url(self):
        return f"{self.request.path}#nachricht"

    def throttle_scope(self) -> str:
        return self.get_form_class().__name__  # contact and membership count on their own

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        contact_message_submit(**form.submission_data())
        return self.form_success()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@method_decorator(login_not_required, name="dispatch")
class TeamView(PageView):
    template_name = "pages/team.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(people=Person.objects.all(), **kwargs)


@method_decorator(login_not_required, name="dispatch")
class SearchView(GracefulPaginationMixin, ListView):
    """The site search: everything the visitor may see, one page of hits at a time."""

    template_name = "pages/search.html"
    paginate_by = 20

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.form.is_valid()  # an invalid kind is dropped; the query is always usable
        results = search(
            self.form.query,
            self.request.user,
            kind=self.form.kind,
            version=getattr(self.request, "content_version", None),
        )
        results.expect_page(self.request.GET.get(self.page_kwarg), self.paginate_by)
        return results

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, results=self.object_list, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class BarrierReportView(PublicFormViewMixin, FormView):
    form_class = BarrierReportForm
    template_name = "pages/barrier_report.html"
    success_url = reverse_lazy("pages:barrierefreiheit")
    success_message = _(
        "Danke! Ihre Meldung ist gespeichert und wird an die Geschäftsstelle verschickt. Wir "
        "antworten innerhalb von zwei Wochen, wenn Sie eine E-Mail-Adresse angegeben haben."
    )

    def form_valid(self, form):
        barrier_report_create(
            **{name: form.cleaned_data[name] for name in ("page", "description", "email")}
        )
        return self.form_success()


@login_not_required
@never_cache
def healthz(request):
    """200 when the database answers, 503 with a short German reason when it does not."""
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse(
            "Datenbank nicht erreichbar", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
