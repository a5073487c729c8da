from django.db import migrations

from defus import content


def create_pages(apps, schema_editor):
    content.ensure_pages(apps.get_model("defus", "Page"))


class Migration(migrations.Migration):
    dependencies = [("defus", "0001_initial")]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
