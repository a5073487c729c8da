from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.utils.cache import get_max_age
from django.utils.translation import gettext as _


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` and ``Cross-Origin-Resource-Policy`` on every response, static
    files included (Django's SecurityMiddleware sets neither)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


class PrivateResponsesMiddleware:
    """Nothing sent to a logged-in person is kept by a browser's or a proxy's cache
    (``Cache-Control: private, no-store``). It sits inside the anonymous page cache, which
    therefore never stores such a response either."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            del response["Expires"]
        return response


def _unusable(raw: bytes, *, quoted: bool) -> bool:
    """True if ``raw`` (percent-encoded, when ``quoted``) holds a NUL or is not UTF-8."""
    if quoted:
        raw = unquote_to_bytes(raw.replace(b"+", b" "))
    if b"\x00" in raw:
        return True
    try:
        raw.decode()
    except UnicodeDecodeError:
        return True
    return False


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values)
               for key, values in data.lists())  # fmt: skip


class BadInputMiddleware:
    """Refuse input no page can use, with the 400 page, before anything else reads it:
    NUL characters anywhere (address, query, cookies, form fields: PostgreSQL cannot store
    them, so they would end in a 500) and addresses, queries or form bodies that are not
    UTF-8. Text that merely looks odd passes: the forms judge it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._bad(request):
            raise BadRequest(_("Die Anfrage enthält Zeichen, die wir nicht verarbeiten können."))
        return self.get_response(request)

    @staticmethod
    def _bad(request) -> bool:
        environ = request.META
        # Django keeps bytes of the address that are not UTF-8 percent-encoded ("%FF").
        if _unusable(request.path_info.encode(), quoted=True):
            return True
        if _unusable(get_bytes_from_wsgi(environ, "QUERY_STRING", ""), quoted=True):
            return True
        if any("\x00" in key or "\x00" in value for key, value in request.COOKIES.items()):
            return True
        if request.method != "POST":
            return False
        if request.content_type == "application/x-www-form-urlencoded":
            return _unusable(request.body, quoted=True)
        return _has_nul(request.POST)


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
