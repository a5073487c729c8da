"""The guard of the member-only views (the rule itself is ``core.access``) the 500 handler and public media
without a web server in front."""

import sys
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views import defaults, static
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from core.access import has_member_access
from core.middleware import database_outage_response, is_database_outage

MEDIA_MAX_AGE = 24 * 60 * 60


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


@login_not_required
@require_safe
def public_media(request, path):
    """Public media from ``MEDIA_ROOT`` when no web server stands in front (``SERVE_MEDIA``):
    read-only, files only (no directory listing, nothing outside the folder), with the content
    type guessed from the name, ``nosniff`` and a day's caching."""
    root = Path(settings.MEDIA_ROOT).resolve()
    target = (root / path).resolve()
    protected = Path(settings.PROTECTED_MEDIA_ROOT).resolve()
    if (
        not target.is_relative_to(root)
        or target.is_relative_to(protected)
        or not target.is_file()
        or any(part.startswith(".") for part in target.relative_to(root).parts)
    ):
        raise Http404
    response = static.serve(request, str(target.relative_to(root)), document_root=str(root))
    response["X-Content-Type-Options"] = "nosniff"
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response


def bad_request(request, exception):
    """The 400 page in the site frame (Django's own renders it without the request)."""
    return render(request, "400.html", status=400)
