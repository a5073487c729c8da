import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import validate_document_file
from tests.knowledge import files


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def rejection(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        validate_document_file(upload(name, content))
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("protokoll.pdf", files.PDF),
        ("Präsentation.PDF", files.PDF),
        ("bericht.docx", files.DOCX),
        ("tabelle.xlsx", files.XLSX),
        ("folien.pptx", files.PPTX),
        ("text.odt", files.ODT),
        ("foto.png", files.PNG),
        ("foto.jpg", files.JPEG),
        ("foto.jpeg", files.JPEG),
        ("foto.webp", files.WEBP),
    ],
)
def test_allowed_files_whose_content_matches_pass(name, content):
    file = upload(name, content)
    validate_document_file(file)
    assert file.tell() == 0, "the validator leaves the file ready to be stored"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("protokoll.pdf", files.HTML, "Das ist kein PDF-Dokument."),
        ("protokoll.pdf", files.DOCX, "Das ist kein PDF-Dokument."),
        ("bericht.docx", files.PDF, "Das ist kein Word-Dokument."),
        ("bericht.docx", files.XLSX, "Das ist kein Word-Dokument."),
        ("tabelle.xlsx", files.DOCX, "Das ist keine Excel-Tabelle."),
        ("folien.pptx", b"PK\x03\x04 kaputt", "Das ist keine PowerPoint-Präsentation."),
        ("text.odt", files.ODS, "Das ist kein OpenDocument-Text."),
        ("text.odt", files.DOCX, "Das ist kein OpenDocument-Text."),
        ("foto.png", files.JPEG, "Das ist kein Bild im PNG-Format."),
        ("foto.jpg", files.HTML, "Das ist kein Bild im JPEG-Format."),
        ("foto.webp", files.PNG, "Das ist kein Bild im WebP-Format."),
    ],
)
def test_content_that_does_not_match_the_extension_is_rejected_in_german(name, content, reason):
    ending = name.rsplit(".", 1)[1]
    assert rejection(name, content) == f"Der Inhalt passt nicht zur Endung „.{ending}“: {reason}"


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("skript.exe", "Dateien mit der Endung „.exe“ können nicht hochgeladen werden."),
        ("seite.html", "Dateien mit der Endung „.html“ können nicht hochgeladen werden."),
        ("bild.svg", "Dateien mit der Endung „.svg“ können nicht hochgeladen werden."),
        ("protokoll", "Die Datei hat keine Endung."),
    ],
)
def test_other_types_are_rejected_with_the_allowed_ones_named(name, start):
    message = rejection(name, files.PDF)
    assert message.startswith(start)
    assert message.endswith("Erlaubt sind PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), "
                            "OpenDocument-Text (.odt) und Bilder (.png, .jpg, .webp).")  # fmt: skip


def test_files_above_the_limit_from_the_settings_are_rejected(settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    content = files.PDF + b"0" * (1024 * 1024)
    assert rejection("gross.pdf", content) == (
        "Die Datei ist 1,0 MB groß; erlaubt sind höchstens 1,0 MB."
    )
    validate_document_file(upload("klein.pdf", files.PDF))


def test_the_default_limit_is_25_megabytes(settings):
    assert settings.DOCUMENT_MAX_UPLOAD_MB == 25


def test_an_empty_file_is_rejected():
    assert rejection("leer.pdf", b"") == "Die Datei ist leer."
