from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class OfficeSecondFactorMiddleware:
    """Office staff must use a second factor: until they have activated an authenticator
    app, every page behind the login except their account pages sends them to set it up.
    Public pages they may see, but as an anonymous visitor does: ``User.has_member_access``
    (the one access rule) is false for them. Logging in with the app is then allauth's job
    (its login asks for the code)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.lacks_second_factor):
            return None
        if not getattr(view_func, "login_required", True):
            return None
        if (request.resolver_match.url_name or "").startswith(("account_", "mfa_")):
            return None
        messages.info(
            request,
            _(
                "Für Konten der Geschäftsstelle ist die Zwei-Faktor-Authentifizierung "
                "Pflicht. Bitte richten Sie zuerst eine Authenticator-App ein."
            ),
        )
        return redirect("mfa_activate_totp")
