from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.models import (
    AnnualReport,
    Body,
    BodyMeeting,
    Contribution,
    EfusEvent,
    EfusProject,
    Exchange,
    FundingApplication,
    Guideline,
    GuidelineSignature,
    Highlight,
    MediaInquiry,
    Publication,
    SectionIntro,
)
from core import admin as core_admin
from core.revisions import ContentVersionAdmin

# Plain selects and checkboxes: the admin's select2 (autocomplete) and filter_horizontal
# widgets fail axe-core; these work without JavaScript too.
MEMBER_CHECKBOXES = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}


@admin.register(Exchange)
class ExchangeAdmin(core_admin.ModelAdmin):
    list_display = ["topic", "held_on", "mode"]
    list_filter = ["mode", "members"]
    search_fields = ["topic", "notes", "members__name"]
    date_hierarchy = "held_on"
    formfield_overrides = MEMBER_CHECKBOXES


class BodyMeetingInline(admin.StackedInline):
    model = BodyMeeting
    extra = 1


@admin.register(Body)
class BodyAdmin(core_admin.ModelAdmin):
    list_display = ["name", "defus_role", "person", "starts_on", "ends_on", "project"]
    list_filter = ["project"]
    search_fields = ["name", "defus_role", "person", "description"]
    list_select_related = ["project"]
    inlines = [BodyMeetingInline]


@admin.register(Contribution)
class ContributionAdmin(core_admin.ModelAdmin):
    list_display = ["event_title", "held_on", "mode", "place", "people"]
    list_filter = ["mode"]
    search_fields = ["event_title", "organiser", "description", "people"]
    date_hierarchy = "held_on"


@admin.register(MediaInquiry)
class MediaInquiryAdmin(core_admin.ModelAdmin):
    list_display = ["outlet", "topic", "format", "received_on", "person", "outcome"]
    list_filter = ["outcome", "format"]
    search_fields = ["outlet", "topic", "person"]
    date_hierarchy = "received_on"
    readonly_fields = ["contact_message_link"]

    @admin.display(description=_("aus der Kontaktanfrage"))
    def contact_message_link(self, obj):
        # The message lives higher up (pages) and points here; read through its reverse relation.
        contact = getattr(obj, "contact_message", None) if obj.pk else None
        if contact is None:
            return "–"
        url = reverse("admin:pages_contactmessage_change", args=[contact.pk])
        return format_html('<a href="{}">{}</a>', url, contact)


@admin.register(Publication)
class PublicationAdmin(core_admin.ModelAdmin):
    list_display = ["title", "kind", "authors", "venue", "issue", "year", "status"]
    list_filter = ["kind", "status", "year"]
    search_fields = ["title", "authors", "venue"]
    date_hierarchy = "dated_on"


@admin.register(EfusEvent)
class EfusEventAdmin(core_admin.ModelAdmin):
    list_display = ["title", "starts_on", "city"]
    search_fields = ["title", "city", "description"]
    list_filter = ["members"]
    date_hierarchy = "starts_on"
    formfield_overrides = MEMBER_CHECKBOXES


@admin.register(EfusProject)
class EfusProjectAdmin(core_admin.ModelAdmin):
    list_display = ["name", "lead", "starts_on", "ends_on", "status"]
    list_filter = ["status"]
    search_fields = ["name", "title", "lead", "description"]
    formfield_overrides = MEMBER_CHECKBOXES


@admin.register(FundingApplication)
class FundingApplicationAdmin(core_admin.ModelAdmin):
    list_display = ["call", "funding_line", "submitted_on", "status"]
    list_filter = ["status"]
    search_fields = ["call", "funding_line", "partners"]
    date_hierarchy = "submitted_on"
    formfield_overrides = MEMBER_CHECKBOXES


@admin.register(Highlight)
class HighlightAdmin(core_admin.ModelAdmin):
    list_display = ["title", "year", "position"]
    list_filter = ["year"]
    search_fields = ["title", "text"]


class SectionIntroInline(admin.StackedInline):
    model = SectionIntro
    extra = 1


@admin.register(AnnualReport)
class AnnualReportAdmin(ContentVersionAdmin):
    """Each save keeps a version of the report and its intros (django-reversion follows the
    inline); every intro has its own history and comparison too."""

    list_display = ["__str__", "year", "report_link"]
    search_fields = ["year"]
    inlines = [SectionIntroInline]

    @admin.display(description=_("Bericht"))
    def report_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Bericht ansehen"))


@admin.register(SectionIntro)
class SectionIntroAdmin(ContentVersionAdmin):
    list_display = ["section", "report"]
    list_filter = ["report", "section"]
    list_select_related = ["report"]
    search_fields = ["text"]


class GuidelineSignatureInline(admin.StackedInline):
    model = GuidelineSignature
    extra = 0


@admin.register(Guideline)
class GuidelineAdmin(core_admin.ModelAdmin):
    list_display = ["title", "adopted_on", "signed_count", "planned_count"]
    search_fields = ["title", "text"]
    date_hierarchy = "adopted_on"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GuidelineSignatureInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_signature_counts()

    @admin.display(description=_("unterzeichnet"), ordering="signed_count")
    def signed_count(self, obj):
        return obj.signed_count

    @admin.display(description=_("geplant"), ordering="planned_count")
    def planned_count(self, obj):
        return obj.planned_count
