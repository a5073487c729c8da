from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormMixin
from pages.models import ContactMessage
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


class ContactForm(PublicFormMixin, forms.ModelForm):
    """The contact form on /kontakt/: anyone writes to the office."""

    heading = _("Schreiben Sie uns")

    class Meta:
        model = ContactMessage
        fields = ["topic", "name", "organisation", "email", "phone", "message"]
        widgets = {
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        }
        labels = {"organisation": _("Stadt, Kreis, Redaktion oder Organisation (freiwillig)")}
        help_texts = {
            "email": _("Dorthin schicken wir die Antwort."),
            "phone": _("Freiwillig, falls wir Sie anrufen dürfen."),
        }

    def submission_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MembershipInquiryForm(ContactForm):
    """On /ueber-uns/mitglied-werden/: the topic is fixed, the city or organisation needed."""

    heading = _("Sie sind an einer Mitgliedschaft interessiert?")

    class Meta(ContactForm.Meta):
        fields = ["name", "organisation", "email", "phone", "message"]
        labels = {"organisation": _("Stadt, Kreis oder Organisation")}
        help_texts = {
            **ContactForm.Meta.help_texts,
            "message": _("Was möchten Sie über die Mitgliedschaft wissen?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True

    def submission_data(self) -> dict:
        return {**super().submission_data(), "topic": ContactMessage.Topic.MEMBERSHIP}
