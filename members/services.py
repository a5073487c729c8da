from django.contrib.auth.models import Group, Permission

OFFICE_GROUP = "Geschäftsstelle"
OFFICE_APPS = ["defus", "members", "news", "events", "knowledge"]


def office_group_sync() -> Group:
    """Create or update the office group: all content permissions; of user accounts only
    add, change and view (the admin keeps passwords and permissions from it)."""
    group, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=OFFICE_APPS).exclude(
        content_type__app_label="members", codename="delete_user"
    )
    group.permissions.set(permissions)
    return group
