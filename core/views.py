"""The guard of the member-only views (the rule itself is ``core.access``) and the 500 handler."""

import sys
from functools import wraps

from django.contrib.auth.mixins import UserPassesTestMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from core.access import has_member_access
from core.middleware import database_outage_response, is_database_outage


class MemberAccessRequiredMixin(UserPassesTestMixin):
    def test_func(self):
        return has_member_access(self.request.user)


def member_access_required(view_func):
    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if has_member_access(request.user):
            return view_func(request, *args, **kwargs)
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(request.get_full_path())

    return wrapper


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """``handler500``: a vanished database is an outage (503, see
    ``core.middleware.DatabaseOutageMiddleware``), everything else Django's German 500 page."""
    if is_database_outage(sys.exc_info()[1]):
        return database_outage_response()
    return defaults.server_error(request, template_name)
