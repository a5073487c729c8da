import datetime

import pytest

from projects.models import Project
from themes.models import Theme

pytestmark = pytest.mark.django_db


def make_project(number: int, **fields) -> Project:
    defaults = {
        "acronym": f"PRJ{number}",
        "slug": f"projekt-{number}",
        "title": f"Projekt Nummer {number}",
        "lead": "Ein Projekt für sichere Städte.",
        "starts_on": datetime.date(2020, 1, 1),
    }
    return Project.objects.create(**{**defaults, **fields})


def test_project_list_shows_every_project(visitor):
    for number in range(7):
        make_project(number)
    text = visitor.get("/projekte/").text
    for number in range(7):
        assert f">PRJ{number}</a>" in text


def test_project_page_shows_funding_period_extension_and_consortium(visitor):
    make_project(
        1,
        slug="panreflex",
        funder="Bundesministerium für Bildung und Forschung (BMBF)",
        starts_on=datetime.date(2022, 3, 1),
        ends_on=datetime.date(2025, 2, 28),
        extended_until=datetime.date(2025, 5, 31),
        consortium_lead="Kveloce (Spanien)",
        partner_count=10,
        funding_line="Horizon Europe",
    )
    response = visitor.get("/projekte/panreflex/")
    assert response.status_code == 200
    text = response.text
    assert "Bundesministerium für Bildung und Forschung (BMBF)" in text
    assert "03/2022 – 02/2025, verlängert bis 31.05.2025" in text
    assert "Kveloce (Spanien)" in text and "<dd>10</dd>" in text and "Horizon Europe" in text


def test_unknown_project_gives_a_german_404(client):
    response = client.get("/projekte/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_project_list_and_page_stay_within_their_query_budget(
    client, django_assert_max_num_queries
):
    themes = list(Theme.objects.all())
    for number in range(200):
        make_project(number).themes.set(themes[:2])
    with django_assert_max_num_queries(4):
        assert client.get("/projekte/").text.count('<li class="card">') == 200
    with django_assert_max_num_queries(6):  # version, project, themes, news, dates, session
        assert client.get("/projekte/projekt-7/").status_code == 200


def test_a_project_cannot_end_before_it_starts():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        make_project(1, ends_on=datetime.date(2019, 1, 1))
