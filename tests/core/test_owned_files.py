"""A file goes when its row goes or its file is replaced, after the commit; a rollback keeps it.
One mechanism (core.files.OwnedFileField / OwnedImageField) for documents, answer attachments,
article images, member logos and team photos."""

import io
import os

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image

from core.freshness import VersionOnCommit
from documents.models import Document
from inquiries.models import AnswerAttachment
from members.models import Member
from tests.factories import AnswerFactory, ArticleFactory, DocumentFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def folders(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"


def file_removals(callbacks) -> list:
    """What a commit would run besides renewing the content version (core.freshness)."""
    return [callback for callback in callbacks if not isinstance(callback, VersionOnCommit)]


def png(name="logo.png") -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


def test_deleting_a_document_removes_its_file_after_the_commit(
    django_capture_on_commit_callbacks,
):
    document = DocumentFactory()
    path = document.file.path
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.delete()
    removals = file_removals(callbacks)
    assert len(removals) == 1
    assert open(path, "rb")  # still there until the commit  # noqa: SIM115
    removals[0]()
    with pytest.raises(FileNotFoundError):
        open(path, "rb")  # noqa: SIM115


def test_replacing_a_file_removes_the_old_one_and_keeps_the_new(
    django_capture_on_commit_callbacks,
):
    document = Document.objects.get(pk=DocumentFactory().pk)  # as loaded by the admin
    old = document.file.path
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(b"%PDF-1.4\nneu\n", name="protokoll-neu.pdf")
        document.save()
    assert not os.path.exists(old)
    assert document.file.read() == b"%PDF-1.4\nneu\n"


def test_saving_without_a_new_file_removes_nothing(django_capture_on_commit_callbacks):
    document = Document.objects.get(pk=DocumentFactory().pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document.title = "Protokoll der Mitgliederversammlung"
        document.save()
    assert file_removals(callbacks) == []
    assert document.file.read().startswith(b"%PDF")


def test_a_rollback_keeps_the_file(django_capture_on_commit_callbacks):
    document = DocumentFactory()
    path = document.file.path
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Document.objects.filter(pk=document.pk).delete()
        raise RuntimeError("abgebrochen")
    assert file_removals(callbacks) == []
    assert Document.objects.filter(pk=document.pk).exists()
    with open(path, "rb") as kept:
        assert kept.read().startswith(b"%PDF")


def test_cascades_remove_answer_attachments(django_capture_on_commit_callbacks):
    answer = AnswerFactory()
    attachment = AnswerAttachment.objects.create(
        answer=answer,
        file=ContentFile(b"%PDF-1.4\n", name="satzung.pdf"),
        name="satzung.pdf",
        size=9,
    )
    path = attachment.file.path
    with django_capture_on_commit_callbacks(execute=True):
        answer.delete()  # the attachment goes by cascade
    assert not os.path.exists(path)


def test_public_images_go_with_their_row(django_capture_on_commit_callbacks):
    member = MemberFactory(logo=png(), logo_alt="Wappen der Stadt")
    article = ArticleFactory(image=png("bild.png"), image_alt="Teilnehmende im Rathaus")
    paths = [member.logo.path, article.image.path]
    with django_capture_on_commit_callbacks(execute=True):
        member = Member.objects.get(pk=member.pk)
        member.logo = png("neu.png")
        member.save()
        article.delete()
    assert not any(os.path.exists(path) for path in paths)
    assert os.path.exists(member.logo.path)


def test_a_file_another_row_still_names_is_kept(django_capture_on_commit_callbacks):
    document = DocumentFactory()
    twin = DocumentFactory(file=document.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert twin.file.read().startswith(b"%PDF")


def test_a_new_upload_never_removes_a_stored_file_that_shares_its_bare_name(
    settings, django_capture_on_commit_callbacks
):
    bystander = settings.MEDIA_ROOT / "bild.png"
    bystander.parent.mkdir(parents=True, exist_ok=True)
    bystander.write_bytes(b"fremd")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article = ArticleFactory(image=png("bild.png"), image_alt="Teilnehmende im Rathaus")
        article.save()
    assert file_removals(callbacks) == []
    assert bystander.read_bytes() == b"fremd"
    assert article.image.name.startswith("news/")
