import pytest

from activities.models import Guideline
from tests.factories import EventFactory, GuidelineFactory, GuidelineSignatureFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_sentence_counts_signed_and_planned_members():
    guideline = GuidelineFactory()
    GuidelineSignatureFactory.create_batch(15, guideline=guideline)
    GuidelineSignatureFactory.create_batch(3, guideline=guideline, status="geplant", signed_on=None)
    GuidelineSignatureFactory(guideline=guideline, status="nicht", signed_on=None)
    guideline = Guideline.objects.with_signature_counts().get()
    assert guideline.signature_sentence == (
        "15 Mitgliedsstädte haben unterzeichnet, drei weitere planen die Unterzeichnung."
    )


@pytest.mark.parametrize(
    ("signed", "planned", "sentence"),
    [
        (0, 0, "Noch keine Mitgliedsstadt hat unterzeichnet."),
        (1, 0, "Eine Mitgliedsstadt hat unterzeichnet."),
        (2, 1, "Zwei Mitgliedsstädte haben unterzeichnet, eine weitere plant die Unterzeichnung."),
    ],
)
def test_sentence_reads_naturally_for_small_numbers(signed, planned, sentence):
    guideline = GuidelineFactory()
    GuidelineSignatureFactory.create_batch(signed, guideline=guideline)
    GuidelineSignatureFactory.create_batch(
        planned, guideline=guideline, status="geplant", signed_on=None
    )
    assert Guideline.objects.with_signature_counts().get().signature_sentence == sentence


def test_a_signature_needs_a_date_and_a_plan_has_none():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        GuidelineSignatureFactory(status="unterzeichnet", signed_on=None)


def test_everyone_sees_all_leitgedanken_with_their_signatories(
    visitor, django_assert_max_num_queries
):
    assembly = EventFactory(
        title="DEFUS-Mitgliederversammlung", kind="mitgliederversammlung", assembly_number=27
    )
    for n in range(30):
        guideline = GuidelineFactory(assembly=assembly if n == 0 else None)
        GuidelineSignatureFactory.create_batch(3, guideline=guideline)
    MemberFactory(name="Gladbeck", designation="Stadt Gladbeck", slug="gladbeck")
    GuidelineSignatureFactory(
        guideline=Guideline.objects.get(assembly=assembly),
        member=MemberFactory(slug="gladbeck"),
    )
    with django_assert_max_num_queries(12):
        response = visitor.get("/leitgedanken/")
    assert response.status_code == 200
    assert "Vier Mitgliedsstädte haben unterzeichnet." in response.text
    assert "auf der 27. Mitgliederversammlung" in response.text
    assert "Stadt Gladbeck" in response.text
    assert response.text.count("<h2 ") >= 30


def test_staff_without_second_factor_are_sent_to_set_it_up_but_the_page_is_public(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, member=None, totp=False))
    response = client.get("/leitgedanken/")
    assert response.status_code == 200
