from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.access import access_role, has_member_access


def access(request):
    """``member_access`` for the frame and hints (what to offer, never what to show: that is
    each model's ``visible_to``)."""
    return {"member_access": SimpleLazyObject(lambda: has_member_access(request.user))}


def fragments(request):
    """``fragment_key`` and ``fragment_seconds`` for ``{% cache %}`` around the parts of a
    page that are the same for everyone of a role:
    ``{% cache fragment_seconds "name" fragment_key … using="fragments" %}``. The key holds
    the content version read at the start of the request (so every content write and every
    scheduled moment shows at the next request, on every worker) and the role
    (``core.access.access_role``), so nothing kept for members reaches anyone else. What is
    personal (a name, a CSRF token, "neu" marks) stays outside, or adds its own key."""
    version = getattr(request, "content_version", None)
    if not settings.FRAGMENT_CACHE_SECONDS or version is None:
        return {"fragment_seconds": 0, "fragment_key": "aus"}
    return {
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "fragment_key": SimpleLazyObject(lambda: f"{version.token}.{access_role(request.user)}"),
    }
