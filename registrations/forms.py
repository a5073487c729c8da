from django import forms
from django.utils.translation import gettext_lazy as _

from registrations.models import Question


class RegistrationForm(forms.Form):
    """Name, e-mail and organisation for the public; the extra questions for everyone.

    A member's details come from the account, so a member's form holds only the questions.
    """

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False,
        help_text=_("z. B. Stadt, Polizei, Hochschule oder Verein."),
    )  # fmt: skip

    def __init__(self, *args, questions: list[Question], with_person: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        if not with_person:
            for name in ("name", "email", "organisation"):
                del self.fields[name]
        for question in questions:
            if question.is_choice:
                field = forms.ChoiceField(
                    choices=[("", "—"), *((o, o) for o in question.option_list)],
                )
            else:
                field = forms.CharField(max_length=500, widget=forms.TextInput)
            field.label = question.label
            field.required = question.required
            self.fields[f"frage_{question.pk}"] = field

    def answers(self) -> dict:
        return {
            question.label: self.cleaned_data.get(f"frage_{question.pk}", "")
            for question in self.questions
        }


class OfficeMessageForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    text = forms.CharField(label=_("Nachricht"), widget=forms.Textarea(attrs={"rows": 10}))
