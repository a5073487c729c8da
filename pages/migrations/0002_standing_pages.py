"""The institutional pages, so that every link in the navigation has a page from the first
start. The texts are the DEFUS pages in ../shared/seeds/, frozen beside this migration; after
that the office edits them in the admin and nothing here overwrites an edit."""

import json
from pathlib import Path

from django.db import migrations

TEXTS = Path(__file__).with_suffix(".json")


def create_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for slug, texts in json.loads(TEXTS.read_text(encoding="utf-8")).items():
        Page.objects.get_or_create(slug=slug, defaults=texts)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
