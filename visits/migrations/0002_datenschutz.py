"""The Datenschutz page says what the page-view counter counts. Only a page whose text is
still one the migrations wrote (0002 of pages, with or without the paragraph 0004 added) is
changed; an edited page is left to the office (it gets the paragraph from the release notes).

It lives here, not in pages, because it describes this app's counter."""

import importlib
import json
from pathlib import Path

from django.db import migrations

BEFORE = "<h2>Cookies</h2>"
SECTION = (
    "<h2>Besuchszählung ohne Tracker</h2>\n"
    "<p>Um zu wissen, wie viele Menschen das Portal erreicht, zählt der Server die Aufrufe "
    "öffentlicher Seiten: je Adresse und Monat eine Zahl, sonst nichts. Dabei wird kein Cookie "
    "gesetzt, keine IP-Adresse und keine Angabe zu Ihrem Browser gespeichert, und kein Dritter "
    "ist beteiligt. Aufrufe von Suchmaschinen und anderen Programmen, die sich als solche "
    "zu erkennen geben, zählen nicht mit. Aus den Zahlen lässt sich nicht ablesen, wer eine "
    "Seite aufgerufen hat (Art. 6 Abs. 1 lit. f DSGVO).</p>\n"
)


def unedited_bodies() -> list[str]:
    pages_migrations = Path(importlib.import_module("pages.migrations").__file__).parent
    original = json.loads(
        (pages_migrations / "0002_standing_pages.json").read_text(encoding="utf-8")
    )["datenschutz"]["body"]
    registrations = importlib.import_module("pages.migrations.0004_datenschutz_registrations")
    return [
        original,
        original.replace(registrations.BEFORE, registrations.SECTION + registrations.BEFORE, 1),
    ]


def add_counting(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    page = Page.objects.filter(slug="datenschutz", body__in=unedited_bodies()).first()
    if page is not None and BEFORE in page.body:
        page.body = page.body.replace(BEFORE, SECTION + BEFORE, 1)
        page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0001_initial"),
        ("pages", "0004_datenschutz_registrations"),
    ]
    operations = [migrations.RunPython(add_counting, migrations.RunPython.noop)]
