from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from members.forms import OfficeUserCreationForm
from members.models import ContactPerson, Member, Person, User


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 1
    fields = ["name", "role", "email", "phone", "position"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
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
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "role", "organisation", "position"]
    list_filter = ["group"]
    list_editable = ["position"]
    search_fields = ["name", "role", "organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Office staff manage who belongs to which member; only superusers touch
    passwords, staff status and permissions."""

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "member", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "member"]
    list_select_related = ["member"]
    search_fields = ["email", "first_name", "last_name", "member__designation"]
    autocomplete_fields = ["member"]
    readonly_fields = ["last_login", "date_joined"]
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

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)
