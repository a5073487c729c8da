"""The guard of the member-only views (the rule itself is ``core.access``)."""

from functools import wraps

from django.contrib.auth.mixins import UserPassesTestMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from core.access import has_member_access


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


def bad_request(request, exception):
    """The 400 page in the site frame (Django's own renders it without the request)."""
    return render(request, "400.html", status=400)
