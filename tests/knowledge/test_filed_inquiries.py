"""Abfragen filed into a collection, and answer attachments handed to the web server."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inquiries.models import AnswerAttachment, Inquiry
from tests.factories import AnswerFactory, CollectionFactory, InquiryFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
COLLECTION_URL = "/wissen/k-o-tropfen/"


@pytest.fixture
def collection():
    return CollectionFactory(title="Maßnahmen gegen K.O.-Tropfen", slug="k-o-tropfen")


@pytest.fixture
def filed(collection):
    return InquiryFactory(
        title="Maßnahmen gegen K.O. Tropfen",
        deadline=datetime.date(2024, 3, 22),
        collection=collection,
    )


def test_collection_page_shows_filed_inquiries_to_members(everyone, filed):
    InquiryFactory(title="Bodycams für den Kommunalen Ordnungsdienst")  # not filed here
    response = everyone.get(COLLECTION_URL)
    assert response.status_code == 200
    text = response.text
    if everyone.has_access:
        assert "Abfragen zum Thema" in text
        assert f'<a href="{filed.get_absolute_url()}">Maßnahmen gegen K.O. Tropfen</a>' in text
        assert "Antworten bis 22.03.2024" in text
        assert "Bodycams" not in text
    else:
        assert "Abfragen zum Thema" not in text
        assert "Maßnahmen gegen K.O. Tropfen" not in text


def test_inquiry_page_says_where_it_is_filed(client, member_user, filed):
    client.force_login(member_user)
    text = client.get(filed.get_absolute_url()).text
    assert (
        "<dt>Abgelegt in</dt><dd>"
        f'<a href="{COLLECTION_URL}">Maßnahmen gegen K.O.-Tropfen</a></dd>' in text
    )


def test_inquiry_page_without_a_collection_says_nothing_about_filing(client, member_user):
    inquiry = InquiryFactory()
    client.force_login(member_user)
    assert "Abgelegt in" not in client.get(inquiry.get_absolute_url()).text


def test_collection_page_with_many_filed_inquiries_stays_within_its_query_budget(
    client, member_user, collection, django_assert_max_num_queries
):
    InquiryFactory.create_batch(200, collection=collection)
    client.force_login(member_user)
    with django_assert_max_num_queries(8):
        response = client.get(COLLECTION_URL)
    assert response.text.count("Antworten bis ") == 200


def test_deleting_the_collection_keeps_the_inquiry(filed, collection):
    collection.delete()
    filed.refresh_from_db()
    assert filed.collection is None


def test_office_files_an_inquiry_into_a_collection_in_the_admin(client, staff_user, collection):
    inquiry = InquiryFactory(title="Maßnahmen gegen K.O. Tropfen", asked_by_member=None)
    client.force_login(staff_user)
    url = f"/verwaltung/inquiries/inquiry/{inquiry.pk}/change/"
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="collection"' in form.text
    response = client.post(
        url,
        {
            "title": inquiry.title,
            "context": inquiry.context,
            "deadline": inquiry.deadline.strftime("%d.%m.%Y"),
            "created_at_0": inquiry.created_at.strftime("%d.%m.%Y"),
            "created_at_1": inquiry.created_at.strftime("%H:%M:%S"),
            "summary": "",
            "collection": collection.pk,
            "answers-TOTAL_FORMS": "0",
            "answers-INITIAL_FORMS": "0",
            "answers-MIN_NUM_FORMS": "0",
            "answers-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.text
    inquiry.refresh_from_db()
    assert inquiry.collection == collection
    changelist = client.get("/verwaltung/inquiries/inquiry/").text
    assert "Maßnahmen gegen K.O.-Tropfen" in changelist


# Answer attachments go through the same hand-off as documents (DOCUMENT_SENDFILE)


@pytest.fixture
def attachment():
    answer = AnswerFactory(inquiry=InquiryFactory())
    return AnswerAttachment.objects.create(
        answer=answer,
        file=SimpleUploadedFile("dienstanweisung.pdf", PDF),
        name="Dienstanweisung Bodycams.pdf",
        size=len(PDF),
    )


def test_x_accel_redirect_hands_an_attachment_to_nginx(settings, client, member_user,
                                                       attachment):  # fmt: skip
    settings.DOCUMENT_SENDFILE = "x-accel-redirect"
    settings.DOCUMENT_SENDFILE_PREFIX = "/geschuetzt/"
    client.force_login(member_user)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response.content == b""
    assert attachment.file.name.startswith("abfragen/")
    assert response["X-Accel-Redirect"] == f"/geschuetzt/{attachment.file.name}"
    relative = response["X-Accel-Redirect"].removeprefix("/geschuetzt/")
    assert (Path(settings.PROTECTED_MEDIA_ROOT) / relative).read_bytes() == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Dienstanweisung" in response["Content-Disposition"]
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert response["X-Content-Type-Options"] == "nosniff"


def test_x_sendfile_hands_an_attachment_to_apache(settings, client, staff_user, attachment):
    settings.DOCUMENT_SENDFILE = "x-sendfile"
    client.force_login(staff_user)
    response = client.get(attachment.get_absolute_url())
    assert response.content == b""
    assert Path(response["X-Sendfile"]).read_bytes() == PDF
    assert "X-Accel-Redirect" not in response


@pytest.mark.parametrize("mode", ["", "x-accel-redirect", "x-sendfile"])
def test_attachment_hand_off_still_checks_access(settings, mode, client, former_member_user,
                                                 attachment):  # fmt: skip
    settings.DOCUMENT_SENDFILE = mode
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 302
    assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response
    client.force_login(former_member_user)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response


def test_a_missing_attachment_file_gives_a_404(client, member_user, attachment):
    Path(attachment.file.path).unlink()
    client.force_login(member_user)
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_filed_inquiries_are_for_members_only(member_user, former_member_user, filed):
    assert list(Inquiry.objects.visible_to(member_user).filter(collection__isnull=False)) == [filed]
    assert not Inquiry.objects.visible_to(former_member_user).exists()
