"""The demo's documents are small PDFs generated from the text in demo/data/documents.toml."""

import textwrap


def minimal_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page A4 PDF with a heading and some text (Helvetica, WinAnsi encoding)."""

    def text(value: str) -> bytes:
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.encode("cp1252", errors="replace")

    wrapped = [row for line in lines for row in (textwrap.wrap(line, 88) or [""])]
    content = b"BT /F1 16 Tf 56 780 Td (" + text(title) + b") Tj /F1 11 Tf 0 -28 Td 14 TL"
    for row in wrapped:
        content += b" (" + text(row) + b") Tj T*"
    content += b" ET"
    title_utf16 = ("\ufeff" + title).encode("utf-16-be").hex().upper().encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title <" + title_utf16 + b"> /Producer (DEFUS-Portal) >>",
    ]
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return pdf
