import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from visits.counter import is_bot
from visits.models import PageViews

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def this_month() -> datetime.date:
    return timezone.localdate().replace(day=1)


def views(path: str) -> int:
    row = PageViews.objects.filter(path=path, month=this_month()).first()
    return row.views if row else 0


@pytest.fixture
def browser():
    return Client(headers={"user-agent": FIREFOX})


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_a_page_view_counts_once(browser, page_view_counter):
    assert browser.get("/ueber-uns/").status_code == 200
    assert page_view_counter.flush() == 1
    assert views("/ueber-uns/") == 1
    assert page_view_counter.flush() == 0
    assert views("/ueber-uns/") == 1


def test_views_add_up_per_path_and_month(browser, page_view_counter):
    PageViews.objects.create(path="/ueber-uns/", month=this_month(), views=40)
    PageViews.objects.create(path="/ueber-uns/", month=datetime.date(2024, 3, 1), views=7)
    browser.get("/ueber-uns/")
    browser.get("/ueber-uns/?sortierung=neu")  # the query string is not part of the path
    browser.get("/kontakt/")
    page_view_counter.flush()
    assert views("/ueber-uns/") == 42
    assert views("/kontakt/") == 1
    assert PageViews.objects.get(month=datetime.date(2024, 3, 1)).views == 7


def test_a_page_from_the_anonymous_page_cache_counts_too(
    page_cache, browser, page_view_counter, django_assert_num_queries
):
    browser.get("/ueber-uns/")
    # The kept page costs one query, the content version (one row of the shared cache, which
    # keeps it fresh); counting adds none: a dictionary update until the batch is due.
    with django_assert_num_queries(1):
        response = browser.get("/ueber-uns/")
    assert response.status_code == 200
    page_view_counter.flush()
    assert views("/ueber-uns/") == 2


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
        "",
    ],
)
def test_a_bot_does_not_count(user_agent, page_view_counter):
    assert Client(headers={"user-agent": user_agent}).get("/ueber-uns/").status_code == 200
    assert page_view_counter.flush() == 0
    assert views("/ueber-uns/") == 0


def test_browsers_are_no_bots():
    assert not is_bot(FIREFOX)
    assert not is_bot(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
    )


def test_only_public_html_pages_that_were_found_count(
    browser, member_user, staff_user, page_view_counter
):
    browser.get("/gibt-es-nicht/")  # 404
    browser.get("/aktuelles/feed/")  # not HTML
    browser.head("/ueber-uns/")
    browser.post("/kontakt/", {})
    browser.get("/healthz")
    browser.get("/mitgliederbereich/")  # a redirect to the login
    browser.get("/ueber-uns/", headers={"sec-purpose": "prefetch"})
    member = Client(headers={"user-agent": FIREFOX})
    member.force_login(member_user)
    assert member.get("/mitgliederbereich/").status_code == 200  # not a public page
    staff = Client(headers={"user-agent": FIREFOX})
    staff.force_login(staff_user)
    assert staff.get("/verwaltung/").status_code == 200
    assert page_view_counter.flush() == 0
    assert member.get("/ueber-uns/").status_code == 200  # a member reading a public page
    assert page_view_counter.flush() == 1


def test_the_batch_is_written_in_one_query(browser, page_view_counter, django_assert_num_queries):
    for path in ("/ueber-uns/", "/kontakt/", "/impressum/", "/ueber-uns/"):
        browser.get(path)
    with django_assert_num_queries(1):
        assert page_view_counter.flush() == 4
    assert views("/ueber-uns/") == 2


def test_the_batch_leaves_when_its_seconds_have_passed(browser, page_view_counter):
    page_view_counter.seconds = 0
    browser.get("/ueber-uns/")
    assert views("/ueber-uns/") == 1
    assert not page_view_counter.pending


def test_the_batch_leaves_when_enough_addresses_wait(browser, page_view_counter):
    page_view_counter.size = 2
    browser.get("/ueber-uns/")
    assert views("/ueber-uns/") == 0
    browser.get("/kontakt/")
    assert views("/ueber-uns/") == 1
    assert views("/kontakt/") == 1


@pytest.mark.parametrize(
    ("utc", "month"),
    [
        (datetime.datetime(2025, 3, 31, 21, 59, tzinfo=datetime.UTC), datetime.date(2025, 3, 1)),
        (datetime.datetime(2025, 3, 31, 22, 1, tzinfo=datetime.UTC), datetime.date(2025, 4, 1)),
        (datetime.datetime(2025, 12, 31, 22, 59, tzinfo=datetime.UTC), datetime.date(2025, 12, 1)),
        (datetime.datetime(2025, 12, 31, 23, 1, tzinfo=datetime.UTC), datetime.date(2026, 1, 1)),
    ],
)
def test_a_view_counts_in_its_berlin_month(browser, page_view_counter, utc, month):
    with time_machine.travel(utc - datetime.timedelta(minutes=2), tick=False):
        browser.get("/ueber-uns/")  # the month is worked out and kept ...
    with time_machine.travel(utc, tick=False):
        browser.get("/ueber-uns/")  # ... until Berlin's midnight ends it
    page_view_counter.flush()
    assert PageViews.objects.get(path="/ueber-uns/", month=month).views >= 1


def test_the_privacy_page_says_what_is_counted(client):
    text = client.get("/datenschutz/").text
    assert "Besuchszählung ohne Tracker" in text
    assert "keine IP-Adresse" in text
