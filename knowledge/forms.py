from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import DOCUMENT_TYPES
from documents.models import Document
from knowledge.models import Entry

MAX_TAGS = 10
MAX_TAG_LENGTH = 40


class EntryForm(forms.ModelForm):
    """A member adds a link, a document (uploaded here) or a note to a collection."""

    file = forms.FileField(
        label=_("Datei"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ending}" for ending in DOCUMENT_TYPES)}
        ),
    )
    tags = forms.CharField(
        label=_("Schlagworte"),
        required=False,
        max_length=500,
        help_text=_("Durch Kommas getrennt, z. B. „Istanbul-Konvention, Aktionsplan“."),
    )

    class Meta:
        model = Entry
        fields = ["kind", "title", "description", "url", "file", "source", "date", "tags"]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "url": _("Nur für Links."),
            "description": _("Worum geht es, und warum ist es für andere Städte nützlich?"),
            "date": _("Wann die Quelle erschienen ist, falls bekannt."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Nur für Dokumente. %(types)s Höchstens %(limit)s MB. Das Dokument sehen nur "
            "Mitglieder."
        ) % {
            "types": Document._meta.get_field("file").help_text,
            "limit": settings.DOCUMENT_MAX_UPLOAD_MB,
        }

    def clean_tags(self) -> list[str]:
        tags = list(
            dict.fromkeys(
                tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()
            )
        )
        if len(tags) > MAX_TAGS:
            raise ValidationError(
                _("Bitte höchstens %(max)s Schlagworte."), params={"max": MAX_TAGS}
            )
        if too_long := [tag for tag in tags if len(tag) > MAX_TAG_LENGTH]:
            raise ValidationError(
                _("Ein Schlagwort hat höchstens %(max)s Zeichen: „%(tag)s“ ist länger."),
                params={"max": MAX_TAG_LENGTH, "tag": too_long[0]},
            )
        return tags

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Entry.Kind.LINK:
            cleaned["file"] = None
            if not cleaned.get("url") and "url" not in self.errors:
                self.add_error("url", _("Für einen Link brauchen wir die Adresse (URL)."))
        elif kind == Entry.Kind.DOCUMENT:
            cleaned["url"] = ""
            if not cleaned.get("file") and "file" not in self.errors:
                self.add_error("file", _("Bitte wählen Sie die Datei aus, die Sie teilen möchten."))
            elif cleaned.get("file"):
                self._validate_file(cleaned["file"])
        elif kind == Entry.Kind.NOTE:
            cleaned["url"], cleaned["file"] = "", None
            if not cleaned.get("description") and "description" not in self.errors:
                self.add_error("description", _("Eine Notiz braucht einen Text."))
        return cleaned

    def _validate_file(self, file) -> None:
        """The same checks as every document upload, from the model field."""
        try:
            Document._meta.get_field("file").run_validators(file)
        except ValidationError as error:
            self.add_error("file", error)

    def entry_data(self) -> dict:
        """The arguments of ``entry_add`` from the cleaned form."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EntryEditForm(forms.ModelForm):
    """Editing an entry changes its texts; the kind and an uploaded file stay."""

    tags = EntryForm.base_fields["tags"]
    clean_tags = EntryForm.clean_tags

    class Meta:
        model = Entry
        fields = ["title", "description", "url", "source", "date", "tags"]
        widgets = EntryForm.Meta.widgets
        help_texts = EntryForm.Meta.help_texts

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind != Entry.Kind.LINK:
            del self.fields["url"]
        if not self.is_bound:
            self.initial["tags"] = ", ".join(self.instance.tags)

    def clean(self):
        cleaned = super().clean()
        kind = self.instance.kind
        if kind == Entry.Kind.LINK and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("url", _("Für einen Link brauchen wir die Adresse (URL)."))
        note_empty = kind == Entry.Kind.NOTE and not cleaned.get("description")
        if note_empty and "description" not in self.errors:
            self.add_error("description", _("Eine Notiz braucht einen Text."))
        return cleaned

    def entry_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}
