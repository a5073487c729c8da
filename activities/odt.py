"""The Jahresbericht as an OpenDocument text (.odt) for final editing in LibreOffice or Word.

An .odt is a zip of a few XML files; writing them takes fewer lines than a library would."""

import io
import zipfile
from html import unescape
from xml.sax.saxutils import escape

from django.utils.html import strip_tags

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>
{body}
</office:text></office:body></office:document-content>
"""


def _plain(html: str) -> list[str]:
    """Paragraphs of rich text as plain text."""
    text = unescape(strip_tags(str(html).replace("</p>", "\n").replace("</li>", "\n")))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _p(text: str) -> str:
    return f"<text:p>{escape(text)}</text:p>"


def _h(text: str, level: int) -> str:
    return f'<text:h text:outline-level="{level}">{escape(text)}</text:h>'


def _list(lines) -> str:
    items = "".join(
        f"<text:list-item>{_p(line.text + (f' – {line.when}' if line.when else ''))}</text:list-item>"
        for line in lines
    )
    return f"<text:list>{items}</text:list>" if items else ""


def report_odt(report) -> bytes:
    parts = [_h(f"DEFUS Jahresbericht {report.year}", 1)]
    for section in report.sections:
        parts.append(_h(section.title, 1))
        parts += [_p(text) for text in _plain(section.intro)]
        if section.sentence:
            parts.append(_p(section.sentence))
        parts.append(_list(section.lines))
        for group in section.groups:
            parts.append(_h(group.title, 2))
            parts += [_p(text) for text in _plain(group.text)]
            parts.append(_list(group.lines))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as odt:
        # The mimetype comes first and uncompressed, so that programs recognise the file.
        odt.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        odt.writestr("META-INF/manifest.xml", MANIFEST)
        odt.writestr("content.xml", CONTENT.format(body="\n".join(parts)))
    return buffer.getvalue()
