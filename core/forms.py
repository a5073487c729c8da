"""What every public form (barrier report, contact, membership) shares: a honeypot field that
people never see, and a limit per IP address in the shared cache.

A form class mixes in ``PublicFormMixin``, its ``FormView`` mixes in ``PublicFormViewMixin``."""

from allauth.account.adapter import get_adapter
from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


class PublicFormMixin:
    """Adds the honeypot: a text field hidden from people and screen readers (CSS class,
    ``aria-hidden``, out of the tab order, no autofill). Bots that fill every field fill it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Bitte lassen Sie dieses Feld leer"),
            required=False,
            template_name="core/honeypot_field.html",  # form templates come from the apps
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def is_honeypot_filled(self) -> bool:
        return bool(str(self.data.get(HONEYPOT, "")).strip())


def throttle_pass(*, key: str, limit: int, seconds: int) -> bool:
    """Count one attempt under ``key`` in the shared cache; True while at most ``limit`` fell
    into the current window of ``seconds``."""
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit


class PublicFormViewMixin:
    """For the FormView of a public form: ``throttle_limit`` submissions per IP address in
    ``throttle_seconds`` (beyond: the form again, with everything typed, a German message and
    status 429); a filled honeypot is answered like a success, and nothing is stored or sent.
    ``success_url`` and ``success_message`` say where a sender lands and what they read."""

    throttle_limit = 5
    throttle_seconds = 10 * 60
    throttle_message = _(
        "Von Ihrem Anschluss kamen in den letzten Minuten sehr viele Meldungen. Bitte warten "
        "Sie zehn Minuten und senden Sie das Formular dann noch einmal – Ihre Eingaben "
        "bleiben erhalten."
    )
    success_message = ""

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        ip = get_adapter(request).get_client_ip(request)
        key = f"throttle:{self.throttle_scope()}:{ip}"
        if not throttle_pass(key=key, limit=self.throttle_limit, seconds=self.throttle_seconds):
            form.is_valid()
            form.add_error(None, self.throttle_message)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if form.is_honeypot_filled:
            return self.form_success()
        return super().post(request, *args, **kwargs)

    def throttle_scope(self) -> str:
        """What is counted together: by default every form this view serves."""
        return type(self).__name__

    def form_success(self):
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())
