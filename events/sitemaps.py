from django.contrib.sitemaps import Sitemap

from events.models import Event


class EventSitemap(Sitemap):
    """Every event an anonymous visitor may see; never an intern one."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.public().order_by("-starts_on", "pk")

    def lastmod(self, event):
        return event.updated_at
