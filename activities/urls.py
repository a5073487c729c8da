from django.urls import path

from activities import views

app_name = "activities"
urlpatterns = [
    path("", views.GuidelineListView.as_view(), name="guidelines"),
]

# Under /verwaltung/jahresbericht/: the office's view, behind the admin's login.
report_patterns = [
    path("<int:year>/", views.annual_report_html, name="annual_report"),
    path("<int:year>/pdf/", views.annual_report_pdf, name="annual_report_pdf"),
    path("<int:year>/odt/", views.annual_report_odt, name="annual_report_odt"),
    path("<int:year>/veroeffentlichen/", views.annual_report_publish, name="annual_report_publish"),
    path("<int:year>/mitglieder/", views.member_engagement_html, name="member_engagement"),
]

# Under /publikationen/.
publication_patterns = [
    path("", views.PublicationListView.as_view(), name="list"),
]
