import logging
from urllib.parse import unquote_to_bytes

import psycopg
from django import db
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import caches
from django.core.exceptions import BadRequest
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.translation import gettext as _

from core import freshness

logger = logging.getLogger(__name__)


def page_cache_key(path: str, token: str, role: str = "public") -> str:
    """The key of a kept page: its address, the content version and the visitor's role."""
    return f"page:{role}:{token}:{path}"


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
    the same page: the role "public". Only pages that neither set a cookie, nor use a CSRF
    token, nor say ``private`` are kept; everyone with a cookie (members, staff, anyone who
    has filled in a form) always gets a freshly rendered page, so nothing for members is
    ever kept here.

    A kept page is keyed by the content version (core.freshness) as well as its address:
    every content write and every scheduled moment (an article planned for 09:00) gives a
    new version in the shared cache, and every worker and server renders afresh at its next
    request. ``PAGE_CACHE_SECONDS`` (0: off) only bounds how long a page stays in memory.
    The cost: one get from the shared cache per cookieless request. While the shared cache
    cannot be read (the database away), the version last seen in this process is used, so
    kept pages are still served.

    For everyone else it only reads the version, as ``request.content_version``, for the
    fragments of their page (``FRAGMENT_CACHE_SECONDS``): the same get, once per request.
    """

    ROLE = "public"

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE_SECONDS
        # Per process and in memory: quick, and still there while the database is away.
        self.cache = caches["pages"]

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not (
            self.seconds or settings.FRAGMENT_CACHE_SECONDS
        ):
            return self.get_response(request)
        # Read before the view reads any content, so that a fragment rendered from older
        # rows is never kept under a newer version (core.context_processors.fragments).
        request.content_version = version = self._version()
        if not self.seconds or request.COOKIES or version is None:
            return self.get_response(request)
        key = page_cache_key(request.get_full_path(), version.token, self.ROLE)
        response = self.cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self._reusable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # Feeds are written in thousands of small chunks; one chunk unpickles far faster.
            response.content = response.content
            left = (version.next_change - timezone.now()).total_seconds()
            self.cache.set(key, response, max(1, min(self.seconds, int(left))))
        return response

    @staticmethod
    def _version():
        try:
            return freshness.current_version()
        except Exception as exception:  # the database or Redis away: no 500 for that
            logger.warning("Inhaltsversion nicht lesbar: %s", exception)
            return freshness.last_seen_version()

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


# What a vanished database raises: Django's wrappers, and psycopg's own where one slips through.
DATABASE_OUTAGE_ERRORS = (
    db.OperationalError,
    db.InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)
RETRY_AFTER_SECONDS = 30


def is_database_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_OUTAGE_ERRORS)


def database_outage_response() -> HttpResponse:
    """The German 503 page, rendered without a request: no context processor, nothing that
    could ask the database."""
    for connection in db.connections.all(initialized_only=True):
        # A broken persistent connection is dropped, so the next request connects afresh.
        if not connection.in_atomic_block:
            try:
                connection.close()
            except db.DatabaseError:
                connection.connection = None
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


class DatabaseOutageMiddleware:
    """With the database gone, every page answers 503 with a German page and a Retry-After.

    Placed early: it sees what the view raises (``process_exception``) and reads the session
    and the account first (``process_view``), so their outage is answered here too. Django turns an exception inside
    a later middleware into the 500 handler's response before it gets here; ``core.views.
    server_error`` (``handler500``) therefore gives the same answer for the same exceptions.
    Cached public pages are still served, since the page cache sits inside this middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except DATABASE_OUTAGE_ERRORS as exception:
            return self.process_exception(request, exception)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The session and the account behind it are read lazily, by whichever middleware or
        # view asks first; asking here keeps their outage in this middleware's hands.
        try:
            getattr(request, "user", None) and request.user.is_authenticated
        except DATABASE_OUTAGE_ERRORS as exception:
            return self.process_exception(request, exception)
        return None

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            # One line, no traceback: the outage is the news, not where it was noticed.
            logger.warning("Datenbank nicht erreichbar (%s): %s", request.path, exception)
            return database_outage_response()
        return None


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
