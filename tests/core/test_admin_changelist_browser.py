"""The office's four big lists in the browser, with the quick rows and the kept sidebar:
accessible, the current list marked in the sidebar, and Django's selection script still
counts the ticked rows."""

import pytest

from events.models import Event
from tests.browser import assert_accessible
from tests.core.test_rich_text_browser import office_logs_in
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    CollectionFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    SeriesFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_office_ticks_rows_in_its_four_big_lists(page, staff_user):
    member = MemberFactory(designation="Stadt Essen")
    ArticleFactory.create_batch(2)
    ArticleFactory(member=member, title="Neues aus Essen")
    EventFactory(series=SeriesFactory(name="SiBa"), online=False, city="Bremen")
    EventFactory(status=Event.Status.DRAFT, registration_mode=Event.RegistrationMode.PORTAL)
    EntryFactory.create_batch(2, collection=CollectionFactory(title="Alkoholverbote"))
    AnswerFactory(inquiry=InquiryFactory(asked_by_member=member), member=member)
    office_logs_in(page, staff_user)
    for path, model, heading in [
        ("/verwaltung/news/article/", "article", "Meldung"),
        ("/verwaltung/events/event/", "event", "Termin"),
        ("/verwaltung/knowledge/collection/", "collection", "Informationssammlung"),
        ("/verwaltung/inquiries/inquiry/", "inquiry", "Abfrage"),
    ]:
        page.goto(path)
        assert page.get_by_role("heading", level=1).first.inner_text().startswith(heading), path
        assert page.locator(f"#nav-sidebar tr.model-{model}.current-model").count() == 1
        page.locator("#result_list input.action-select").first.check()
        assert page.locator(".action-counter").inner_text().startswith("1 von "), path
        assert_accessible(page)
