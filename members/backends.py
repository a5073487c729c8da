from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef

from core.db.compiled import CompiledGet
from members.models import User


def users_for_requests():
    """Users with their member and with whether they have an authenticator app."""
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return User._default_manager.select_related("member").annotate(has_totp=Exists(totp))


# Built once per process: building this query for every request cost two to three times what
# running it costs (core.db.compiled).
request_users = CompiledGet(users_for_requests, pk=-7_340_217)


class AuthenticationBackend(AllauthBackend):
    """allauth's e-mail login; the user of every request comes with their member and with
    whether they have an authenticator app, in one query, because ``has_member_access``
    (asked in the header of every page) needs both."""

    def get_user(self, user_id):
        user = request_users.get(pk=User._meta.pk.to_python(user_id))
        return user if user is not None and self.user_can_authenticate(user) else None
