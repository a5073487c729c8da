import logging

import psycopg
from django import db
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import get_max_age, patch_cache_control

logger = logging.getLogger(__name__)


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
        # Per process and in memory: quick, and still there while the database is away.
        self.cache = caches["pages"]

    def __call__(self, request):
        if not self.seconds or request.method not in ("GET", "HEAD") or request.COOKIES:
            return self.get_response(request)
        key = f"page:{request.get_full_path()}"
        response = self.cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self._reusable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # Feeds are written in thousands of small chunks; one chunk unpickles far faster.
            response.content = response.content
            self.cache.set(key, response, self.seconds)
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
