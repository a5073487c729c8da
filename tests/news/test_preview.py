import datetime
import zoneinfo

import pytest
from django.utils import timezone

from members.services import office_group_sync
from news.models import Article
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_publication_state_names_draft_scheduled_published_and_expired():
    now = timezone.now()
    assert ArticleFactory(status=Article.Status.DRAFT).publication_state == "Entwurf"
    scheduled = ArticleFactory(published_at=datetime.datetime(2099, 12, 2, 9, 0, tzinfo=BERLIN))
    assert scheduled.publication_state == "geplant für 02.12.2099, 09:00"
    assert ArticleFactory().publication_state == "veröffentlicht"
    expired = ArticleFactory(
        published_at=now - datetime.timedelta(days=10), expires_at=now - datetime.timedelta(days=1)
    )
    assert expired.publication_state == "abgelaufen"


def test_office_list_shows_the_state_not_the_raw_status(client, staff_user):
    ArticleFactory(title="Entwurf Jahresbericht", status=Article.Status.DRAFT)
    ArticleFactory(published_at=datetime.datetime(2099, 12, 2, 9, 0, tzinfo=BERLIN))
    client.force_login(staff_user)
    text = client.get("/verwaltung/news/article/").text
    assert "geplant für 02.12.2099, 09:00" in text
    assert ">Entwurf<" in text
    assert 'href="/aktuelles/' in text and '/vorschau/">Vorschau: Entwurf Jahresbericht</a>' in text


@pytest.fixture
def scheduled():
    return ArticleFactory(
        title="Fachtag Kommunale Prävention",
        slug="fachtag-praevention",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )


def test_preview_shows_a_scheduled_article_to_the_office_in_the_site_frame(
    client, staff_user, scheduled
):
    client.force_login(staff_user)
    response = client.get("/aktuelles/fachtag-praevention/vorschau/")
    assert response.status_code == 200
    assert "<main" in response.text and 'class="skip-link"' in response.text
    assert "<h1>Fachtag Kommunale Prävention</h1>" in response.text
    assert "So erscheint die Meldung auf der Website. Stand: geplant für" in response.text
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_preview_of_a_draft_for_the_office(client, staff_user):
    ArticleFactory(slug="entwurf", status=Article.Status.DRAFT)
    client.force_login(staff_user)
    assert client.get("/aktuelles/entwurf/vorschau/").status_code == 200


def test_preview_is_404_for_anonymous_visitors(client, scheduled):
    assert client.get("/aktuelles/fachtag-praevention/vorschau/").status_code == 404


def test_preview_is_404_for_members(client, member_user, scheduled):
    client.force_login(member_user)
    assert client.get("/aktuelles/fachtag-praevention/vorschau/").status_code == 404


def test_preview_is_404_for_staff_without_a_second_factor(client, scheduled):
    staff = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
    staff.groups.add(office_group_sync())
    client.force_login(staff)
    assert client.get("/aktuelles/fachtag-praevention/vorschau/").status_code == 404


def test_scheduled_article_stays_404_at_its_public_address_until_its_time(
    client, staff_user, scheduled
):
    for user in (None, staff_user):
        if user:
            client.force_login(user)
        assert client.get("/aktuelles/fachtag-praevention/").status_code == 404


def test_view_on_site_in_the_admin_opens_the_preview(client, staff_user, scheduled):
    client.force_login(staff_user)
    text = client.get(f"/verwaltung/news/article/{scheduled.pk}/change/").text
    assert "/vorschau/" in text
