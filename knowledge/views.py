from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.views import MemberAccessRequiredMixin
from knowledge.forms import EntryEditForm, EntryForm
from knowledge.models import Collection, Entry
from knowledge.services import collection_visit_record, entry_add, entry_delete, entry_update


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
                .with_change_right(user)
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


class OwnEntryMixin(MemberAccessRequiredMixin):
    """An entry the user may change, in the collection of the URL; else a 404."""

    def dispatch(self, request, *args, **kwargs):
        if not self.test_func():
            return super().dispatch(request, *args, **kwargs)  # to the login, or a 403
        self.entry = get_object_or_404(
            Entry.objects.changeable_by(request.user).select_related("collection"),
            pk=kwargs["pk"],
            collection__slug=kwargs["slug"],
        )
        self.collection = self.entry.collection
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, collection=self.collection, **kwargs)


class EntryEditView(OwnEntryMixin, FormView):
    form_class = EntryEditForm
    template_name = "knowledge/entry_edit.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.entry}

    def form_valid(self, form):
        entry = entry_update(entry=self.entry, user=self.request.user, **form.entry_data())
        messages.success(self.request, _("„%(title)s“ ist geändert.") % {"title": entry})
        return redirect(f"{self.collection.get_absolute_url()}#eintrag-{entry.pk}")


class EntryDeleteView(OwnEntryMixin, TemplateView):
    """Asks once (works without JavaScript), deletes on POST."""

    template_name = "knowledge/entry_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        title = str(self.entry)
        entry_delete(entry=self.entry)
        messages.success(request, _("„%(title)s“ ist gelöscht.") % {"title": title})
        return redirect(self.collection)
