import datetime

import pytest
from django.utils import timezone

from events.models import Event
from tests.browser import assert_accessible
from tests.factories import EventFactory, SeriesFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def events(db):
    today = timezone.localdate()
    siba = SeriesFactory(name="SiBa", slug="siba")
    EventFactory(
        title="SiBa-Webinar: Sicherheit im Bahnhofsumfeld",
        slug="siba-webinar",
        kind=Event.Kind.WEBINAR,
        series=siba,
        starts_on=today + datetime.timedelta(days=3),
        starts_at_time=datetime.time(14),
        ends_at_time=datetime.time(15),
        description="<p>Praxisbeispiele aus den Städten und Ergebnisse aus der Forschung.</p>",
        registration_url="https://anmeldung.example/siba",
    )
    EventFactory(
        title="DEFUS-Austausch: Istanbul-Konvention",
        starts_on=today + datetime.timedelta(days=12),
        audience=Event.Audience.MEMBERS,
    )
    EventFactory(
        title="DEFUS-Mitgliederversammlung",
        slug="27-mitgliederversammlung",
        kind=Event.Kind.GENERAL_ASSEMBLY,
        assembly_number=27,
        starts_on=datetime.date(2024, 9, 19),
        ends_on=datetime.date(2024, 9, 20),
        online=False,
        city="Gelsenkirchen",
        participant_count=31,
        agenda="<ol><li>Wahl des Vorstands</li></ol>",
    )
    EventFactory(
        title="SiBa-Webinar: Sichere Bahnhöfe für Alle",
        series=siba,
        starts_on=datetime.date(2024, 2, 21),
        participant_count=54,
    )


def test_event_list_is_accessible(page, events):
    page.goto("/termine/")
    assert page.get_by_role("heading", level=1).inner_text() == "Termine und Veranstaltungen"
    assert page.get_by_text("in 3 Tagen").is_visible()
    assert_accessible(page)


def test_filtering_the_list_works_in_the_browser(page, events):
    page.goto("/termine/")
    page.get_by_label("Zielgruppe").select_option("mitglieder")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_url("**/termine/?*audience=mitglieder*")
    assert page.get_by_text("DEFUS-Austausch: Istanbul-Konvention").is_visible()
    assert page.get_by_text("SiBa-Webinar: Sicherheit im Bahnhofsumfeld").count() == 0
    assert_accessible(page)


def test_archive_is_accessible(page, events):
    page.goto("/termine/archiv/")
    assert page.get_by_role("heading", name="2024").is_visible()
    assert page.get_by_text("54 Teilnehmende").is_visible()
    assert_accessible(page)


def test_event_detail_is_accessible(page, events):
    page.goto("/termine/siba-webinar/")
    assert page.get_by_role("link", name="In den Kalender").is_visible()
    assert_accessible(page)
    page.goto("/termine/27-mitgliederversammlung/")
    assert page.get_by_role("heading", level=1).inner_text() == "27. DEFUS-Mitgliederversammlung"
    assert_accessible(page)
