from django import forms
from django.utils.translation import gettext_lazy as _

from inquiries.models import Answer, AnswerAttachment, Inquiry, validate_answer_attachment
from inquiries.services import MAX_ATTACHMENTS_PER_ANSWER
from members.models import User


class InquiryForm(forms.ModelForm):
    class Meta:
        model = Inquiry
        fields = ["title", "context", "deadline"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "context": forms.Textarea(attrs={"rows": 10}),
        }

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        Inquiry.validate_new_deadline(deadline)
        return deadline


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, each checked for type, content and size."""

    widget = MultipleFileInput
    default_validators = [validate_answer_attachment]

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(AttachmentsField, self).clean(file, initial) for file in files]


class AnswerForm(forms.ModelForm):
    attachments = AttachmentsField(
        label=_("Anhänge hinzufügen"),
        required=False,
        help_text=_(
            "Optional, höchstens %(count)s je Antwort: PDF, Word, Excel, PowerPoint, "
            "OpenDocument-Text, PNG oder JPG."
        )
        % {"count": MAX_ATTACHMENTS_PER_ANSWER},
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Anhänge entfernen"),
        queryset=AnswerAttachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Answer
        fields = ["text"]
        labels = {"text": _("Antwort Ihres Mitglieds")}
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        if attachments:
            self.fields["remove_attachments"].queryset = AnswerAttachment.objects.filter(
                answer=self.instance
            )
        else:
            del self.fields["remove_attachments"]


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["answers_as_digest"]
        labels = {
            "answers_as_digest": _(
                "Antworten auf meine Abfragen einmal täglich gesammelt statt einzeln senden"
            )
        }
