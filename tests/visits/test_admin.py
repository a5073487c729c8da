import datetime

import pytest

from tests.conftest import client_as
from visits.models import PageViews

pytestmark = pytest.mark.django_db

URL = "/verwaltung/visits/pageviews/"


@pytest.fixture
def counted():
    PageViews.objects.create(path="/", month=datetime.date(2025, 3, 1), views=1200)
    PageViews.objects.create(path="/termine/", month=datetime.date(2025, 3, 1), views=345)
    PageViews.objects.create(path="/", month=datetime.date(2025, 2, 1), views=980)


def test_the_office_sees_the_views_per_month(client, staff_user, counted):
    client.force_login(staff_user)
    response = client.get(URL)
    assert response.status_code == 200
    text = response.text
    assert "Aufrufe öffentlicher Seiten je Monat" in text
    assert "März 2025" in text and "1.545" in text
    assert "Februar 2025" in text and "980" in text
    assert "/termine/" in text
    assert "03.2025" in text


def test_the_office_cannot_change_the_counts(client, staff_user, counted):
    client.force_login(staff_user)
    row = PageViews.objects.get(path="/termine/")
    assert client.get(f"{URL}add/").status_code == 403
    response = client.post(f"{URL}{row.pk}/change/", {"views": 1})
    assert response.status_code == 403 or PageViews.objects.get(pk=row.pk).views == 345
    assert client.post(f"{URL}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    assert PageViews.objects.get(pk=row.pk).views == 345


def test_the_changelist_needs_a_fixed_number_of_queries(
    client, staff_user, django_assert_max_num_queries
):
    PageViews.objects.bulk_create(
        PageViews(
            path=f"/aktuelles/meldung-{n}/", month=datetime.date(2024, 1 + n % 12, 1), views=n
        )
        for n in range(300)
    )
    client.force_login(staff_user)
    with django_assert_max_num_queries(14):
        response = client.get(URL)
    assert "Dezember 2024" in response.text


@pytest.mark.parametrize("kind", ["anonymous", "member", "staff_without_second_factor"])
def test_nobody_else_sees_the_counts(request, client, kind, counted):
    response = client_as(request, client, kind).get(URL)
    assert response.status_code == 302
    assert "1.200" not in response.text
