from django.contrib.auth.decorators import login_not_required
from django.urls import path

from news import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/", login_not_required(feeds.ArticleFeed()), name="feed"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<slug:slug>/vorschau/", views.ArticlePreviewView.as_view(), name="preview"),
]

# Mounted under /mitgliederbereich/meldungen/ by defus/urls.py.
submission_patterns = [
    path("neu/", views.ArticleSubmitView.as_view(), name="create"),
    path("<int:pk>/bearbeiten/", views.ArticleSubmitView.as_view(), name="edit"),
]
