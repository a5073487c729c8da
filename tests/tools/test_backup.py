import hashlib
import io
import json
import stat
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from PIL import Image

from knowledge.models import Document
from news.models import Article
from tests.factories import ArticleFactory, DocumentFactory
from tests.knowledge import files
from tools.backup import BackupError, backup_create, backup_restore

# pg_dump and psql work on their own connections: the content must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return [settings.MEDIA_ROOT, settings.PROTECTED_MEDIA_ROOT]


@pytest.fixture
def content(folders):
    """Two articles (one with a public image) and two documents with protected files."""
    articles = [
        ArticleFactory(
            image=ContentFile(png(), name="titelbild.png"),
            image_alt="Blaugrünes Testbild",
        ),
        ArticleFactory(),
    ]
    documents = [
        DocumentFactory(file=ContentFile(files.PDF, name="protokoll-27.pdf")),
        DocumentFactory(file=ContentFile(files.DOCX, name="konzept.docx")),
    ]
    return articles, documents


def database_state() -> dict:
    """Row count and a digest of all rows of every table, and every sequence's position."""
    state = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f"FROM {quoted} t"
            )
            state[table] = cursor.fetchone()
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        )
        state.update({f"sequence {name}": value for name, value in cursor.fetchall()})
    return state


def file_state(folders: list[Path]) -> dict:
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for root in folders
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def lose_an_article_and_a_document(articles, documents):
    articles[1].delete()
    documents[0].file.delete(save=False)
    documents[0].delete()


def test_restore_brings_back_database_and_files_exactly(content, folders, tmp_path):
    articles, documents = content
    lost_document = documents[0].pk
    database_before, files_before = database_state(), file_state(folders)
    assert len(files_before) == 3

    archive = backup_create(target_dir=tmp_path / "backups")

    lose_an_article_and_a_document(articles, documents)
    ArticleFactory(title="Erst nach der Sicherung geschrieben")
    (folders[0] / "news" / "spaeter.txt").write_text("nach der Sicherung")
    assert database_state() != database_before
    assert file_state(folders) != files_before

    backup_restore(archive=archive)

    assert database_state() == database_before
    assert file_state(folders) == files_before
    assert Article.objects.count() == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'")
        assert cursor.fetchone() == ("pg_database_owner",)
        # The site search's cost of a trigram comparison (pages/migrations/0012) is back,
        # and so are the statistics targets of the titles (the dump keeps those).
        cursor.execute(
            "SELECT procost FROM pg_proc "
            "WHERE oid = 'word_similarity_commutator_op(text, text)'::regprocedure"
        )
        assert cursor.fetchone() == (1000,)
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute "
            "WHERE attrelid = 'news_article'::regclass AND attname = 'title'"
        )
        assert cursor.fetchone() == (10,)
    restored = Document.objects.get(pk=lost_document)
    assert restored.file.read() == files.PDF


def test_archive_is_private_and_describes_its_content(content, tmp_path):
    archive = backup_create(target_dir=tmp_path / "backups")

    assert archive.parent == tmp_path / "backups"
    assert archive.name.startswith("defus-backup-") and archive.name.endswith(".tar.gz")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert [path.name for path in archive.parent.iterdir()] == [archive.name]
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["database"]["name"] == connection.settings_dict["NAME"]
    assert manifest["database"]["server_version_num"] // 10000 == 18
    assert "(PostgreSQL) 18" in manifest["database"]["pg_dump"]
    assert manifest["counts"] == {"media": 1, "protected": 2}
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert "database.dump" in manifest["files"]


def tamper(archive: Path, name: str) -> None:
    """Change one file in the archive and leave its manifest as it was."""
    with tarfile.open(archive) as tar:
        members = [(member, tar.extractfile(member).read()) for member in tar]
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in members:
            if member.name.startswith(name):
                data = data + b"verfaelscht"
                member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def test_tampered_archive_is_refused_and_nothing_changes(content, folders, tmp_path):
    articles, documents = content
    archive = backup_create(target_dir=tmp_path / "backups")
    lose_an_article_and_a_document(articles, documents)
    database_before, files_before = database_state(), file_state(folders)
    tamper(archive, "protected/")

    with pytest.raises(BackupError, match="Prüfsumme falsch: protected/dokumente/"):
        backup_restore(archive=archive)

    assert database_state() == database_before
    assert file_state(folders) == files_before


def test_truncated_archive_is_refused(content, folders, tmp_path):
    archive = backup_create(target_dir=tmp_path / "backups")
    archive.write_bytes(archive.read_bytes()[:-200])
    files_before = file_state(folders)

    with pytest.raises(BackupError, match="beschädigt oder unvollständig"):
        backup_restore(archive=archive)

    assert file_state(folders) == files_before


def test_backup_refuses_a_pg_dump_of_another_major_version(folders, tmp_path, monkeypatch):
    old = tmp_path / "pg15" / "pg_dump"
    old.parent.mkdir()
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 15.14'\n")
    old.chmod(0o755)
    monkeypatch.setenv("PG_DUMP", str(old))

    with pytest.raises(BackupError, match=r"Kein pg_dump passt .*PostgreSQL 18.*15\.14"):
        backup_create(target_dir=tmp_path / "backups")

    assert not (tmp_path / "backups").exists()
