from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from defus.urls import urlpatterns as portal_urlpatterns


@login_not_required
def floor(request):
    """The least a Django view can do, behind the same middleware as every page."""
    return HttpResponse("ok")


urlpatterns = [path("bench/floor/", floor), *portal_urlpatterns]
