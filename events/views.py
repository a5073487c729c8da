import datetime
import json

from django.contrib.auth.decorators import login_not_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.pagination import GracefulPaginationMixin
from events.calendar import calendar_build
from events.filters import ArchiveFilter, EventFilter
from events.models import Event

# What Django's json_script escapes, so the data can never close its <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
FEED_DAYS_BACK = 365


@method_decorator(login_not_required, name="dispatch")
class EventListView(GracefulPaginationMixin, FilterView):
    filterset_class = EventFilter
    paginate_by = 20
    template_name = "events/event_list.html"

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .upcoming(timezone.localdate())
            .with_seats()
            .select_related("series")
        )


@method_decorator(login_not_required, name="dispatch")
class EventArchiveView(GracefulPaginationMixin, FilterView):
    filterset_class = ArchiveFilter
    paginate_by = 50
    template_name = "events/event_archive.html"

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .past(timezone.localdate())
            .with_participants()
            .select_related("series")
        )


@method_decorator(login_not_required, name="dispatch")
class EventDetailView(DetailView):
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .with_seats()
            .with_participants()
            .select_related("series", "host", "project")
        )

    def get_context_data(self, **kwargs):
        data = json.dumps(self.object.schema_org(), cls=DjangoJSONEncoder, ensure_ascii=False)
        user, documents = self.request.user, self.object.documents.all()
        return super().get_context_data(
            json_ld=mark_safe(data.translate(JSON_SCRIPT_ESCAPES)),
            documents=documents.visible_to(user).in_reading_order(),
            # Callables, which the template calls when the fragment is not kept.
            has_hidden_documents=lambda: documents.hidden_from(user).exists(),
            external_registration_url=self.object.external_registration_url_for(user),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class EventPreviewView(EventDetailView):
    """The event as it will look on the site, drafts included, for office staff only;
    everyone else gets 404."""

    def get_queryset(self):
        return Event.objects.previewable_by(self.request.user).select_related(
            "series", "host", "project"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response


def _ics_response(content: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_not_required
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.visible_to(request.user), slug=slug)
    return _ics_response(
        calendar_build([event], name=event.display_title), f"{event.slug}.ics", attachment=True
    )


@login_not_required
def calendar_feed(request):
    """The public feed: what anyone may see, from a year ago on, whoever subscribes."""
    since = timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BACK)
    events = Event.objects.public().upcoming(since)
    return _ics_response(
        calendar_build(events, name="DEFUS-Termine"), "defus-termine.ics", attachment=False
    )
