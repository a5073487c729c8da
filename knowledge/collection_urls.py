from django.urls import path

from knowledge import collection_views

app_name = "collections"
urlpatterns = [
    path("", collection_views.CollectionListView.as_view(), name="list"),
    path("<slug:slug>/", collection_views.CollectionDetailView.as_view(), name="detail"),
    path(
        "<slug:slug>/eintrag-hinzufuegen/",
        collection_views.EntryAddView.as_view(),
        name="entry_add",
    ),
]
