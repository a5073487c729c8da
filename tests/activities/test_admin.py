import datetime

import pytest

from tests.factories import (
    BodyMeetingFactory,
    ContributionFactory,
    EfusEventFactory,
    EfusProjectFactory,
    ExchangeFactory,
    FundingApplicationFactory,
    GuidelineSignatureFactory,
    MediaInquiryFactory,
    MemberFactory,
    PublicationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ADMIN = "/verwaltung/activities/"
MODELS = [
    "exchange",
    "body",
    "contribution",
    "mediainquiry",
    "publication",
    "efusevent",
    "efusproject",
    "fundingapplication",
    "highlight",
    "annualreport",
    "guideline",
]


def test_office_staff_keep_the_record_in_the_admin(
    client, staff_user, django_assert_max_num_queries
):
    members = MemberFactory.create_batch(3)
    for n in range(100):
        ExchangeFactory(held_on=datetime.date(2030, 1, 1) + datetime.timedelta(days=n)).members.set(
            members
        )
        BodyMeetingFactory()
        ContributionFactory()
        MediaInquiryFactory()
        PublicationFactory()
        EfusEventFactory().members.set(members)
        EfusProjectFactory().members.set(members)
        FundingApplicationFactory().members.set(members)
        GuidelineSignatureFactory()
    client.force_login(staff_user)
    for model in MODELS:
        with django_assert_max_num_queries(12):
            response = client.get(f"{ADMIN}{model}/")
        assert response.status_code == 200, model
        assert client.get(f"{ADMIN}{model}/add/").status_code == 200, model
    assert client.get(f"{ADMIN}exchange/?q=Musterstadt&mode=online").status_code == 200
    assert client.get(f"{ADMIN}mediainquiry/?outcome=abgelehnt").status_code == 200


def test_the_office_records_an_exchange_in_german(client, staff_user):
    member = MemberFactory(designation="Stadt Gladbeck")
    client.force_login(staff_user)
    response = client.post(
        f"{ADMIN}exchange/add/",
        {"topic": "Austausch mit der Stadt Gladbeck", "held_on": "17.09.2024", "mode": "vor-ort",
         "members": [member.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    response = client.get(f"{ADMIN}exchange/")
    assert "Austausch mit der Stadt Gladbeck" in response.text
    assert "vor Ort" in response.text


def test_members_and_anonymous_visitors_cannot_open_the_record(client, member_user):
    assert client.get(f"{ADMIN}exchange/").status_code == 302
    client.force_login(member_user)
    assert client.get(f"{ADMIN}exchange/").status_code == 302


def test_staff_without_second_factor_must_set_it_up_first(client):
    client.force_login(UserFactory(is_staff=True, member=None, totp=False))
    response = client.get(f"{ADMIN}exchange/")
    assert response.status_code == 302
    assert "/konto/" in response["Location"]
