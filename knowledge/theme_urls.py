from django.urls import path

from knowledge import theme_views

app_name = "themes"
urlpatterns = [
    path("", theme_views.ThemeListView.as_view(), name="list"),
    path("<slug:slug>/", theme_views.ThemeDetailView.as_view(), name="detail"),
]
