from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from defus import views
from defus.models import Page
from defus.sitemaps import SITEMAPS

admin.site.site_header = "DEFUS-Portal: Verwaltung"
admin.site.site_title = "DEFUS-Verwaltung"
admin.site.index_title = "Inhalte pflegen"
admin.site.login = secure_admin_login(admin.site.login)  # one login for all, with the second factor

page_patterns = [
    path("ueber-uns/", views.PageView.as_view(), {"slug": Page.Slug.ABOUT}, name=Page.Slug.ABOUT),
    path("ueber-uns/vorstand-und-team/", views.TeamView.as_view(), {"slug": Page.Slug.TEAM}, name=Page.Slug.TEAM),
    path("ueber-uns/satzung/", views.PageView.as_view(), {"slug": Page.Slug.STATUTES}, name=Page.Slug.STATUTES),
    path("ueber-uns/mitglied-werden/", views.PageView.as_view(), {"slug": Page.Slug.MEMBERSHIP}, name=Page.Slug.MEMBERSHIP),
    path("kontakt/", views.PageView.as_view(), {"slug": Page.Slug.CONTACT}, name=Page.Slug.CONTACT),
    path("impressum/", views.PageView.as_view(), {"slug": Page.Slug.IMPRINT}, name=Page.Slug.IMPRINT),
    path("datenschutz/", views.PageView.as_view(), {"slug": Page.Slug.PRIVACY}, name=Page.Slug.PRIVACY),
    path("barrierefreiheit/", views.PageView.as_view(), {"slug": Page.Slug.ACCESSIBILITY}, name=Page.Slug.ACCESSIBILITY),
    path("barrierefreiheit/melden/", views.BarrierReportView.as_view(), name="barrier-report"),
]  # fmt: skip

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("suche/", views.SearchView.as_view(), name="search"),
    path(
        "robots.txt",
        login_not_required(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
    ),
    path(
        "sitemap.xml",
        login_not_required(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include((page_patterns, "pages"))),
    path("mitglieder/", include("members.urls")),
    path("aktuelles/", include("news.urls")),
    path("termine/", include("events.urls")),
    path("themen/", include("knowledge.theme_urls")),
    path("projekte/", include("knowledge.project_urls")),
    path("mitgliederbereich/abfragen/", include("knowledge.inquiry_urls")),
    path("wissen/", include("knowledge.collection_urls")),
    path("dokumente/", include("knowledge.document_urls")),
    path("mitgliederbereich/", include("members.area_urls")),
    path("konto/", include("members.account_urls")),
    path("konto/", include("allauth.urls")),
    path("verwaltung/", admin.site.urls),
]
