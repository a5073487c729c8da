from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts exist only because the office created or invited them: no public sign-up."""

    def is_open_for_signup(self, request):
        return False
