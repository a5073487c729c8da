from django.urls import path

from inquiries import views

app_name = "inquiries"
urlpatterns = [
    path("", views.InquiryListView.as_view(), name="list"),
    path("neu/", views.InquiryCreateView.as_view(), name="create"),
    path("<int:pk>/", views.InquiryDetailView.as_view(), name="detail"),
    path("benachrichtigungen/", views.notification_preference, name="preference"),
    path("anhang/<int:pk>/", views.attachment_download, name="attachment"),
]
