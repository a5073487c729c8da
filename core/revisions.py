"""Versions of the office's content (django-reversion) and a comparison of two of them.

Every save in the admin keeps a version; the history page lists them, restores one and
compares two; deleted content comes back through „Gelöschte … wiederherstellen“."""

import difflib
import html
import re
from contextlib import contextmanager

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.admin import QuickChangeListMixin

TAG = re.compile(r"<[^>]*>")

#: Fields whose change is no change of content.
UNCOMPARED = {"id", "created_at", "updated_at", "search_vector"}


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, version):
        revision = version.revision
        when = timezone.localtime(revision.date_created).strftime("%d.%m.%Y, %H:%M:%S")
        who = revision.user.get_username() if revision.user else "–"
        return f"{when} ({who})"


class CompareForm(forms.Form):
    older = VersionChoiceField(queryset=Version.objects.none(), label=_("Fassung vom"))
    newer = VersionChoiceField(queryset=Version.objects.none(), label=_("verglichen mit"))

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["older"].queryset = self.fields["newer"].queryset = versions


def _words(value) -> list[str]:
    # Every tag separates words: "<h2>Programm</h2><p>Begrüßung" is two words, not one.
    text = TAG.sub(" ", str(value if value is not None else ""))
    return html.unescape(text).split()


def word_diff(old, new):
    """The words of ``new`` with what was removed in <del> and what was added in <ins>."""
    old_words, new_words = _words(old), _words(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(format_html("{}", " ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", " ".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", " ".join(new_words[b1:b2])))
    return mark_safe(" ".join(parts))


def version_changes(model, older: Version, newer: Version) -> list[dict]:
    """Per changed field: its label and the word diff from ``older`` to ``newer``."""
    old_fields, new_fields = older.field_dict, newer.field_dict
    changes = []
    for field in model._meta.concrete_fields + model._meta.many_to_many:
        name = field.attname if field.concrete else field.name
        if field.name in UNCOMPARED or field.generated or name not in new_fields:
            continue
        old, new = old_fields.get(name), new_fields.get(name)
        if old != new:
            changes.append({"label": field.verbose_name, "diff": word_diff(old, new)})
    return changes


class ContentVersionAdmin(QuickChangeListMixin, VersionAdmin):
    """VersionAdmin with a comparison of two versions on the history page."""

    object_history_template = "admin/revisions/object_history.html"

    @contextmanager
    def create_revision(self, request):
        """django-reversion opens a revision (a transaction) around every list and form, for
        what they save. A GET or HEAD saves nothing: it goes without (the office's lists
        then spare two round trips to the database; Django's change form keeps its own
        transaction)."""
        if request.method in ("GET", "HEAD"):
            yield
            return
        with super().create_revision(request):
            yield

    def reversion_register(self, model, **kwargs):
        # Generated columns (the stored search words) are the database's to compute: not
        # kept in every version, and never written back on a restore.
        generated = [f.name for f in model._meta.concrete_fields if getattr(f, "generated", False)]
        kwargs["exclude"] = (*kwargs.get("exclude", ()), *generated)
        super().reversion_register(model, **kwargs)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/vergleich/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{info[0]}_{info[1]}_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = Version.objects.get_for_object(obj) if obj else Version.objects.none()
        versions = versions.select_related("revision__user")
        return super().history_view(
            request,
            object_id,
            extra_context={"compare_form": CompareForm(versions=versions), **(extra_context or {})},
        )

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        form = CompareForm(request.GET or None, versions=versions)
        changes = None
        if form.is_valid():
            older, newer = sorted(
                (form.cleaned_data["older"], form.cleaned_data["newer"]),
                key=lambda version: version.revision.date_created,
            )
            changes = version_changes(self.model, older, newer)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": _("Fassungen vergleichen: %(object)s") % {"object": obj},
            "form": form,
            "changes": changes,
        }
        return render(request, "admin/revisions/compare.html", context)
