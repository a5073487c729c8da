from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from pages import area_views, views
from pages.forms import ContactForm, MembershipInquiryForm
from pages.models import Page
from pages.sitemaps import SITEMAPS

app_name = "pages"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("suche/", views.SearchView.as_view(), name="search"),
    path(
        "robots.txt",
        login_not_required(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
        name="robots",
    ),
    path("sitemap.xml", login_not_required(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("mitgliederbereich/", area_views.DashboardView.as_view(), name="dashboard"),
    path("ueber-uns/", views.PageView.as_view(), {"slug": Page.Slug.ABOUT}, name=Page.Slug.ABOUT),
    path("ueber-uns/vorstand-und-team/", views.TeamView.as_view(), {"slug": Page.Slug.TEAM}, name=Page.Slug.TEAM),
    path("ueber-uns/satzung/", views.PageView.as_view(), {"slug": Page.Slug.STATUTES}, name=Page.Slug.STATUTES),
    path("ueber-uns/mitglied-werden/", views.ContactPageView.as_view(form_class=MembershipInquiryForm), {"slug": Page.Slug.MEMBERSHIP}, name=Page.Slug.MEMBERSHIP),
    path("kontakt/", views.ContactPageView.as_view(form_class=ContactForm), {"slug": Page.Slug.CONTACT}, name=Page.Slug.CONTACT),
    path("impressum/", views.PageView.as_view(template_name="pages/imprint.html"), {"slug": Page.Slug.IMPRINT}, name=Page.Slug.IMPRINT),
    path("datenschutz/", views.PageView.as_view(), {"slug": Page.Slug.PRIVACY}, name=Page.Slug.PRIVACY),
    path("barrierefreiheit/", views.PageView.as_view(), {"slug": Page.Slug.ACCESSIBILITY}, name=Page.Slug.ACCESSIBILITY),
    path("seiten/<slug:slug>/vorschau/", views.page_preview, name="preview"),
    path("barrierefreiheit/melden/", views.BarrierReportView.as_view(), name="barrier-report"),
]  # fmt: skip
