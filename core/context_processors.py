from django.utils.functional import SimpleLazyObject

from core.access import has_member_access


def access(request):
    """``member_access`` for the frame and hints (what to offer, never what to show: that is
    each model's ``visible_to``)."""
    return {"member_access": SimpleLazyObject(lambda: has_member_access(request.user))}
