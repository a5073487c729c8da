import datetime

import pytest

from events.models import Event
from tests.factories import EventFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_office_staff_manage_events_in_the_admin(client, staff_user, django_assert_max_num_queries):
    series = SeriesFactory(name="SiBa")
    EventFactory.create_batch(200, series=series)
    client.force_login(staff_user)
    # A GET goes without django-reversion's revision (and its savepoint): 12
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/events/event/")
    assert response.status_code == 200
    assert "SiBa" in response.text
    for url in [
        "/verwaltung/events/event/add/",
        "/verwaltung/events/event/?q=Austausch&kind=austausch&audience=intern&online__exact=1",
        "/verwaltung/events/event/?starts_on__year=2025",
        "/verwaltung/events/series/",
    ]:
        assert client.get(url).status_code == 200


def test_members_cannot_open_the_events_admin(client, member_user):
    client.force_login(member_user)
    response = client.get("/verwaltung/events/event/")
    assert response.status_code == 302


def test_admin_refuses_an_assembly_without_number(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        "/verwaltung/events/event/add/",
        {
            "title": "DEFUS-Mitgliederversammlung",
            "slug": "mv",
            "kind": Event.Kind.GENERAL_ASSEMBLY,
            "audience": Event.Audience.MEMBERS,
            "organiser_role": Event.OrganiserRole.ORGANISER,
            "starts_on": "16.09.2025",
        },
    )
    assert response.status_code == 200
    assert "Genau Mitgliederversammlungen haben eine Nummer" in response.text
    assert not Event.objects.exists()


def test_the_event_list_shows_date_and_place_in_one_column_each(client, staff_user):
    """Ten columns instead of thirteen: the dates of a multi-day event in one „Datum“,
    online or the city in one „Ort“; the registration mode is a filter."""
    EventFactory(
        title="Fachtagung Doing Crisis",
        starts_on=datetime.date(2030, 11, 13),
        ends_on=datetime.date(2030, 11, 14),
        online=False,
        city="Hannover",
    )
    EventFactory(title="SiBa-Webinar", starts_on=datetime.date(2030, 2, 5), online=True)
    client.force_login(staff_user)
    response = client.get("/verwaltung/events/event/", {"o": "3"})
    text = response.text
    assert '<td class="field-date">13.11.2030 – 14.11.2030</td>' in text
    assert '<td class="field-place">Hannover</td>' in text
    assert '<td class="field-place">online</td>' in text
    assert text.index("SiBa-Webinar") < text.index("Fachtagung Doing Crisis")  # by date
    assert "registration_mode__exact=portal" in text  # the filter
