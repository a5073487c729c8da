import datetime

import pytest

from activities.report import member_engagement
from tests.factories import (
    AnswerFactory,
    EntryFactory,
    ExchangeFactory,
    GuidelineSignatureFactory,
    InquiryFactory,
    MemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/verwaltung/jahresbericht/2031/mitglieder/"


def test_engagement_counts_what_each_member_did_in_the_year_quietest_first():
    busy = MemberFactory(name="Kassel", designation="Stadt Kassel")
    quiet = MemberFactory(name="Altdorf", designation="Stadt Altdorf")
    MemberFactory(name="Neustadt", joined_on=datetime.date(2032, 1, 1))  # not yet a member
    ExchangeFactory(held_on=datetime.date(2031, 3, 1)).members.add(busy)
    ExchangeFactory(held_on=datetime.date(2031, 9, 1)).members.add(busy)
    ExchangeFactory(held_on=datetime.date(2030, 9, 1)).members.add(quiet)  # other year
    GuidelineSignatureFactory(member=busy, signed_on=datetime.date(2031, 2, 2))
    inquiry = InquiryFactory(asked_by_member=busy)
    inquiry.created_at = datetime.datetime(2031, 4, 1, tzinfo=datetime.UTC)
    inquiry.save()
    answer = AnswerFactory(member=busy)
    answer.created_at = datetime.datetime(2031, 4, 2, tzinfo=datetime.UTC)
    answer.save()
    entry = EntryFactory(added_by=UserFactory(member=busy))
    entry.added_at = datetime.datetime(2031, 5, 1, tzinfo=datetime.UTC)
    entry.save()

    rows = {
        m.name: m for m in member_engagement(2031) if m.name in {"Kassel", "Altdorf", "Neustadt"}
    }
    assert "Neustadt" not in rows
    kassel = rows["Kassel"]
    assert (kassel.inquiries_asked, kassel.inquiries_answered, kassel.exchange_count,
            kassel.entries_added, kassel.guidelines_signed) == (1, 1, 2, 1, 1)  # fmt: skip
    assert rows["Altdorf"].activity == 0
    names = [m.name for m in member_engagement(2031)]
    assert names.index("Altdorf") < names.index("Kassel")


def test_only_the_office_sees_the_engagement(
    client, member_user, staff_user, django_assert_max_num_queries
):
    assert "/konto/login/" in client.get(URL)["Location"]
    client.force_login(member_user)
    assert client.get(URL).status_code == 302
    client.force_login(UserFactory(is_staff=True, member=None, totp=False))
    assert "/konto/" in client.get(URL)["Location"]
    client.force_login(UserFactory(is_staff=True, member=None))
    assert client.get(URL).status_code == 404
    MemberFactory.create_batch(200)
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    assert "Abfragen beantwortet" in response.text
