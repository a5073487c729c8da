"""The office deletes a person's account (DSGVO); what the person wrote stays with the member."""

import pytest
from django.contrib.admin.models import LogEntry

from inquiries.models import Answer, Inquiry
from knowledge.models import Entry
from members.models import User
from tests.factories import AnswerFactory, EntryFactory, InquiryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_office_deletes_an_account_and_the_content_stays_with_the_member(
    client, staff_user, member, member_user
):
    answer = AnswerFactory(member=member, author=member_user)
    inquiry = InquiryFactory(asked_by_member=member, asked_by=member_user)
    entry = EntryFactory(added_by=member_user)
    client.force_login(staff_user)
    url = f"/verwaltung/members/user/{member_user.pk}/delete/"

    page = client.get(url)
    assert page.status_code == 200
    text = page.text
    assert "Sind Sie sicher" in text
    assert "wenden Sie sich an die Geschäftsstelle" not in text

    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member_user.pk).exists()
    answer = Answer.objects.get(pk=answer.pk)
    assert (answer.member, answer.author) == (member, None)
    inquiry = Inquiry.objects.get(pk=inquiry.pk)
    assert (inquiry.asked_by_member, inquiry.asked_by) == (member, None)
    assert Entry.objects.get(pk=entry.pk).added_by is None
    assert LogEntry.objects.filter(user=staff_user, action_flag=3).exists()


def test_office_cannot_delete_a_superuser_account(client, staff_user, superuser):
    client.force_login(staff_user)
    response = client.get(f"/verwaltung/members/user/{superuser.pk}/delete/")
    assert response.status_code == 403
    response = client.post(
        "/verwaltung/members/user/",
        {"action": "delete_selected", "_selected_action": [superuser.pk], "post": "yes"},
    )
    assert User.objects.filter(pk=superuser.pk).exists()


def test_members_cannot_delete_accounts(client, member_user):
    other = UserFactory(email="kollegin@stadt.example", member=member_user.member)
    client.force_login(member_user)
    response = client.post(f"/verwaltung/members/user/{other.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302  # to the admin login
    assert User.objects.filter(pk=other.pk).exists()


def test_every_reference_to_an_account_keeps_the_content():
    """Nothing the portal keeps about a member's work is deleted with a person's account."""
    from django.apps import apps

    personal = {"CollectionVisit", "CollectionWatch", "EmailAddress", "Authenticator", "LogEntry"}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is User and field.many_to_one:
                if model.__name__ in personal:
                    continue
                assert field.remote_field.on_delete.__name__ == "SET_NULL", (model, field)
