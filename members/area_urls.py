from django.urls import path

from members import area_views

app_name = "members_area"
urlpatterns = [
    path("", area_views.DashboardView.as_view(), name="dashboard"),
    path("mitgliederversammlungen/", area_views.AssemblyArchiveView.as_view(), name="assemblies"),
]
