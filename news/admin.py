from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from core.revisions import ContentVersionAdmin
from news.models import Article


@admin.register(Article)
class ArticleAdmin(core_admin.AutocompleteMixin, ContentVersionAdmin):
    list_display = [
        "title", "source", "state", "visibility", "published_at", "expires_at", "preview_link"
    ]  # fmt: skip
    list_filter = ["status", "visibility", "member", "themes"]
    list_select_related = ["member"]
    search_fields = ["title", "teaser", "body", "member__designation"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["member"]
    filter_horizontal = ["themes"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "member", "teaser", "body"]}),
        (_("Veröffentlichung"), {"fields": ["status", "visibility", "published_at", "expires_at"]}),
        (_("Einordnung"), {"fields": ["themes", "project"]}),
        (_("Bild"), {"fields": ["image", "image_alt", "image_credit"]}),
    ]

    @admin.display(description=_("Stand"), ordering="status")
    def state(self, article):
        return article.publication_state

    @admin.display(description=_("Vorschau"))
    def preview_link(self, article):
        return format_html(
            '<a href="{}">{}</a>',
            article.get_preview_url(),
            _("Vorschau: %(title)s") % {"title": article.title},
        )

    def view_on_site(self, article):
        """The preview: it shows drafts and scheduled articles too (the public address
        would answer 404 for them)."""
        return article.get_preview_url()

    @admin.display(description=_("Quelle"), ordering="member__designation")
    def source(self, article):
        return article.source
