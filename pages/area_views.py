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
        # Callables, which the template calls: only what is not in the fragment cache is
        # even built.
        return super().get_context_data(
            member=member,
            contacts=lambda: member.contacts.visible_to(user) if member else None,
            dates=lambda: (
                Event.objects.visible_to(user)
                .for_members()
                .upcoming(today)
                .select_related("series")[:5]
            ),
            documents=lambda: (
                Document.objects.visible_to(user)
                .select_related("event")
                .order_by("-date", "title")[:5]
            ),
            collections=lambda: Collection.objects.changed_since_last_visit(user)[:5],
            news_stamp=Collection.objects.news_stamp(user),
            inquiries=lambda: (
                Inquiry.objects.visible_to(user)
                .open(today)
                .with_answer_of(member)
                .select_related("asked_by_member")
                .order_by("deadline", "pk")[:10]
            ),
            submissions=lambda: Article.objects.submissions_of(member).select_related(
                "submitted_by"
            )[:10],
            **kwargs,
        )
