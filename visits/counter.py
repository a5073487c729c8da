"""Counting page views at the cost of a dictionary update per request.

Each worker process keeps its counts in memory and writes them with one
``INSERT … ON CONFLICT DO UPDATE`` when ``VISITS_FLUSH_SECONDS`` have passed since the last
write or ``VISITS_FLUSH_SIZE`` addresses are waiting, and when the process stops in order.
A crash loses at most the views of those few seconds. Workers add up in the database, each
with its own batch; nothing is read back, so a cached page costs no query at all until the
batch is due.
"""

import datetime
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger(__name__)

#: Programs that announce themselves: search engines, link previews, monitors, scripts and
#: headless browsers. A visitor without any user agent is not counted either. Matched against
#: the lower-cased user agent: ``re.IGNORECASE`` makes this search 25 times slower.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|scrape|curl|wget|python-requests|python-urllib|httpx|aiohttp"
    r"|go-http-client|java/|libwww|okhttp|headlesschrome|phantomjs|lighthouse"
    r"|facebookexternalhit|whatsapp|preview|monitor|uptime|check_http"
)

UPSERT = """
INSERT INTO visits_pageviews (path, month, views)
SELECT * FROM unnest(%s::varchar[], %s::date[], %s::integer[])
ON CONFLICT (path, month) DO UPDATE SET views = visits_pageviews.views + EXCLUDED.views
"""

PATH_LENGTH = 500


def is_bot(user_agent: str) -> bool:
    return not user_agent or BOTS.search(user_agent.lower()) is not None


class PageViewCounter:
    def __init__(self, *, seconds: float, size: int):
        self.seconds = seconds
        self.size = size
        self.lock = threading.Lock()
        self.pending: Counter[tuple[str, datetime.date]] = Counter()
        self.flushed_at = time.monotonic()
        self._month: datetime.date | None = None
        self._month_span = (0.0, 0.0)

    def month(self) -> datetime.date:
        """The first day of the current month in Berlin; worked out once a month, since
        ``localdate()`` costs more than the rest of the counting."""
        starts, ends = self._month_span
        if not starts <= time.time() < ends:
            first = timezone.localdate().replace(day=1)
            following = (first + datetime.timedelta(days=32)).replace(day=1)
            self._month = first
            self._month_span = (self._midnight(first), self._midnight(following))
        return self._month

    @staticmethod
    def _midnight(day: datetime.date) -> float:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time())).timestamp()

    def add(self, path: str, month: datetime.date | None = None) -> None:
        month = month or self.month()
        with self.lock:
            self.pending[(path[:PATH_LENGTH], month)] += 1
            due = (
                len(self.pending) >= self.size or time.monotonic() - self.flushed_at >= self.seconds
            )
        if due:
            self.flush()

    def flush(self) -> int:
        """Write what is waiting in one query; return how many views were written. If the
        database is away, the counts wait for the next attempt."""
        with self.lock:
            pending, self.pending = self.pending, Counter()
            self.flushed_at = time.monotonic()
        if not pending:
            return 0
        paths, months, views = [], [], []
        for (path, month), count in pending.items():
            paths.append(path)
            months.append(month)
            views.append(count)
        try:
            with connection.cursor() as cursor:
                cursor.execute(UPSERT, [paths, months, views])
        except DatabaseError as error:
            logger.warning("Seitenaufrufe nicht gespeichert, neuer Versuch später: %s", error)
            with self.lock:
                self.pending.update(pending)
            return 0
        return sum(views)

    def clear(self) -> None:
        with self.lock:
            self.pending.clear()
            self.flushed_at = time.monotonic()


counter = PageViewCounter(
    seconds=getattr(settings, "VISITS_FLUSH_SECONDS", 5),
    size=getattr(settings, "VISITS_FLUSH_SIZE", 200),
)
