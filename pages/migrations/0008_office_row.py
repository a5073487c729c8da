"""The one office row, with the address and the Vorstand the Impressum named so far. The
Impressum and Kontakt pages then lose the copies of these details from their text (only if
the office has not rewritten that text): both pages show the office row instead."""

from django.db import migrations

IMPRINT_PLACEHOLDER = "Registergericht und Registernummer trägt die Geschäftsstelle hier ein."
IMPRINT_REST = (
    "<h2>Haftung für Links</h2>\n<p>Für die Inhalte verlinkter Seiten sind ausschließlich "
    "deren Anbieter verantwortlich. Werden uns Rechtsverletzungen bekannt, entfernen wir den "
    "Link umgehend.</p>\n"
)


def create_office(apps, schema_editor):
    Office = apps.get_model("pages", "Office")
    Page = apps.get_model("pages", "Page")
    Office.objects.get_or_create(
        pk=1,
        defaults={
            "representatives": "Christian Kromberg (Vorsitzender)\n"
            "Dr. Volker Proffen (stellvertretender Vorsitzender)",
            "responsible_person": "Anna Rau, Geschäftsführerin",
        },
    )
    Page.objects.filter(slug="impressum", body__contains=IMPRINT_PLACEHOLDER).update(
        body=IMPRINT_REST
    )
    for page in Page.objects.filter(slug="kontakt", body__contains="Kurt-Schumacher-Straße 29"):
        if "tel:+4951136739420" in page.body and len(page.body) < 400:
            page.body = ""
            page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("pages", "0007_office")]
    operations = [migrations.RunPython(create_office, migrations.RunPython.noop)]
