from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, TemplateView

from core.views import MemberAccessRequiredMixin, member_access_required
from knowledge.forms import EntryEditForm, EntryForm
from knowledge.models import Collection, Entry
from knowledge.services import (
    UNSUBSCRIBE_SALT,
    collection_visit_record,
    collection_watch_toggle,
    entry_add,
    entry_delete,
    entry_update,
    watches_cancel,
)
from members.models import User


@method_decorator(login_not_required, name="dispatch")
class CollectionListView(TemplateView):
    """The public catalogue: titles and descriptions; the entries are for members."""

    template_name = "knowledge/collection_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            # A callable, which the template calls: only when the list is not in the
            # fragment cache is the catalogue's query even built.
            object_list=lambda: Collection.objects.catalogue(user),
            may_read=Collection.may_be_read_by(user),
            news_stamp=Collection.objects.news_stamp(user),
            **kwargs,
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
            context["is_watched"] = collection.watches.filter(user=user).exists()
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


@require_POST
@member_access_required
def watch_toggle(request, slug):
    collection = get_object_or_404(Collection, slug=slug)
    if collection_watch_toggle(user=request.user, collection=collection):
        messages.success(
            request,
            _("Sie beobachten diese Sammlung. Neues erhalten Sie einmal in der Woche per E-Mail."),
        )
    else:
        messages.success(request, _("Sie beobachten diese Sammlung nicht mehr."))
    return redirect(collection)


@login_not_required
@csrf_exempt  # the signed token is the proof; mail programs send a one-click POST without CSRF
def unsubscribe(request, token):
    """The link in every digest: a page with one button (link checkers in mail systems open
    links; only the button, or a one-click POST from the mail program, unsubscribes)."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise Http404 from None
    user = get_object_or_404(User, pk=user_id)
    if request.method == "POST":
        watches_cancel(user=user)
        return render(request, "knowledge/unsubscribe.html", {"done": True})
    return render(request, "knowledge/unsubscribe.html", {"done": False})
