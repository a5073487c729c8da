from django.urls import path

from knowledge import document_views

app_name = "documents"
urlpatterns = [
    path("<int:pk>/<path:filename>", document_views.download, name="download"),
]
