"""Production settings plus one extra URL: the floor view that ``make bench`` compares with."""

from defus.settings import *  # noqa: F403

ROOT_URLCONF = "tools.bench_urls"
