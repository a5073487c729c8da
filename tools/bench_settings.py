"""Production settings plus one extra URL: the floor view that ``make bench`` compares with.
BENCH_VISITS=0 takes the page-view counter out, so the bench can measure what counting costs."""

import os

from defus.settings import *  # noqa: F403
from defus.settings import MIDDLEWARE

ROOT_URLCONF = "tools.bench_urls"

if os.environ.get("BENCH_VISITS", "1") == "0":
    MIDDLEWARE = [name for name in MIDDLEWARE if name != "visits.middleware.PageViewMiddleware"]
