"""The one access rule for members' content, and the guard of the member-only views.

Whether a person may see members' content is ``User.has_member_access`` (members/models.py);
everything else asks through ``has_member_access(user)``, which is False for anonymous
visitors. Models decide per row in ``visible_to(user)``; views are guarded by
``core.views.MemberAccessRequiredMixin``: anonymous visitors are sent to the
login page (and back afterwards), logged-in people without member access get the 403 page.
"""


def has_member_access(user) -> bool:
    """True for users who may see members' content; anonymous visitors never may."""
    return getattr(user, "has_member_access", False)
