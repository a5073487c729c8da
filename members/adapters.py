from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.stagekit import clear_login
from django.conf import settings


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

    def send_mail(self, template_prefix, email, context):
        site = SimpleNamespace(name="DEFUS-Portal", domain=urlsplit(settings.SITE_URL).netloc)
        return super().send_mail(template_prefix, email, {"current_site": site, **context})
