import pytest

from pages.models import Page
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_office_edits_a_page_text_and_sees_it_on_the_site(client, staff_user):
    client.force_login(staff_user)
    page = Page.objects.get(slug=Page.Slug.CONTACT)
    response = client.post(
        f"/verwaltung/pages/page/{page.pk}/change/",
        {
            "title": "Kontakt",
            "lead": "Neue Telefonzeiten",
            "body": "<p>Montag bis Freitag 9 bis 15 Uhr</p>",
            "description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    text = client.get("/kontakt/").text
    assert "Neue Telefonzeiten" in text
    assert "<p>Montag bis Freitag 9 bis 15 Uhr</p>" in text


def test_anonymous_visitors_and_members_cannot_reach_the_admin(client, member_user):
    assert client.get("/verwaltung/").status_code == 302
    client.force_login(member_user)
    response = client.get("/verwaltung/")
    assert response.status_code == 302
    assert "/verwaltung/login/" in response["Location"]


def test_office_cannot_touch_passwords_or_permissions(client, staff_user, member_user):
    client.force_login(staff_user)
    change = client.get(f"/verwaltung/members/user/{member_user.pk}/change/").text
    assert 'name="email"' in change and 'name="member"' in change
    for forbidden in [
        'name="is_superuser"',
        'name="user_permissions"',
        'name="groups"',
        'name="is_staff"',
        "password/",
    ]:
        assert forbidden not in change
    assert client.get(f"/verwaltung/members/user/{member_user.pk}/password/").status_code == 403
    client.post(
        f"/verwaltung/members/user/{member_user.pk}/change/",
        {
            "email": member_user.email,
            "first_name": "A",
            "last_name": "B",
            "member": member_user.member_id,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    member_user.refresh_from_db()
    assert not member_user.is_superuser and not member_user.is_staff


def test_office_cannot_add_or_delete_institutional_pages(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/verwaltung/pages/page/add/").status_code == 403
    page = Page.objects.first()
    assert client.get(f"/verwaltung/pages/page/{page.pk}/delete/").status_code == 403


def test_member_changelist_is_searchable_and_stays_within_its_budget(
    client, staff_user, django_assert_max_num_queries
):
    MemberFactory.create_batch(200)
    MemberFactory(designation="Landeshauptstadt Hannover", name="Hannover", slug="hannover")
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/members/member/")
    assert response.status_code == 200
    assert (
        "Landeshauptstadt Hannover"
        in client.get("/verwaltung/members/member/", {"q": "Hannover"}).text
    )


def test_user_changelist_stays_within_its_budget(client, staff_user, django_assert_max_num_queries):
    UserFactory.create_batch(200)
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        assert client.get("/verwaltung/members/user/").status_code == 200
