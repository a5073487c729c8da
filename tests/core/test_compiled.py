"""The session and the user of every logged-in request are read with SQL built once per process
(core.db.compiled). They must come out exactly as the ORM's own ``get()`` builds them."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from core.db.compiled import CompiledGet
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
