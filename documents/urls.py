from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("<int:pk>/<path:filename>", views.download, name="download"),
]

# Mounted under /mitgliederbereich/ by defus/urls.py, in the same namespace.
assembly_patterns = [
    path("mitgliederversammlungen/", views.AssemblyArchiveView.as_view(), name="list"),
]
