"""The office's main admin pages, whole, with the stock widgets on them: the autocomplete
selects, the two-column selector for Themenschwerpunkte, date and time fields, a file input
with its current file, a tabular inline, the rich-text editor."""

import pytest

from news.models import Article
from pages.models import Page
from tests.browser import assert_accessible
from tests.core.test_rich_text_browser import office_logs_in
from tests.factories import ArticleFactory, EventFactory, SeriesFactory, ThemeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# static/js/admin-accessible-widgets.js names the widgets right after the page has loaded.
WIDGETS_NAMED = """() =>
    !document.querySelector(".help-tooltip[aria-label]:not([role])")
    && [...document.querySelectorAll(".select2-selection")]
        .every(s => (s.getAttribute("aria-labelledby") || "").includes("-label"))"""


def test_desk_and_the_change_pages_of_article_event_and_page_are_accessible(page, staff_user):
    article = ArticleFactory(title="Entwurf zum Jahresbericht", status=Article.Status.DRAFT)
    article.themes.set([ThemeFactory()])
    with_image = ArticleFactory(title="Fachtag in Essen")
    Article.objects.filter(pk=with_image.pk).update(
        image="news/fachtag.jpg", image_alt="Teilnehmende des Fachtags im Rathaus Essen"
    )
    event = EventFactory(series=SeriesFactory(), title="Webinar Prävention")
    ArticleFactory(title="TODO Meldung aus Essen")  # a finding for the consistency guard
    UserFactory(email="neu@essen.example", last_login=None, password="!")
    imprint = Page.objects.get(slug=Page.Slug.IMPRINT)
    office_logs_in(page, staff_user)
    for url, heading in [
        ("/verwaltung/", "Schreibtisch der Geschäftsstelle"),
        (f"/verwaltung/news/article/{article.pk}/change/", "Meldung ändern"),
        (f"/verwaltung/news/article/{with_image.pk}/change/", "Meldung ändern"),
        (f"/verwaltung/events/event/{event.pk}/change/", "Termin ändern"),
        (f"/verwaltung/pages/page/{imprint.pk}/change/", "Seite ändern"),
    ]:
        page.goto(url)
        assert page.get_by_role("heading", name=heading).first.is_visible(), url
        page.wait_for_function(WIDGETS_NAMED)
        assert_accessible(page)
