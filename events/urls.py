from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("archiv/", views.EventArchiveView.as_view(), name="archive"),
    path("kalender.ics", views.calendar_feed, name="feed"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>/vorschau/", views.EventPreviewView.as_view(), name="preview"),
    path("<slug:slug>/kalender.ics", views.event_ics, name="ics"),
]
