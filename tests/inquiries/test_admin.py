import pytest

from tests.factories import AnswerFactory, InquiryFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_office_lists_inquiries_with_answer_counts_in_constant_queries(
    client, staff_user, django_assert_max_num_queries
):
    members = MemberFactory.create_batch(4)
    for inquiry in InquiryFactory.create_batch(150, asked_by_member=members[0]):
        for member in members[1:]:
            AnswerFactory(inquiry=inquiry, member=member)
    client.force_login(staff_user)
    # A GET goes without django-reversion's revision (and its savepoint): 12
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/inquiries/inquiry/")
    assert response.status_code == 200
    assert response.text.count('name="_selected_action"') == 50
    assert response.text.count('<td class="field-answer_count">3</td>') == 50
    assert "150 Abfragen" in response.text


def test_office_lists_answers_in_constant_queries(
    client, staff_user, django_assert_max_num_queries
):
    members = MemberFactory.create_batch(10)
    for inquiry in InquiryFactory.create_batch(20, asked_by_member=members[0]):
        for member in members:
            AnswerFactory(inquiry=inquiry, member=member)
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/inquiries/answer/")
    assert response.status_code == 200
    assert response.text.count('name="_selected_action"') == 50
