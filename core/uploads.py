"""What may be uploaded as a document: the extension decides the type, the content must match.

No extra dependency: the first bytes (PDF and image signatures) or the inner entries of the
ZIP container (Office Open XML and OpenDocument) tell what a file really is.
"""

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _starts_with(*signatures: bytes) -> Callable[[IO[bytes]], bool]:
    def matches(file: IO[bytes]) -> bool:
        head = file.read(16)
        return any(head.startswith(signature) for signature in signatures)

    return matches


def _is_webp(file: IO[bytes]) -> bool:
    head = file.read(12)
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _is_office_open_xml(folder: str) -> Callable[[IO[bytes]], bool]:
    """docx, xlsx and pptx are ZIP files with ``[Content_Types].xml`` and their own folder."""

    def matches(file: IO[bytes]) -> bool:
        try:
            with zipfile.ZipFile(file) as container:
                names = container.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)

    return matches


def _is_odt(file: IO[bytes]) -> bool:
    try:
        with zipfile.ZipFile(file) as container, container.open("mimetype") as mimetype:
            return mimetype.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


@dataclass(frozen=True)
class DocumentType:
    content_type: str
    inline: bool  # shown in the browser (PDF, images) or saved (Office files)
    matches: Callable[[IO[bytes]], bool]
    mismatch: str  # why the content does not fit the extension


PDF = DocumentType("application/pdf", True, _starts_with(b"%PDF-"), _("Das ist kein PDF-Dokument."))
PNG = DocumentType(
    "image/png", True, _starts_with(b"\x89PNG\r\n\x1a\n"), _("Das ist kein Bild im PNG-Format.")
)
JPEG = DocumentType(
    "image/jpeg", True, _starts_with(b"\xff\xd8\xff"), _("Das ist kein Bild im JPEG-Format.")
)
DOCUMENT_TYPES: dict[str, DocumentType] = {
    "pdf": PDF,
    "docx": DocumentType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        False,
        _is_office_open_xml("word/"),
        _("Das ist kein Word-Dokument."),
    ),
    "xlsx": DocumentType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        False,
        _is_office_open_xml("xl/"),
        _("Das ist keine Excel-Tabelle."),
    ),
    "pptx": DocumentType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        False,
        _is_office_open_xml("ppt/"),
        _("Das ist keine PowerPoint-Präsentation."),
    ),
    "odt": DocumentType(
        ODT_MIMETYPE.decode(), False, _is_odt, _("Das ist kein OpenDocument-Text.")
    ),
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "webp": DocumentType("image/webp", True, _is_webp, _("Das ist kein Bild im WebP-Format.")),
}
ALLOWED = _(
    "Erlaubt sind PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument-Text (.odt) "
    "und Bilder (.png, .jpg, .webp)."
)


def extension(name: str) -> str:
    return PurePath(name).suffix.lower().removeprefix(".")


def _size(number_of_bytes: int) -> str:
    """„3,0 MB“ with a plain space, as people type it."""
    return filesizeformat(number_of_bytes).replace("\xa0", " ")


def validate_upload(file, *, max_mb: int) -> None:
    """Reject files of another type, files whose content does not match their extension,
    empty files and files above ``max_mb`` megabytes. Files already stored were checked on upload."""
    if getattr(file, "_committed", False):
        return
    ending = extension(file.name or "")
    document_type = DOCUMENT_TYPES.get(ending)
    if document_type is None:
        problem = (
            _("Dateien mit der Endung „.%(ending)s“ können nicht hochgeladen werden.")
            % {"ending": ending}
            if ending
            else _("Die Datei hat keine Endung.")
        )
        raise ValidationError(f"{problem} {ALLOWED}", code="file_type")
    max_bytes = max_mb * 1024 * 1024
    if file.size > max_bytes:
        raise ValidationError(
            _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s."),
            code="file_too_large",
            params={"size": _size(file.size), "limit": _size(max_bytes)},
        )
    if not file.size:
        raise ValidationError(_("Die Datei ist leer."), code="file_empty")
    file.seek(0)
    try:
        matches = document_type.matches(file)
    finally:
        file.seek(0)
    if not matches:
        raise ValidationError(
            _("Der Inhalt passt nicht zur Endung „.%(ending)s“: %(mismatch)s"),
            code="file_content",
            params={"ending": ending, "mismatch": document_type.mismatch},
        )


def validate_document_file(file) -> None:
    """Uploads of documents, up to ``DOCUMENT_MAX_UPLOAD_MB``."""
    validate_upload(file, max_mb=settings.DOCUMENT_MAX_UPLOAD_MB)
