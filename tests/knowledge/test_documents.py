import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from core.files import protected
from documents.models import Document
from tests.factories import DocumentFactory
from tests.knowledge import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_document():
    return DocumentFactory(
        title="Protokoll der 27. Mitgliederversammlung",
        file=ContentFile(files.PDF, name="protokoll-27.pdf"),
    )


@pytest.fixture
def public_document():
    return DocumentFactory(
        title="Leitgedanken marginalisierte Gruppen",
        file=ContentFile(files.PDF, name="leitgedanken.pdf"),
        visibility=Document.Visibility.PUBLIC,
    )


def test_members_file_is_for_members_and_staff_only(everyone, members_document):
    response = everyone.get(members_document.get_absolute_url())
    if everyone.has_access:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == files.PDF
    elif everyone.kind == "anonymous":
        # To the login, exactly as for a document that does not exist (tests/test_login_first.py).
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/?next=/dokumente/")
    else:
        assert response.status_code == 404
        assert "Diese Seite gibt es nicht" in response.text


def test_public_file_is_for_everyone(everyone, public_document):
    response = everyone.get(public_document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.PDF


def test_members_file_is_neither_cached_nor_sniffed(client, member_user, members_document):
    client.force_login(member_user)
    response = client.get(members_document.get_absolute_url())
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="protokoll-27.pdf"'


def test_public_file_may_be_cached(client, public_document):
    response = client.get(public_document.get_absolute_url())
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=3600"}
    assert response["X-Content-Type-Options"] == "nosniff"


def test_office_files_are_downloaded_not_shown(client, member_user):
    document = DocumentFactory(file=ContentFile(files.DOCX, name="Präsentation Zürich.docx"))
    client.force_login(member_user)
    response = client.get(document.get_absolute_url())
    assert document.filename == "prasentation-zurich.docx"
    assert response["Content-Disposition"] == 'attachment; filename="prasentation-zurich.docx"'
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def test_names_outside_ascii_are_encoded_after_rfc_5987(client, member_user):
    name = protected.save("dokumente/2019/Übersicht „Maßnahmen“.pdf", ContentFile(files.PDF))
    document = DocumentFactory()
    Document.objects.filter(pk=document.pk).update(file=name)
    document.refresh_from_db()
    client.force_login(member_user)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''%C3%9Cbersicht%20%E2%80%9EMa%C3%9Fnahmen%E2%80%9C.pdf"
    )


def test_files_are_stored_outside_any_public_url(settings, members_document):
    path = Path(members_document.file.path)
    assert path.is_relative_to(settings.PROTECTED_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert members_document.file.url == f"/dokumente/{members_document.pk}/protokoll-27.pdf"
    with pytest.raises(ValueError, match="keine öffentliche Adresse"):
        protected.url(members_document.file.name)


def test_a_wrong_file_name_leads_to_the_right_one(client, staff_user, members_document):
    client.force_login(staff_user)
    response = client.get(f"/dokumente/{members_document.pk}/alter-name.pdf")
    assert response.status_code == 302
    assert response["Location"] == members_document.get_absolute_url()


def test_a_wrong_file_name_reveals_nothing_to_anonymous_visitors(client, members_document):
    response = client.get(f"/dokumente/{members_document.pk}/alter-name.pdf")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=/dokumente/")


@pytest.mark.parametrize("url", ["/dokumente/999999/protokoll.pdf", "/dokumente/abc/x.pdf"])
def test_unknown_documents_give_a_german_404(client, staff_user, url):
    client.force_login(staff_user)
    response = client.get(url)
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_a_missing_file_gives_a_404_not_a_500(client, staff_user, members_document):
    Path(members_document.file.path).unlink()
    client.force_login(staff_user)
    assert client.get(members_document.get_absolute_url()).status_code == 404


def test_x_accel_redirect_hands_the_file_to_nginx(settings, client, member_user, members_document):
    settings.DOCUMENT_SENDFILE = "x-accel-redirect"
    settings.DOCUMENT_SENDFILE_PREFIX = "/geschuetzt/"
    client.force_login(member_user)
    response = client.get(members_document.get_absolute_url())
    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Accel-Redirect"] == f"/geschuetzt/{members_document.file.name}"
    assert members_document.file.name.startswith("dokumente/2024/protokoll-27")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="protokoll-27.pdf"'
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert response["X-Content-Type-Options"] == "nosniff"


def test_x_sendfile_hands_the_file_to_apache(settings, client, staff_user, members_document):
    settings.DOCUMENT_SENDFILE = "x-sendfile"
    client.force_login(staff_user)
    response = client.get(members_document.get_absolute_url())
    assert response.content == b""
    assert response["X-Sendfile"] == members_document.file.path
    assert Path(response["X-Sendfile"]).read_bytes() == files.PDF
    assert "X-Accel-Redirect" not in response


@pytest.mark.parametrize("mode", ["x-accel-redirect", "x-sendfile"])
def test_web_server_hand_off_still_checks_visibility(settings, mode, client, former_member_user,
                                                     members_document):  # fmt: skip
    settings.DOCUMENT_SENDFILE = mode
    response = client.get(members_document.get_absolute_url())
    assert response.status_code == 302
    assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response
    client.force_login(former_member_user)
    response = client.get(members_document.get_absolute_url())
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response


def test_newest_documents_for_the_dashboard(member_user, former_member_user):
    for day in range(1, 8):
        DocumentFactory(title=f"Protokoll {day}", date=datetime.date(2024, 9, day))
    DocumentFactory(
        title="Leitgedanken", date=datetime.date(2024, 1, 1), visibility=Document.Visibility.PUBLIC
    )
    newest = Document.objects.visible_to(member_user).order_by("-date")[:5]
    assert [d.title for d in newest] == [f"Protokoll {day}" for day in range(7, 2, -1)]
    visible = Document.objects.visible_to(former_member_user).order_by("-date")[:5]
    assert [d.title for d in visible] == ["Leitgedanken"]


# The office uploads in the admin --------------------------------------------------------------


def admin_upload(client, name: str, content: bytes, **fields):
    data = {
        "title": "Präsentation Gelsenkirchen",
        "kind": "praesentation",
        "description": "Wahrung des sozialen Friedens",
        "date": "20.09.2024",
        "visibility": "mitglieder",
        "file": ContentFile(content, name=name),
        **fields,
    }
    return client.post("/verwaltung/documents/document/add/", data)


def test_office_uploads_a_document(client, staff_user):
    client.force_login(staff_user)
    response = admin_upload(client, "praesentation.pptx", files.PPTX)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.title == "Präsentation Gelsenkirchen"
    assert document.file.name == "dokumente/2024/praesentation.pptx"
    assert document.file.read() == files.PPTX


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("protokoll.pdf", files.HTML, "Der Inhalt passt nicht zur Endung „.pdf“"),
        ("bericht.docx", files.PDF, "Der Inhalt passt nicht zur Endung „.docx“"),
        ("makro.docm", files.DOCX, "Dateien mit der Endung „.docm“ können nicht hochgeladen"),
    ],
)
def test_a_rejected_upload_keeps_everything_else(client, staff_user, name, content, message):
    client.force_login(staff_user)
    response = admin_upload(client, name, content)
    assert response.status_code == 200
    assert message in response.text
    assert 'value="Präsentation Gelsenkirchen"' in response.text
    assert "Wahrung des sozialen Friedens</textarea>" in response.text
    assert not Document.objects.exists()


def test_a_too_large_upload_says_so(settings, client, staff_user):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    client.force_login(staff_user)
    response = admin_upload(client, "gross.pdf", files.PDF + b"0" * (2 * 1024 * 1024))
    assert "Die Datei ist 2,0 MB groß; erlaubt sind höchstens 1,0 MB." in response.text
    assert 'value="Präsentation Gelsenkirchen"' in response.text


def test_office_can_edit_a_document_without_uploading_again(client, staff_user, members_document):
    client.force_login(staff_user)
    url = f"/verwaltung/documents/document/{members_document.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Protokoll der 27. MV",
            "kind": "protokoll",
            "description": "",
            "date": "20.09.2024",
            "visibility": "oeffentlich",
        },
    )
    assert response.status_code == 302
    members_document.refresh_from_db()
    assert members_document.title == "Protokoll der 27. MV"
    assert members_document.is_public


def test_document_changelist_stays_within_its_query_budget(
    client, staff_user, django_assert_max_num_queries
):
    DocumentFactory.create_batch(100)
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/documents/document/")
    assert response.status_code == 200
