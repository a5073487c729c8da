from django import forms
from django.utils.translation import gettext_lazy as _

from news.models import Article
from themes.models import Theme


class ArticleSubmissionForm(forms.ModelForm):
    """A member's item for "Neues von den Mitgliedern"; the office releases it."""

    themes = forms.ModelMultipleChoiceField(
        label=_("Themenschwerpunkte"),
        queryset=Theme.objects.filter(parent=None),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Article
        fields = ["title", "teaser", "body", "original_url", "image", "image_alt", "image_credit", "themes"]  # fmt: skip
        widgets = {
            "teaser": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
        }
        labels = {"body": _("Text der Meldung")}
        help_texts = {
            "teaser": _("Zwei, drei Sätze für die Startseite."),
            "body": _("Absätze trennen Sie durch eine Leerzeile."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teaser"].required = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt") and "image_alt" not in self.errors:
            self.add_error(
                "image_alt", _("Bitte beschreiben Sie, was das Bild zeigt (Alternativtext).")
            )
        return cleaned

    def submission_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if not self.files.get("image"):
            data["image"] = None
        return data
