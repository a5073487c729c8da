"""The session and the user of every logged-in request are read with SQL built once per process
(core.db.compiled). They must come out exactly as the ORM's own ``get()`` builds them."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max
from django.utils import timezone

from core.db.compiled import CompiledGet, CompiledValue
from members.backends import request_users, users_for_requests
from members.models import Member, User
from members.sessions import sessions


def state(obj) -> dict:
    """Every concrete field of ``obj``, by attribute name."""
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


@pytest.mark.parametrize(
    "kind", ["member_user", "former_member_user", "staff_user", "staff_without_second_factor"]
)
def test_the_request_user_is_the_orms_user(request, kind):
    expected = users_for_requests().get(pk=request.getfixturevalue(kind).pk)

    user = request_users.get(pk=expected.pk)

    assert type(user) is User
    assert state(user) == state(expected)
    assert user.has_totp is expected.has_totp
    assert user.has_totp is (kind == "staff_user")
    if expected.member is None:
        assert user.member is None
    else:
        assert type(user.member) is Member
        assert state(user.member) == state(expected.member)
    assert not user._state.adding and user._state.db == "default"
    assert user.has_member_access is expected.has_member_access


def test_the_request_user_costs_one_query_with_its_member(member_user, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = request_users.get(pk=member_user.pk)
        assert user.member.name == "Essen"
        assert user.has_member_access


def test_a_user_who_no_longer_exists_is_none(db):
    assert request_users.get(pk=987_654) is None


def test_values_of_another_type_are_refused(member_user):
    with pytest.raises(TypeError):
        request_users.get(pk=str(member_user.pk))


def test_a_sentinel_must_occur_once_in_the_parameters(db):
    twice = "zweimal@stadt.example"
    ambiguous = CompiledGet(lambda: User.objects.exclude(email=twice), email=twice)
    with pytest.raises(ImproperlyConfigured):
        ambiguous.get(email="eine@stadt.example")


def test_the_session_is_the_orms_session(client, member_user):
    client.force_login(member_user)
    key = client.session.session_key

    session = sessions.get(session_key=key, expire_date__gt=timezone.now())

    assert state(session) == state(Session.objects.get(session_key=key))
    assert sessions.get(session_key="unbekannt", expire_date__gt=timezone.now()) is None


def test_an_expired_session_logs_out(client, member_user):
    client.force_login(member_user)
    assert client.get("/mitgliederbereich/").status_code == 200

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/mitgliederbereich/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_a_member_that_left_loses_access_at_the_next_request(client, member_user):
    client.force_login(member_user)
    assert client.get("/mitgliederbereich/").status_code == 200

    Member.objects.filter(pk=member_user.member_id).update(
        left_on=timezone.localdate() - datetime.timedelta(days=1)
    )

    assert client.get("/mitgliederbereich/").status_code == 403


# CompiledValue: a single value, such as a member's latest visit of the collections -----------


def test_the_latest_visit_is_the_orms_maximum(member_user, staff_user):
    from knowledge.models import CollectionVisit, latest_visits
    from tests.factories import CollectionFactory

    assert latest_visits.get(user_id=member_user.pk) is None  # never visited
    moments = [timezone.now() - datetime.timedelta(days=days) for days in (3, 1, 7)]
    for number, moment in enumerate(moments):
        CollectionVisit.objects.create(
            user=member_user, collection=CollectionFactory(slug=f"s{number}"), visited_at=moment
        )
    CollectionVisit.objects.create(
        user=staff_user, collection=CollectionFactory(slug="neu"), visited_at=timezone.now()
    )
    expected = CollectionVisit.objects.filter(user=member_user).aggregate(last=Max("visited_at"))[
        "last"
    ]

    latest = latest_visits.get(user_id=member_user.pk)

    assert latest == expected == moments[1]  # the member's own, not the office's newer one
    assert latest.tzinfo is not None


def test_a_compiled_value_reads_one_column(db):
    from knowledge.models import CollectionVisit

    two_columns = CompiledValue(
        lambda: CollectionVisit.objects.values_list("visited_at", "collection"), user_id=-1
    )
    with pytest.raises(ImproperlyConfigured, match="single column"):
        two_columns.get(user_id=1)
