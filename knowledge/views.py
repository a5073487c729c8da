from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from core.views import MemberAccessRequiredMixin
from knowledge.forms import EntryForm
from knowledge.models import Collection, Entry
from knowledge.services import collection_visit_record, entry_add


@method_decorator(login_not_required, name="dispatch")
class CollectionListView(ListView):
    """The public catalogue: titles and descriptions; the entries are for members."""

    def get_queryset(self):
        return Collection.objects.catalogue(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_read=Collection.may_be_read_by(self.request.user), **kwargs
        )


@method_decorator(login_not_required, name="dispatch")
class CollectionDetailView(DetailView):
    """Everyone sees what a collection is about; members see its entries and may add one."""

    def get_queryset(self):
        return Collection.objects.catalogue(self.request.user)

    def get_context_data(self, **kwargs):
        user, collection = self.request.user, self.object
        context = super().get_context_data(**kwargs)
        context["may_read"] = collection.may_be_read_by(user)
        if not context["may_read"]:
            # Outsiders see the collection's public documents, without the entries around them.
            context["documents"] = collection.public_documents()
        else:
            context["entries"] = (
                Entry.objects.visible_to(user)
                .filter(collection=collection)
                .select_related("document", "added_by__member")
                .with_new_marker(user=user, since=collection.seen_until)
            )
            context["inquiries"] = collection.inquiries.visible_to(user).order_by(
                "-deadline", "title"
            )
            context["form"] = EntryForm()
            collection_visit_record(collection=collection, user=user)
        return context


class EntryAddView(MemberAccessRequiredMixin, FormView):
    """POST of the form on the collection page; a rejected form comes back on its own page."""

    form_class = EntryForm
    template_name = "knowledge/entry_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.collection = get_object_or_404(Collection, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(collection=self.collection, **kwargs)

    def form_valid(self, form):
        entry = entry_add(collection=self.collection, user=self.request.user, **form.entry_data())
        messages.success(
            self.request, _("Danke! „%(title)s“ steht jetzt in der Sammlung.") % {"title": entry}
        )
        return redirect(f"{self.collection.get_absolute_url()}#eintrag-{entry.pk}")
