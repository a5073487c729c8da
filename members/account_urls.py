from django.urls import path
from django.views.generic import TemplateView

from members import views

app_name = "accounts"
urlpatterns = [
    # Before allauth's page of the same address: the login address is the office's to change.
    path(
        "email/",
        TemplateView.as_view(template_name="members/email_managed_by_office.html"),
        name="email",
    ),
    path("einladung/<uidb64>/<token>/", views.InvitationView.as_view(), name="invitation"),
]
