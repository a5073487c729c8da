from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, TemplateView

from defus.models import Page
from events.models import Event
from members.models import Member, Person
from news.models import Article


@method_decorator(login_not_required, name="dispatch")
class HomeView(TemplateView):
    template_name = "defus/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        articles = Article.objects.visible_to(user).select_related("member")
        return super().get_context_data(
            member_counts=Member.objects.active_on(today).counts(),
            events=Event.objects.visible_to(user).upcoming(today).select_related("series")[:5],
            office_news=articles.from_office()[:3],
            member_news=articles.from_members()[:6],
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class PageView(DetailView):
    """One of the institutional pages; the URL conf passes its slug."""

    model = Page
    template_name = "defus/page_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Page, slug=self.kwargs["slug"])


@method_decorator(login_not_required, name="dispatch")
class TeamView(PageView):
    template_name = "defus/team.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(people=Person.objects.all(), **kwargs)


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
