from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.utils.cache import get_max_age, patch_cache_control


class AnonymousPageCacheMiddleware:
    """Reuse public pages for visitors who send no cookies at all.

    A request without cookies has no session and no CSRF token, so every such visitor gets
    the same page. Only pages that neither set a cookie, nor use a CSRF token, nor say
    ``private`` are kept, for ``PAGE_CACHE_SECONDS``; everyone with a cookie (members, staff,
    anyone who has filled in a form) always gets a freshly rendered page. Scheduled articles
    and countdowns are therefore at most that many seconds late.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self.seconds or request.method not in ("GET", "HEAD") or request.COOKIES:
            return self.get_response(request)
        key = f"page:{request.get_full_path()}"
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self._reusable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # Feeds are written in thousands of small chunks; one chunk unpickles far faster.
            response.content = response.content
            cache.set(key, response, self.seconds)
        return response

    @staticmethod
    def _reusable(request, response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            and get_max_age(response) != 0
        )


class LoginFirstMiddleware:
    """Anonymous visitors who reach nothing under ``LOGIN_FIRST_PREFIXES`` (the member area,
    the protected documents) are sent to the login and then on to where they wanted to go.

    A 404 and a 403 are answered alike, so the answer never tells whether the item exists;
    what is public (a public document) is served as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.LOGIN_FIRST_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code in (403, 404)
            and request.path.startswith(self.prefixes)
            and not request.user.is_authenticated
        ):
            response = redirect_to_login(request.get_full_path())
            patch_cache_control(response, private=True, no_store=True)
        return response
