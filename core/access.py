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


def has_office_access(user) -> bool:
    """True for office staff who log in with their second factor (members/middleware.py
    makes them set it up): only they see drafts and scheduled items in the preview."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import is_mfa_enabled

    return bool(
        getattr(user, "is_active", False)
        and getattr(user, "is_staff", False)
        and is_mfa_enabled(user, [Authenticator.Type.TOTP])
    )


def access_role(user) -> str:
    """What decides which content a person sees, as a word for cache keys: anonymous
    visitors, accounts without member access, members, and each of these as office staff.
    Everyone of one role sees the same content (``visible_to`` asks nothing else)."""
    if not getattr(user, "is_authenticated", False):
        return "anonym"
    role = "mitglied" if has_member_access(user) else "konto"
    return f"{role}-buero" if getattr(user, "is_staff", False) else role
