"""The portal's address book: every app owns one part of the domain and one namespace."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from documents.urls import assembly_patterns
from news.urls import submission_patterns

admin.site.site_header = "DEFUS-Portal: Verwaltung"
admin.site.site_title = "DEFUS-Verwaltung"
admin.site.index_title = "Inhalte pflegen"
admin.site.login = secure_admin_login(admin.site.login)  # one login for all, with the second factor

urlpatterns = [
    path("", include("pages.urls")),
    path("mitglieder/", include("members.urls")),
    path("aktuelles/", include("news.urls")),
    path("termine/", include("events.urls")),
    path("themen/", include("themes.urls")),
    path("projekte/", include("projects.urls")),
    path("mitgliederbereich/abfragen/", include("inquiries.urls")),
    path("mitgliederbereich/", include((assembly_patterns, "assemblies"))),
    path("mitgliederbereich/meldungen/", include((submission_patterns, "submissions"))),
    path("wissen/", include("knowledge.urls")),
    path("dokumente/", include("documents.urls")),
    path("konto/", include("members.account_urls")),
    path("konto/", include("allauth.urls")),
    path("verwaltung/", admin.site.urls),
]
