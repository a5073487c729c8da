from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from members.models import User


class AuthenticationBackend(AllauthBackend):
    """allauth's e-mail login; the user of every request comes with their member, because
    ``has_member_access`` (asked in the header of every page) needs it."""

    def get_user(self, user_id):
        try:
            user = User._default_manager.select_related("member").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
