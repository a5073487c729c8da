import json
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django.views.generic.edit import FormMixin

from events.models import Event
from members.models import Member, Person
from news.models import Article
from pages.forms import BarrierReportForm, SearchForm
from pages.models import Page
from pages.search import search
from pages.services import barrier_report_send, contact_message_submit

# Efus's other national forums and DEFUS on LinkedIn: plain links, no embeds, no tracking.
NETWORK_LINKS = json.loads((Path(__file__).parent / "data" / "network_links.json").read_text())


@method_decorator(login_not_required, name="dispatch")
class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        articles = Article.objects.visible_to(user).select_related("member")
        return super().get_context_data(
            member_counts=Member.objects.active_on(today).counts(),
            events=Event.objects.visible_to(user).upcoming(today).select_related("series")[:5],
            office_news=articles.from_office()[:3],
            member_news=articles.from_members()[:6],
            network=NETWORK_LINKS,
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class PageView(DetailView):
    """One of the institutional pages; the URL conf passes its slug."""

    model = Page
    template_name = "pages/page_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Page, slug=self.kwargs["slug"])


@method_decorator(login_not_required, name="dispatch")
class ContactPageView(FormMixin, PageView):
    """/kontakt/ and /ueber-uns/mitglied-werden/: the page, and a form to the office below it.
    The URL conf passes the form class."""

    template_name = "pages/contact_page.html"
    form_class = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_success_url(self):
        return f"{self.request.path}#nachricht"

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form()
        if form.is_spam:
            return self._sent()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        contact_message_submit(**form.submission_data())
        form.submission_record()
        return self._sent()

    def _sent(self):
        messages.success(
            self.request,
            _(
                "Danke! Ihre Nachricht ist bei der Geschäftsstelle angekommen. Eine "
                "Bestätigung ist unterwegs; wir antworten in der Regel innerhalb einer Woche."
            ),
        )
        return redirect(self.get_success_url())


@method_decorator(login_not_required, name="dispatch")
class TeamView(PageView):
    template_name = "pages/team.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(people=Person.objects.all(), **kwargs)


@method_decorator(login_not_required, name="dispatch")
class SearchView(ListView):
    """The site search: everything the visitor may see, one page of hits at a time."""

    template_name = "pages/search.html"
    paginate_by = 20

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.form.is_valid()  # an invalid kind is dropped; the query is always usable
        return search(self.form.query, self.request.user, kind=self.form.kind)

    def paginate_queryset(self, queryset, page_size):
        """A page number past the end shows the last page, one that is no number the first."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, results=self.object_list, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class BarrierReportView(FormView):
    form_class = BarrierReportForm
    template_name = "pages/barrier_report.html"

    def form_valid(self, form):
        barrier_report_send(**form.cleaned_data)
        messages.success(
            self.request,
            _(
                "Danke! Ihre Meldung ist bei der Geschäftsstelle angekommen. Wir antworten "
                "innerhalb von zwei Wochen, wenn Sie eine E-Mail-Adresse angegeben haben."
            ),
        )
        return redirect("pages:barrierefreiheit")


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
