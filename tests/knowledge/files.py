"""Small, valid (and deliberately invalid) files of every type a document may have."""

import io
import zipfile

from demo.pdf import minimal_pdf


def zip_container(*names: str, mimetype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as container:
        if mimetype is not None:
            container.writestr("mimetype", mimetype)
        for name in names:
            container.writestr(name, "<?xml version='1.0'?><x/>")
    return buffer.getvalue()


PDF = minimal_pdf("Protokoll der 27. Mitgliederversammlung", ["Gelsenkirchen, 20.09.2024"])
DOCX = zip_container("[Content_Types].xml", "_rels/.rels", "word/document.xml")
XLSX = zip_container("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")
PPTX = zip_container("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml")
ODT = zip_container("content.xml", mimetype="application/vnd.oasis.opendocument.text")
ODS = zip_container("content.xml", mimetype="application/vnd.oasis.opendocument.spreadsheet")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40
HTML = b"<!DOCTYPE html><script>alert(1)</script>"
