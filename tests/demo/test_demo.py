"""The demo content: it loads, loading it again changes nothing, and every record is valid."""

import re

import pytest
from django.apps import apps
from django.core import serializers

from demo.loader import load_demo
from demo.pdf import minimal_pdf

pytestmark = pytest.mark.django_db

VOLATILE = re.compile(r'"(last_login|visited_at|updated_at|created_at|added_at|password)": [^,}]*')


def portal_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "members",
            "themes",
            "projects",
            "news",
            "events",
            "registrations",
            "documents",
            "knowledge",
            "inquiries",
            "activities",
            "pages",
        }
    ]


def snapshot() -> dict[str, str]:
    return {
        model._meta.label: VOLATILE.sub(
            "", serializers.serialize("json", model.objects.order_by("pk"))
        )
        for model in portal_models()
    }


def test_loading_the_demo_twice_changes_nothing_and_every_record_is_valid():
    load_demo()
    first = snapshot()
    load_demo()
    assert snapshot() == first
    empty = {model._meta.label for model in portal_models() if not model.objects.exists()}
    # What people send in through forms, or watch for themselves, is not demo content.
    assert empty <= {
        "inquiries.AnswerAttachment",
        "knowledge.CollectionWatch",
        "pages.BarrierReport",
        "pages.ContactMessage",
    }
    for model in portal_models():
        for record in model.objects.all():
            record.full_clean()


def test_minimal_pdf_has_a_correct_cross_reference_table():
    pdf = minimal_pdf("Dokumentation „Doing Crisis“ (Hannover)", ["Zürich – Straße"] * 3)
    assert pdf.startswith(b"%PDF-1.4\n") and pdf.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[startxref:].startswith(b"xref\n0 7\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", pdf)
    for number, offset in enumerate(offsets, start=1):
        assert pdf[int(offset) :].startswith(b"%d 0 obj\n" % number)
    assert "Zürich – Straße".encode("cp1252") in pdf
