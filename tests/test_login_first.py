"""Logged-out members are sent to the login and back, and learn nothing about what exists."""

import pytest
from django.core.files.base import ContentFile

from documents.models import Document
from tests.factories import DocumentFactory, InquiryFactory
from tests.knowledge import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_document():
    return DocumentFactory(file=ContentFile(files.PDF, name="protokoll-27.pdf"))


def test_existing_and_unknown_document_give_anonymous_visitors_the_same_answer(
    client, members_document
):
    known = client.get(f"/dokumente/{members_document.pk}/protokoll-27.pdf")
    unknown = client.get(f"/dokumente/{members_document.pk + 1000}/protokoll-27.pdf")
    assert known.status_code == unknown.status_code == 302
    assert (
        known["Location"] == f"/konto/login/?next=/dokumente/{members_document.pk}/protokoll-27.pdf"
    )
    assert unknown["Location"] == (
        f"/konto/login/?next=/dokumente/{members_document.pk + 1000}/protokoll-27.pdf"
    )
    assert known.content == unknown.content == b""
    ignore = {"Location", "Content-Length"}
    assert {k: v for k, v in known.headers.items() if k not in ignore} == {
        k: v for k, v in unknown.headers.items() if k not in ignore
    }
    assert "private" in known["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/mitgliederbereich/",
        "/mitgliederbereich/abfragen/",
        "/mitgliederbereich/abfragen/999999/",
        "/mitgliederbereich/gibt-es-nicht/",
        "/mitgliederbereich/abfragen/anhang/999999/",
        "/dokumente/999999/x.pdf",
        "/dokumente/irgendwas",
    ],
)
def test_every_address_in_the_member_area_leads_to_the_login_and_back(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={path}"


def test_after_the_login_the_member_lands_where_they_wanted(client, member_user):
    inquiry = InquiryFactory()
    target = inquiry.get_absolute_url()
    response = client.get(target)
    login = client.post(
        response["Location"], {"login": member_user.email, "password": files_password()}
    )
    assert login.status_code == 302
    assert login["Location"] == target


def files_password():
    from tests.factories import PASSWORD

    return PASSWORD


def test_public_documents_still_download_without_login(client):
    public = DocumentFactory(
        file=ContentFile(files.PDF, name="leitgedanken.pdf"),
        visibility=Document.Visibility.PUBLIC,
    )
    response = client.get(public.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.PDF


def test_members_still_get_a_german_404_for_what_does_not_exist(client, member_user):
    client.force_login(member_user)
    response = client.get("/dokumente/999999/x.pdf")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_public_pages_elsewhere_keep_their_404(client):
    assert client.get("/gibt-es-nicht/").status_code == 404
