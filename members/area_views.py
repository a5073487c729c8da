from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from events.models import Event
from knowledge.models import Collection, Document, Inquiry
from members.access import MemberAccessRequiredMixin


class DashboardView(MemberAccessRequiredMixin, TemplateView):
    template_name = "members/dashboard.html"

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
            **kwargs,
        )


class AssemblyArchiveView(MemberAccessRequiredMixin, ListView):
    """Protokolle und Präsentationen aller Mitgliederversammlungen, the newest first."""

    template_name = "members/assembly_list.html"
    context_object_name = "assemblies"

    def get_queryset(self):
        user = self.request.user
        documents = Document.objects.visible_to(user).in_reading_order()
        return (
            Event.objects.visible_to(user)
            .general_assemblies()
            .prefetch_related(
                Prefetch("documents", queryset=documents, to_attr="visible_documents")
            )
        )
