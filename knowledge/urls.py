from django.urls import path

from knowledge import views

app_name = "collections"
urlpatterns = [
    path("", views.CollectionListView.as_view(), name="list"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/beobachten/", views.watch_toggle, name="watch"),
    path("<slug:slug>/", views.CollectionDetailView.as_view(), name="detail"),
    path(
        "<slug:slug>/eintrag-hinzufuegen/",
        views.EntryAddView.as_view(),
        name="entry_add",
    ),
    path(
        "<slug:slug>/eintrag/<int:pk>/bearbeiten/",
        views.EntryEditView.as_view(),
        name="entry_edit",
    ),
    path(
        "<slug:slug>/eintrag/<int:pk>/loeschen/",
        views.EntryDeleteView.as_view(),
        name="entry_delete",
    ),
]
