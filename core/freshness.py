"""The content version: what keeps the anonymous page cache fresh without a timer.

The version lives in the shared cache (``default``: PostgreSQL, or Redis with REDIS_URL), so
every gunicorn worker and every server reads the same one. It is part of the key of every
kept page (core.middleware.AnonymousPageCacheMiddleware), so a new version makes every kept
page unreachable at once, on every worker, at the next request.

Two things give a new version:

- a write to content: post_save, post_delete and m2m_changed of every model of the apps in
  ``settings.CONTENT_APPS`` (except ``settings.CONTENT_EXCLUDED_MODELS``, rows no public page
  shows), once per transaction and only when it commits. Queryset ``update()`` and
  ``bulk_create()`` send no signals: code that changes content that way calls
  ``content_changed()`` itself.
- the clock: a scheduled article appears at 09:00 although nothing is written then. The
  version therefore carries the next moment at which time alone changes a page
  (``next_change``: the earliest of the functions in ``settings.CONTENT_SCHEDULES`` and the
  next midnight in Europe/Berlin, when "morgen" becomes "heute" and a past event leaves the
  list of upcoming ones). The first request after that moment takes a new version.

Reading it costs one get from the shared cache per cookieless request (a primary-key lookup
in the cache table, or one Redis GET); the kept pages themselves stay in each process's
memory.
"""

import datetime
import logging
import secrets
import threading
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

KEY = "content-version"


@dataclass(frozen=True)
class Version:
    token: str
    next_change: datetime.datetime


_last_seen = threading.local()


def next_midnight(now: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=local.tzinfo)


def next_change(now: datetime.datetime) -> datetime.datetime:
    """The next moment after ``now`` at which a page may change without a write."""
    moments = [next_midnight(now)]
    for path in settings.CONTENT_SCHEDULES:
        moment = import_string(path)(now)
        if moment is not None and moment > now:
            moments.append(moment)
    return min(moments)


def new_version(now: datetime.datetime | None = None) -> Version:
    """A fresh version, stored in the shared cache (until replaced; never expires)."""
    now = now or timezone.now()
    version = Version(token=secrets.token_hex(8), next_change=next_change(now))
    caches["default"].set(KEY, version, None)
    return version


def current_version() -> Version:
    """The version every process sees now: one get from the shared cache. A version whose
    ``next_change`` has passed, or none at all (never set, or culled), is replaced by a new
    one; a new token never equals an old one, so no page kept earlier is served for it."""
    now = timezone.now()
    version = caches["default"].get(KEY)
    if not isinstance(version, Version) or version.next_change <= now:
        version = new_version(now)
    _last_seen.version = version
    return version


def last_seen_version() -> Version | None:
    """The version this thread read last: what the page cache uses while the shared cache
    cannot be read (the database away), so kept pages are still served."""
    return getattr(_last_seen, "version", None)


class VersionOnCommit:
    """What a write leaves for its transaction's commit: a new content version. Each write
    leaves one, and the first to run gives the version; the others of the same commit find
    it given on their connection since they were left, and do nothing. So a transaction
    with many writes gives one new version, and a rolled-back one (whose callbacks are
    dropped) none."""

    def __init__(self, connection):
        self.connection = connection
        self.given_before = getattr(connection, "content_versions_given", 0)

    def __call__(self):
        given = getattr(self.connection, "content_versions_given", 0)
        if given != self.given_before:
            return
        self.connection.content_versions_given = given + 1
        new_version()


def content_changed() -> None:
    """Give content a new version once the current transaction commits (at once outside
    one). Several writes in one transaction give one new version."""
    transaction.on_commit(VersionOnCommit(transaction.get_connection()))


def _is_content(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return (
        meta is not None
        and sender.__module__ != "__fake__"  # migrations' historical models: no cache yet
        and meta.app_label in settings.CONTENT_APPS
        and meta.label not in settings.CONTENT_EXCLUDED_MODELS
    )


def _on_write(sender, **kwargs):
    if kwargs.get("raw"):  # fixtures being loaded
        return
    if _is_content(sender):
        content_changed()


def _on_m2m(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and _is_content(sender):
        content_changed()


def connect() -> None:
    """Called once from core's AppConfig.ready(): the one place where content writes are
    tied to the version."""
    post_save.connect(_on_write, dispatch_uid="content-version-save")
    post_delete.connect(_on_write, dispatch_uid="content-version-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="content-version-m2m")
    unknown = set(settings.CONTENT_APPS) - {config.label for config in apps.get_app_configs()}
    if unknown:
        logger.warning("CONTENT_APPS nennt unbekannte Apps: %s", ", ".join(sorted(unknown)))


def kept(version: Version | None, key: str, compute, *, keep=lambda value: True):
    """``compute()``, kept per process for the content ``version`` (read at the start of the
    request) under ``key``, like a fragment (``FRAGMENT_CACHE_SECONDS``): only the first
    call after a change computes it. ``key`` must hold everything else the value depends on;
    ``keep`` says whether a computed value may be kept. Without a version, or with the
    fragment cache off, it is computed every time."""
    if not settings.FRAGMENT_CACHE_SECONDS or version is None:
        return compute()
    fragments = caches["fragments"]
    key = f"{key}:{version.token}"
    value = fragments.get(key)
    if value is None:
        value = compute()
        if keep(value):
            fragments.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value


def kept_response(request, name: str, respond):
    """The response of a view that is the same for everyone (a feed), ``kept`` for the
    content version of the request, and in one piece: Django's feed writer adds every
    element of the XML as a piece of its own, and gunicorn sends each with a system call of
    its own (the feed of 30 articles: 754 of them, which made it the slowest public page)."""

    def in_one_piece():
        response = respond()
        if not response.streaming:
            response.content = response.content  # the pieces, joined
        return response

    return kept(
        getattr(request, "content_version", None),
        f"antwort:{name}:{request.get_full_path()}",
        in_one_piece,
        keep=lambda r: r.status_code == 200 and not r.streaming and not r.cookies,
    )
