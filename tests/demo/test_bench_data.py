"""``manage.py load_bench_data``: the demo at ten times its size, for ``make bench-large``."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection

from core import freshness
from events.models import Event
from inquiries.models import Inquiry
from knowledge.models import Entry
from news.models import Article
from pages.search import search
from tests.factories import MemberFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_generates_scaled_content_that_the_search_finds_and_removes_it_again(
    django_capture_on_commit_callbacks,
):
    MemberFactory(name="Essen", designation="Stadt Essen", slug="essen")
    ThemeFactory(title="Prävention", slug="praevention")
    connection.run_on_commit.clear()  # the factories' new content version, not the command's
    with django_capture_on_commit_callbacks() as callbacks:
        call_command("load_bench_data", scale=0.02, stdout=io.StringIO())
    assert any(isinstance(c, freshness.VersionOnCommit) for c in callbacks)  # no signal
    assert Article.objects.filter(slug__startswith="bench-").count() == 40
    assert Event.objects.filter(slug__startswith="bench-").count() == 20
    assert Entry.objects.count() == 200
    assert Inquiry.objects.count() == 4
    results = search("Erfahrungen", AnonymousUser())
    assert results.count() and any(hit.kind == "meldung" for hit in results[:20])

    call_command("load_bench_data", remove=True, stdout=io.StringIO())
    assert not Article.objects.filter(slug__startswith="bench-").exists()
    assert not Entry.objects.exists()
    assert not Inquiry.objects.exists()
