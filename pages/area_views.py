from django.utils import timezone
from django.views.generic import TemplateView

from core.views import MemberAccessRequiredMixin
from documents.models import Document
from events.models import Event
from inquiries.models import Inquiry
from knowledge.models import Collection
from news.models import Article


class DashboardView(MemberAccessRequiredMixin, TemplateView):
    template_name = "pages/dashboard.html"

    def get_context_data(self, **kwargs):
        user, today = self.request.user, timezone.localdate()
        member = user.member
        return super().get_context_data(
            member=member,
            contacts=member.contacts.visible_to(user) if member else None,
            dates=Event.objects.visible_to(user)
            .for_members()
            .upcoming(today)
            .select_related("series")[:5],
            documents=Document.objects.visible_to(user)
            .select_related("event")
            .order_by("-date", "title")[:5],
            collections=Collection.objects.changed_since_last_visit(user)[:5],
            inquiries=Inquiry.objects.visible_to(user)
            .open(today)
            .with_answer_of(member)
            .select_related("asked_by_member")
            .order_by("deadline", "pk")[:10],
            submissions=Article.objects.submissions_of(member).select_related("submitted_by")[:10],
            **kwargs,
        )
