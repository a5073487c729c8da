from django.urls import path

from registrations import views

app_name = "registrations"
urlpatterns = [
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("stornieren/<str:token>/", views.cancel, name="cancel"),
    path("<slug:slug>/", views.register, name="register"),
]
