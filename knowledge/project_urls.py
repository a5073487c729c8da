from django.urls import path

from knowledge import project_views

app_name = "projects"
urlpatterns = [
    path("", project_views.ProjectListView.as_view(), name="list"),
    path("<slug:slug>/", project_views.ProjectDetailView.as_view(), name="detail"),
]
