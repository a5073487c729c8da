from django import forms
from django.contrib.admin.widgets import AdminFileWidget


class RichTextWidget(forms.Textarea):
    """A textarea that static/js/rich-text-editor.js turns into the editor; without
    JavaScript it stays a textarea for HTML."""

    template_name = "django/forms/widgets/textarea.html"

    def __init__(self, attrs=None):
        super().__init__({"rows": 12, "data-rich-text": "", **(attrs or {})})

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "css/rich-text-editor.css",
                ]
            },
            js=[
                "js/rich-text-editor-de.js",
                forms.Script("js/rich-text-editor.js", type="module"),
            ],
        )


class LabelledAdminFileWidget(AdminFileWidget):
    """The admin's file input with a label of its own. Django 6.1 puts a file field in a
    fieldset whose legend names it but leaves the input itself unlabelled (axe: "label");
    shown as a plain field it gets ``<label for=…>`` like every other input."""

    use_fieldset = False
