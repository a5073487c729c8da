from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import ListView

from core.files import protected_file_response
from core.views import MemberAccessRequiredMixin
from documents.models import Document
from events.models import Event


# Not behind the login: an anonymous visitor gets a 404 for a member's file, not a login page.
@login_not_required
def download(request, pk: int, filename: str):
    """Hand out a document the visitor may see, streamed or through the web server."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    if filename != document.filename:
        return redirect(document)
    file_type = document.file_type
    return protected_file_response(
        document.file,
        filename=document.filename,
        content_type=file_type.content_type if file_type else "application/octet-stream",
        as_attachment=not (file_type and file_type.inline),
        public=document.is_public,
    )


class AssemblyArchiveView(MemberAccessRequiredMixin, ListView):
    """Protokolle und Präsentationen aller Mitgliederversammlungen, the newest first."""

    template_name = "documents/assembly_list.html"
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
