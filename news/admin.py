from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from news.models import Article


@admin.register(Article)
class ArticleAdmin(core_admin.ModelAdmin):
    list_display = ["title", "source", "status", "visibility", "published_at", "expires_at"]
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

    @admin.display(description=_("Quelle"), ordering="member__designation")
    def source(self, article):
        return article.source
