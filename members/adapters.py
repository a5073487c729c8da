from types import SimpleNamespace
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.stagekit import clear_login
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import reverse

from core.mail import mail_send


class AccountAdapter(DefaultAccountAdapter):
    """Accounts exist only because the office created or invited them: no public sign-up.
    Who may log in is ``User.may_log_in``: active users of an active member, and the office
    (which then must set up its second factor before it sees anything for members)."""

    def is_open_for_signup(self, request):
        return False

    def pre_login(self, request, user, **kwargs):
        if user.is_active and not user.may_log_in:
            # The member has left (or there is none): the same answer as for a deactivated
            # account, given only after the right password.
            clear_login(request)
            return self.respond_user_inactive(request, user)
        return super().pre_login(request, user, **kwargs)

    def get_client_ip(self, request):
        """The address the per-IP limits count: from X-Forwarded-For as far as
        ALLAUTH_TRUSTED_PROXY_COUNT trusts it, else the connection's own. A request that came
        past the proxy, or with a header that makes no sense, counts under the connection's
        address instead of failing (allauth answers those with 500 or 403)."""
        try:
            return super().get_client_ip(request)
        except (ImproperlyConfigured, PermissionDenied):
            return request.META.get("REMOTE_ADDR") or "0.0.0.0"

    def get_reset_password_from_key_url(self, key: str) -> str:
        """The link in the password reset mail, on the portal's public address: the mail is
        made by the worker, where there is no request (and a request's Host header must not
        decide where the link points). Built like allauth's own."""
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return settings.SITE_URL + path.replace("UID-KEY", quote(key))

    def send_mail(self, template_prefix, email, context):
        """allauth's mails (password reset, second factor) go through the queue like every
        other: the answer never waits for, or fails with, the mail server."""
        site = SimpleNamespace(name="DEFUS-Portal", domain=urlsplit(settings.SITE_URL).netloc)
        mail_send(self.render_mail(template_prefix, email, {"current_site": site, **context}))
