"""The Datenschutz page says what happens to registrations for events. Only a page whose text
is still the one 0002 created is changed; an edited page is left to the office (it gets the
paragraph below from the release notes)."""

import json
from pathlib import Path

from django.db import migrations

ORIGINAL = Path(__file__).with_name("0002_standing_pages.json")
BEFORE = "<h2>Ihre Rechte</h2>"
SECTION = (
    "<h2>Anmeldungen zu Veranstaltungen</h2>\n"
    "<p>Wenn Sie sich über das Portal zu einer Veranstaltung anmelden, speichern wir Name, "
    "E-Mail-Adresse, Organisation und Ihre Antworten auf die Fragen des Anmeldeformulars, um "
    "die Veranstaltung durchzuführen, Ihnen die Bestätigung, eine Erinnerung und Änderungen zu "
    "schicken und die Anwesenheit festzuhalten (Art. 6 Abs. 1 lit. b DSGVO). Wer sich ohne "
    "Mitgliedskonto anmeldet, bestätigt die Anmeldung über einen Link per E-Mail. Einen "
    "Zugangslink zu einer Online-Veranstaltung erhalten nur Angemeldete. Spätestens drei Monate "
    "nach der Veranstaltung werden Namen, Adressen und Antworten automatisch gelöscht; es "
    "bleibt nur die Zahl der Teilnehmenden.</p>\n"
)


def add_registrations(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    original = json.loads(ORIGINAL.read_text(encoding="utf-8"))["datenschutz"]["body"]
    page = Page.objects.filter(slug="datenschutz", body=original).first()
    if page is not None and BEFORE in page.body:
        page.body = page.body.replace(BEFORE, SECTION + BEFORE, 1)
        page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_barrier_report")]
    operations = [migrations.RunPython(add_registrations, migrations.RunPython.noop)]
