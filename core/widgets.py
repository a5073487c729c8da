from django import forms


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
