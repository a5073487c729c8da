import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from defus.demo import load_demo
from knowledge.demo import minimal_pdf
from knowledge.models import Collection, Document, Entry
from knowledge.validators import validate_document_file

pytestmark = pytest.mark.django_db

NAMED_IN_THE_ANNUAL_REPORT = [
    "Sammlung Desinformation, Hass und Polarisierung",
    "Sammlung Marginalisierte Gruppen im öffentlichen Raum",
    "Strategische Weiterentwicklung der kommunalen Prävention",
    "Organisierte Kriminalität",
    "Digitalisierung der Sexarbeit und Herausforderungen für die Kommunen",
]


def test_minimal_pdf_has_a_correct_cross_reference_table():
    pdf = minimal_pdf("Dokumentation „Doing Crisis“ (Hannover)", ["Zürich – Straße"] * 3)
    assert pdf.startswith(b"%PDF-1.4\n") and pdf.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[startxref:].startswith(b"xref\n0 7\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", pdf)
    for number, offset in enumerate(offsets, start=1):
        assert pdf[int(offset) :].startswith(b"%d 0 obj\n" % number)
    assert "Zürich – Straße".encode("cp1252") in pdf


def test_demo_has_all_twenty_collections_with_realistic_entries():
    load_demo()
    load_demo()  # idempotent
    assert Collection.objects.count() == 20
    titles = set(Collection.objects.values_list("title", flat=True))
    assert set(NAMED_IN_THE_ANNUAL_REPORT) <= titles
    for collection in Collection.objects.all():
        entries = list(collection.entries.all())
        assert 3 <= len(entries) <= 6, collection
        assert collection.updated_at == max(e.added_at for e in entries)
    for entry in Entry.objects.filter(kind=Entry.Kind.LINK):
        assert entry.url.startswith("https://"), entry
    links = set(Entry.objects.values_list("url", flat=True))
    for site in ["kommunaleskrisenmanagement.de", "pufii.de", "cosecur.eu", "leginot.de",
                 "icarus-innovation.eu", "riskpacc.eu", "transcend-project.eu"]:  # fmt: skip
        assert f"https://www.{site}/" in links


def test_demo_documents_are_valid_pdfs_mostly_for_members():
    load_demo()
    documents = Document.objects.all()
    assert {d.title for d in documents} >= {
        "Dokumentation der Studienreise Zürich 2024",
        "Dokumentation Fachtagung Digitalisierung der Sexarbeit",
        "Dokumentation Fachtagung Doing Crisis",
    }
    assert [d.title for d in documents if d.is_public] == [
        "Leitgedanken zum Umgang mit marginalisierten Gruppen im öffentlichen Raum"
    ]
    for document in documents:
        with document.file.open("rb") as file:
            validate_document_file(SimpleUploadedFile(document.filename, file.read()))
