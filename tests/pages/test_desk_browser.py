import pytest

from news.models import Article
from tests.browser import axe
from tests.core.test_rich_text_browser import office_logs_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_office_desk_is_accessible(page, staff_user):
    ArticleFactory(title="Entwurf zum Jahresbericht", status=Article.Status.DRAFT)
    UserFactory(email="neu@essen.example", last_login=None, password="!")
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/")
    assert page.get_by_role("heading", name="Schreibtisch der Geschäftsstelle").is_visible()
    results = axe.run(page, context=".office-desk")
    assert results.violations_count == 0, results.generate_report()
    assert page.foreign_requests == []


def test_admin_carries_the_defus_logo_and_colours(page, staff_user):
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/")
    assert page.locator("#site-name img.admin-logo").get_attribute("src").endswith("defus-logo.svg")
    header = page.locator("#header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(8, 58, 102)"
    results = axe.run(page, context=["#header", ".breadcrumbs", ".office-desk"])
    assert results.violations_count == 0, results.generate_report()
