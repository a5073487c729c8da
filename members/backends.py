from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef

from members.models import User


class AuthenticationBackend(AllauthBackend):
    """allauth's e-mail login; the user of every request comes with their member and with
    whether they have an authenticator app, in one query, because ``has_member_access``
    (asked in the header of every page) needs both."""

    def get_user(self, user_id):
        totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        try:
            user = (
                User._default_manager.select_related("member")
                .annotate(has_totp=Exists(totp))
                .get(pk=user_id)
            )
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
