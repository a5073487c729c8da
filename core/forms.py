"""Public forms: a honeypot field and a per-address limit, without a third-party captcha.

``PublicFormMixin`` is deliberately small so that the shared version for all public forms can
replace it: the view passes ``request``, checks ``form.is_spam`` and calls
``form.submission_record()`` after a successful save.
"""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

PUBLIC_FORM_LIMIT = 5  # submissions per address and form
PUBLIC_FORM_WINDOW = 60 * 60  # seconds


class PublicFormMixin(forms.Form):
    honeypot_name = "website"

    website = forms.CharField(
        label=_("Bitte lassen Sie dieses Feld leer"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    @property
    def is_spam(self) -> bool:
        """A bot filled in the field people never see: pretend success, keep nothing."""
        return bool(self.data.get(self.honeypot_name))

    def _throttle_key(self) -> str:
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        return f"public-form:{type(self).__name__}:{address}"

    def clean(self):
        cleaned = super().clean()
        if self.request is not None and cache.get(self._throttle_key(), 0) >= PUBLIC_FORM_LIMIT:
            raise forms.ValidationError(
                _(
                    "Von Ihrem Anschluss kamen in der letzten Stunde schon %(count)s Nachrichten. "
                    "Bitte versuchen Sie es später noch einmal oder schreiben Sie an "
                    "defus@defus.org."
                ),
                params={"count": PUBLIC_FORM_LIMIT},
                code="throttled",
            )
        return cleaned

    def submission_record(self) -> None:
        if self.request is not None:
            key = self._throttle_key()
            cache.add(key, 0, PUBLIC_FORM_WINDOW)
            try:
                cache.incr(key)
            except ValueError:  # expired in between
                cache.set(key, 1, PUBLIC_FORM_WINDOW)

    def honeypot_field(self):
        return self[self.honeypot_name]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != self.honeypot_name]
