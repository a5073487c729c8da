"""``/sitemap.xml``: public pages only. Every section reads through the same queryset the
public pages use, so nothing for members can appear here."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from events.sitemaps import EventSitemap
from members.models import Member
from news.models import Article
from pages.models import Page
from projects.models import Project
from themes.models import Theme


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.all()

    def lastmod(self, page):
        return page.updated_at


class MemberSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Member.objects.active_on(timezone.localdate())


class ThemeSitemap(Sitemap):
    def items(self):
        return Theme.objects.focus_areas()


class ProjectSitemap(Sitemap):
    def items(self):
        return Project.objects.visible_to(AnonymousUser())


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.visible_to(AnonymousUser()).order_by("-published_at")

    def lastmod(self, article):
        return article.updated_at


class StaticSitemap(Sitemap):
    def items(self):
        return [
            "pages:home",
            "members:list",
            "projects:list",
            "themes:list",
            "news:list",
            "events:list",
            "activities:guidelines",
            "publications:list",
        ]

    def location(self, name):
        from django.urls import reverse

        return reverse(name)


SITEMAPS = {
    "static": StaticSitemap,
    "pages": PageSitemap,
    "members": MemberSitemap,
    "themes": ThemeSitemap,
    "projects": ProjectSitemap,
    "news": ArticleSitemap,
    "events": EventSitemap,
}
