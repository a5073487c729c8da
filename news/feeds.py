from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.freshness import kept_response
from news.models import Article


class ArticleFeed(Feed):
    """The public news as Atom: the same for everyone, so members-only news never leaks
    into a feed reader, whoever subscribed."""

    feed_type = Atom1Feed
    title = _("DEFUS – Aktuelles")
    subtitle = _(
        "Meldungen des Deutsch-Europäischen Forums für Urbane Sicherheit und seiner Mitglieder"
    )
    link = reverse_lazy("news:list")
    feed_url = reverse_lazy("news:feed")
    author_name = "DEFUS"
    language = "de"

    def __call__(self, request, *args, **kwargs):
        render = super().__call__
        return kept_response(request, "meldungen", lambda: render(request, *args, **kwargs))

    def items(self):
        return (
            Article.objects.visible_to(AnonymousUser())
            .select_related("member")
            .prefetch_related("themes")[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return item.source

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return [theme.title for theme in item.themes.all()]
