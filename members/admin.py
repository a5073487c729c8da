from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import admin as core_admin
from members.forms import OfficeUserCreationForm
from members.models import ContactPerson, Member, Person, User
from members.services import user_invite


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 1
    fields = ["name", "role", "email", "phone", "position"]


@admin.register(Member)
class MemberAdmin(core_admin.ModelAdmin):
    list_display = ["designation", "kind", "state", "joined_on", "left_on", "efus_member"]
    list_filter = ["kind", "state", "efus_member", "counted_as"]
    search_fields = ["name", "designation", "contacts__name", "contacts__email"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "joined_on"
    inlines = [ContactPersonInline]
    fieldsets = [
        (None, {"fields": ["kind", "designation", "name", "slug", "state", "counted_as"]}),
        (_("Mitgliedschaft"), {"fields": ["joined_on", "left_on", "efus_member"]}),
        (_("Darstellung"), {"fields": ["website", "description", "logo", "logo_alt"]}),
    ]


@admin.register(Person)
class PersonAdmin(core_admin.ModelAdmin):
    list_display = ["name", "group", "role", "organisation", "position"]
    list_filter = ["group"]
    list_editable = ["position"]
    search_fields = ["name", "role", "organisation"]


@admin.register(User)
class UserAdmin(core_admin.QuickChangeListMixin, core_admin.AutocompleteMixin, BaseUserAdmin):
    """Office staff manage who belongs to which member; only superusers touch
    passwords, staff status and permissions."""

    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "member",
        "is_active",
        "is_staff",
        "has_password",
    ]
    list_filter = ["is_active", "is_staff", "member"]
    list_select_related = ["member"]
    search_fields = ["email", "first_name", "last_name", "member__designation"]
    autocomplete_fields = ["member"]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["send_invitation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "member"]}),
        (
            _("Rechte"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Daten"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "first_name",
                    "last_name",
                    "member",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]
    office_fieldsets = [
        (None, {"fields": ["email"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "member"]}),
        (_("Zugang"), {"fields": ["is_active"]}),
        (_("Daten"), {"fields": ["last_login", "date_joined"]}),
    ]
    office_add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "member"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.office_add_fieldsets if obj is None else self.office_fieldsets

    def get_form(self, request, obj=None, **kwargs):
        if not request.user.is_superuser and obj is None:
            kwargs["form"] = OfficeUserCreationForm
        return super().get_form(request, obj, **kwargs)

    def has_delete_permission(self, request, obj=None):
        """The office deletes people's accounts (DSGVO); a superuser's only a superuser."""
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if not request.user.is_superuser and queryset.filter(is_superuser=True).exists():
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    @admin.display(boolean=True, description=_("Passwort gesetzt"))
    def has_password(self, user):
        return user.has_usable_password()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and not obj.has_usable_password():
            self._invite(request, [obj])

    @admin.action(description=_("Einladung per E-Mail senden"), permissions=["change"])
    def send_invitation(self, request, queryset):
        self._invite(request, queryset.select_related("member"))

    def _invite(self, request, users):
        invited = 0
        for user in users:
            try:
                user_invite(user=user, request=request)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.WARNING)
            else:
                invited += 1
        if invited:
            self.message_user(
                request,
                ngettext(
                    "Eine Einladung wird per E-Mail verschickt.",
                    "%(count)d Einladungen werden per E-Mail verschickt.",
                    invited,
                )
                % {"count": invited},
                messages.SUCCESS,
            )

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)
