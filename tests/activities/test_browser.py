"""The new pages in a real browser: the public Leitgedanken, the office's record in the
admin and the Jahresbericht, each with zero axe-core violations."""

import pytest

from tests.browser import DEMO_PASSWORD, assert_accessible, log_in_with_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def office_log_in(page):
    log_in_with_code(page, "buero@defus.example", DEMO_PASSWORD)


def test_leitgedanken_page_is_accessible_and_says_who_signed(page, demo):
    page.goto("/leitgedanken/")
    main = page.locator("main").inner_text()
    assert "15 Mitgliedsstädte haben unterzeichnet, drei weitere planen die Unterzeichnung." in main
    assert "27. Mitgliederversammlung" in main
    assert_accessible(page)


def test_office_pages_for_the_record_and_the_report_are_accessible(page, demo):
    from activities.models import AnnualReport, Body, Guideline

    office_log_in(page)
    urls = [
        f"/verwaltung/activities/{model}/"
        for model in [
            "exchange",
            "body",
            "contribution",
            "mediainquiry",
            "publication",
            "efusevent",
            "efusproject",
            "fundingapplication",
            "highlight",
            "annualreport",
            "sectionintro",
            "guideline",
        ]
    ]
    urls += [
        "/verwaltung/activities/exchange/add/",
        f"/verwaltung/activities/body/{Body.objects.order_by('pk').first().pk}/change/",
        f"/verwaltung/activities/guideline/{Guideline.objects.get().pk}/change/",
        f"/verwaltung/activities/annualreport/{AnnualReport.objects.get(year=2024).pk}/change/",
        "/verwaltung/jahresbericht/2024/mitglieder/",
        "/verwaltung/jahresbericht/2024/",
    ]
    for url in urls:
        page.goto(url)
        assert page.locator("h1").count() >= 1, url
        assert_accessible(page)
    assert "Austausch mit DEFUS-Mitgliedsstädten" in page.locator("#content").inner_text()
    page.get_by_role("link", name="Austausch mit der Stadt Gladbeck (vor Ort)").click()
    assert "/verwaltung/activities/exchange/" in page.url


def test_publications_page_is_accessible_and_lists_the_published_report(page, demo):
    from activities.services import annual_report_publish

    annual_report_publish(year=2024, base_url="http://testserver/")
    page.goto("/publikationen/")
    main = page.locator("main").inner_text()
    assert "Jahresbericht 2024" in main
    assert "Interview mit Christian Kromberg" in main
    assert "Urbane Räume – Vielfältig, voll und sicher?" in main
    assert_accessible(page)
    page.get_by_role("link", name="Leitgedanken", exact=True).click()
    assert page.url.endswith("/leitgedanken/")


def test_office_sees_page_views_per_month_accessibly(page, demo):
    import datetime

    from visits.models import PageViews

    PageViews.objects.create(path="/", month=datetime.date(2024, 3, 1), views=6890)
    office_log_in(page)
    page.goto("/verwaltung/visits/pageviews/")
    assert "März 2024" in page.locator("#content").inner_text()
    assert_accessible(page)
