from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from defus.urls import urlpatterns as portal_urlpatterns


@login_not_required
def floor(request):
    """The least a Django view can do, behind the same middleware as every page. Plain text,
    so the page-view counter does not count it as a visit: the floor stays the same with and
    without counting, and the pages' shares of it include what counting costs them."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), *portal_urlpatterns]
