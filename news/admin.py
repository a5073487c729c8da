from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import admin as core_admin
from core.revisions import ContentVersionAdmin
from news.models import Article
from news.services import article_decision_notify


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
    readonly_fields = ["submitted_by"]
    actions = ["approve_now"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "member", "teaser", "body", "original_url"]}),
        (
            _("Veröffentlichung"),
            {
                "fields": ["status", "visibility", "published_at", "expires_at"],
                "description": _(
                    "Eine Einreichung eines Mitglieds geben Sie frei, indem Sie den Status auf "
                    "„Veröffentlicht“ setzen (mit einer Zeit in der Zukunft: eingeplant); "
                    "„Zurückgegeben“ oder „Abgelehnt“ mit einer Anmerkung. Die einreichende "
                    "Person erhält beim Speichern eine E-Mail."
                ),
            },
        ),
        (_("Einreichung"), {"fields": ["submitted_by", "review_comment"]}),
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "status" in form.changed_data and obj.submitted_by_id:
            article_decision_notify(article=obj)
            self.message_user(
                request, _("Die einreichende Person erhält eine E-Mail."), messages.INFO
            )

    @admin.action(description=_("Einreichungen jetzt freigeben und veröffentlichen"))
    def approve_now(self, request, queryset):
        articles = list(queryset.awaiting_review().select_related("submitted_by"))
        for article in articles:
            article.status = Article.Status.PUBLISHED
            article.published_at = timezone.now()
            article.save(update_fields=["status", "published_at", "updated_at"])
            article_decision_notify(article=article)
        self.message_user(
            request,
            ngettext(
                "%(count)s Meldung ist freigegeben.",
                "%(count)s Meldungen sind freigegeben.",
                len(articles),
            )
            % {"count": len(articles)},
            messages.SUCCESS,
        )
