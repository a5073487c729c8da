"""The portal's address book: every app owns one part of the domain and one namespace."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path

from activities.urls import publication_patterns, report_patterns
from core.admin import quick_app_list
from core.views import public_media
from documents.urls import assembly_patterns
from news.urls import submission_patterns

admin.site.site_header = "DEFUS-Portal: Verwaltung"
admin.site.site_title = "DEFUS-Verwaltung"
admin.site.index_title = "Inhalte pflegen"
admin.site.login = secure_admin_login(admin.site.login)  # one login for all, with the second factor
admin.site.get_app_list = quick_app_list(admin.site.get_app_list)  # kept per set of permissions

# A vanished database answers 503 wherever it is noticed; everything else gets the German 500.
handler500 = "core.views.server_error"

urlpatterns = [
    path("", include("pages.urls")),
    path("mitglieder/", include("members.urls")),
    path("aktuelles/", include("news.urls")),
    path("termine/", include("events.urls")),
    path("anmeldung/", include("registrations.urls")),
    path("themen/", include("themes.urls")),
    path("projekte/", include("projects.urls")),
    path("mitgliederbereich/abfragen/", include("inquiries.urls")),
    path("mitgliederbereich/", include((assembly_patterns, "assemblies"))),
    path("mitgliederbereich/meldungen/", include((submission_patterns, "submissions"))),
    path("wissen/", include("knowledge.urls")),
    path("dokumente/", include("documents.urls")),
    path("konto/", include("members.account_urls")),
    path("konto/", include("allauth.urls")),
    path("leitgedanken/", include("activities.urls")),
    path("publikationen/", include((publication_patterns, "publications"))),
    path("verwaltung/jahresbericht/", include(report_patterns)),
    path("verwaltung/", admin.site.urls),
]

# Public media (MEDIA_ROOT): the development server in DEBUG, Django itself for `make serve`
# (SERVE_MEDIA); in production the web server in front serves /media/.
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", public_media, name="media")]

handler400 = "core.views.bad_request"
