from django.urls import path

from knowledge import inquiry_views

app_name = "inquiries"
urlpatterns = [
    path("", inquiry_views.InquiryListView.as_view(), name="list"),
    path("neu/", inquiry_views.InquiryCreateView.as_view(), name="create"),
    path("<int:pk>/", inquiry_views.InquiryDetailView.as_view(), name="detail"),
    path("anhang/<int:pk>/", inquiry_views.attachment_download, name="attachment"),
]
