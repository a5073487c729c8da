from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormMixin
from pages.search import KIND_CHOICES, MAX_QUERY_LENGTH, normalize_query


class QueryField(forms.CharField):
    """Takes whatever was typed: control characters (NUL included) become spaces and a query
    that is too long is shortened, instead of an error."""

    def to_python(self, value):
        return normalize_query(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Suchbegriff"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput,
    )
    art = forms.ChoiceField(label=_("Art"), choices=KIND_CHOICES, required=False)

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "")

    @property
    def kind(self) -> str:
        """An unknown kind searches all kinds."""
        return self.cleaned_data.get("art", "")

    @property
    def was_shortened(self) -> bool:
        typed = " ".join(str(self.data.get("q", "")).split())
        return len(typed) > MAX_QUERY_LENGTH


class BarrierReportForm(PublicFormMixin, forms.Form):
    """The feedback route that BITV 2.0 asks for: anyone may report a barrier."""

    page = forms.CharField(
        label=_("Wo ist die Barriere?"),
        max_length=300,
        help_text=_("Die Adresse oder der Name der Seite, z. B. „Termine“."),
    )
    description = forms.CharField(
        label=_("Was funktioniert nicht?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Beschreiben Sie, was Sie tun wollten und woran es scheiterte."),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        required=False,
        help_text=_("Nur wenn Sie eine Antwort wünschen."),
    )
