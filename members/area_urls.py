from django.urls import path

from members import views

app_name = "members_area"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
]
