import datetime

import pytest
from django.utils import timezone

from events.models import Event
from members.services import office_group_sync
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return EventFactory(
        title="Fachtag Nachtleben", slug="fachtag-nachtleben", status=Event.Status.DRAFT
    )


def test_publication_state_of_events():
    assert EventFactory(status=Event.Status.DRAFT).publication_state == "Entwurf"
    assert EventFactory().publication_state == "veröffentlicht"
    past = EventFactory(starts_on=timezone.localdate() - datetime.timedelta(days=3))
    assert past.publication_state == "abgelaufen"


def test_a_draft_is_hidden_everywhere_on_the_site(client, member_user, staff_user, draft):
    for user in (None, member_user, staff_user):
        if user:
            client.force_login(user)
        assert Event.objects.visible_to(user).filter(pk=draft.pk).exists() is False
        assert client.get("/termine/fachtag-nachtleben/").status_code == 404
        assert "Fachtag Nachtleben" not in client.get("/termine/").text
        assert b"Fachtag Nachtleben" not in client.get("/termine/kalender.ics").content
    assert not Event.objects.public().filter(pk=draft.pk).exists()


def test_preview_of_a_draft_event_for_the_office(client, staff_user, draft):
    client.force_login(staff_user)
    response = client.get("/termine/fachtag-nachtleben/vorschau/")
    assert response.status_code == 200
    assert "So erscheint der Termin auf der Website. Stand: Entwurf." in response.text
    assert response["X-Robots-Tag"] == "noindex"


def test_preview_of_an_event_is_404_for_anyone_else(client, member_user, draft):
    assert client.get("/termine/fachtag-nachtleben/vorschau/").status_code == 404
    client.force_login(member_user)
    assert client.get("/termine/fachtag-nachtleben/vorschau/").status_code == 404
    staff = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
    staff.groups.add(office_group_sync())
    client.force_login(staff)
    assert client.get("/termine/fachtag-nachtleben/vorschau/").status_code == 404


def test_office_list_shows_the_state_and_new_events_start_as_drafts(client, staff_user, draft):
    client.force_login(staff_user)
    assert ">Entwurf<" in client.get("/verwaltung/events/event/").text
    form = client.get("/verwaltung/events/event/add/").text
    assert '<option value="entwurf" selected>Entwurf</option>' in form
