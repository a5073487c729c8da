import datetime

import pytest

from members.services import office_group_sync
from projects.models import Project
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return Project.objects.create(
        title="Sicherheit im Quartier",
        acronym="SiQua",
        slug="siqua",
        starts_on=datetime.date(2027, 1, 1),
        lead="Ein Forschungsprojekt zur Sicherheit in Wohnquartieren.",
        status=Project.Status.DRAFT,
    )


def test_a_draft_project_is_hidden_everywhere_on_the_site(client, member_user, staff_user, draft):
    article = ArticleFactory(project=draft)
    for user in (None, member_user, staff_user):
        if user:
            client.force_login(user)
        assert client.get("/projekte/siqua/").status_code == 404
        assert "SiQua" not in client.get("/projekte/").text
        assert 'href="/projekte/siqua/"' not in client.get(article.get_absolute_url()).text
        assert "/projekte/siqua/" not in client.get("/suche/", {"q": "SiQua"}).text
    assert "/projekte/siqua/" not in client.get("/sitemap.xml").text


def test_project_preview_is_for_the_office_only(client, member_user, draft):
    assert client.get("/projekte/siqua/vorschau/").status_code == 404
    client.force_login(member_user)
    assert client.get("/projekte/siqua/vorschau/").status_code == 404
    staff = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
    staff.groups.add(office_group_sync())
    client.force_login(staff)
    assert client.get("/projekte/siqua/vorschau/").status_code == 404


def test_office_previews_a_draft_project_and_sees_its_state(client, staff_user, draft):
    client.force_login(staff_user)
    response = client.get("/projekte/siqua/vorschau/")
    assert response.status_code == 200
    assert "So erscheint das Projekt auf der Website. Stand: Entwurf." in response.text
    assert ">Entwurf<" in client.get("/verwaltung/projects/project/").text
    form = client.get("/verwaltung/projects/project/add/").text
    assert '<option value="entwurf" selected>Entwurf</option>' in form
