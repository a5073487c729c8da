import datetime

import pytest
import time_machine

from members.models import Member
from tests.factories import ContactPersonFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_directory_shows_cities_and_organisations_apart(visitor, member):
    MemberFactory(kind=Member.Kind.ORGANISATION, designation="Deutscher Präventionstag", slug="dpt")
    MemberFactory(kind=Member.Kind.DISTRICT, name="Lippe", designation="Kreis Lippe", slug="lippe")
    text = visitor.get("/mitglieder/").text
    cities, organisations = text.index("Städte und Kreise"), text.index("Organisationen <span")
    assert cities < text.index("Stadt Essen") < text.index("Kreis Lippe") < organisations
    assert organisations < text.index("Deutscher Präventionstag")


def test_directory_filters_by_state_and_kind(client):
    MemberFactory(designation="Stadt Augsburg", state="BY")
    MemberFactory(
        designation="Landeshauptstadt Stuttgart", state="BW", kind=Member.Kind.STATE_CAPITAL
    )
    MemberFactory(designation="Stadt Mannheim", state="BW")
    text = client.get("/mitglieder/", {"state": "BW"}).text
    assert "Stadt Mannheim" in text and "Landeshauptstadt Stuttgart" in text
    assert "Stadt Augsburg" not in text
    text = client.get("/mitglieder/", {"state": "BW", "kind": "landeshauptstadt"}).text
    assert "Landeshauptstadt Stuttgart" in text and "Stadt Mannheim" not in text


@pytest.mark.parametrize("query", [{"state": "XX"}, {"kind": "<script>"}, {"state": "B" * 500}])
def test_directory_handles_unknown_filter_values_without_error(client, query):
    response = client.get("/mitglieder/", query)
    assert response.status_code == 200
    assert "keine gültige Auswahl" in response.text


def test_directory_leaves_out_former_members(client):
    MemberFactory(designation="Stadt Altstadt", left_on=datetime.date(2020, 1, 1))
    assert "Stadt Altstadt" not in client.get("/mitglieder/").text


def test_directory_stays_within_its_query_budget(client, django_assert_max_num_queries):
    MemberFactory.create_batch(200)
    with django_assert_max_num_queries(6):
        response = client.get("/mitglieder/")
    assert response.text.count('<li><a href="/mitglieder/musterstadt-') == 200


def test_profile_shows_the_member(visitor, member):
    response = visitor.get("/mitglieder/essen/")
    assert response.status_code == 200
    assert "<h1>Stadt Essen</h1>" in response.text


def test_unknown_member_gives_a_german_404(client):
    response = client.get("/mitglieder/atlantis/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_contact_persons_are_for_members_and_staff_only(visitor, member):
    ContactPersonFactory(member=member, name="Christian Kromberg", email="kromberg@essen.example")
    text = visitor.get("/mitglieder/essen/").text
    if visitor.anonymous:
        assert "Christian Kromberg" not in text
        assert "kromberg@essen.example" not in text
        assert 'nach der <a href="/konto/login/?next=/mitglieder/essen/">Anmeldung</a>' in text
    else:
        assert "Christian Kromberg" in text
        assert "mailto:kromberg@essen.example" in text


def test_user_of_a_member_that_left_sees_no_contact_persons(client, member, former_member_user):
    ContactPersonFactory(member=member, name="Christian Kromberg")
    client.force_login(former_member_user)
    assert "Christian Kromberg" not in client.get("/mitglieder/essen/").text


def test_deactivated_user_sees_no_contact_persons(client, member):
    user = UserFactory(member=member, is_active=False)
    ContactPersonFactory(member=member, name="Christian Kromberg")
    client.force_login(user)
    assert "Christian Kromberg" not in client.get("/mitglieder/essen/").text


def test_profile_stays_within_its_query_budget(client, member_user, django_assert_max_num_queries):
    ContactPersonFactory.create_batch(50, member=member_user.member)
    client.force_login(member_user)
    with django_assert_max_num_queries(6):
        response = client.get("/mitglieder/essen/")
    assert response.text.count("mailto:kontakt") == 50


def test_the_directory_changes_on_the_day_a_member_joins_or_leaves(client):
    MemberFactory(
        designation="Stadt Neuburg",
        joined_on=datetime.date(2027, 3, 1),
        left_on=datetime.date(2027, 9, 1),
    )
    with time_machine.travel(datetime.datetime(2027, 2, 28, 12, tzinfo=datetime.UTC)):
        assert "Stadt Neuburg" not in client.get("/mitglieder/").text
    with time_machine.travel(datetime.datetime(2027, 3, 1, 12, tzinfo=datetime.UTC)):
        assert "Stadt Neuburg" in client.get("/mitglieder/").text
    with time_machine.travel(datetime.datetime(2027, 9, 1, 12, tzinfo=datetime.UTC)):
        assert "Stadt Neuburg" not in client.get("/mitglieder/").text
