from django.db import migrations

from defus import content


def create_themes(apps, schema_editor):
    content.ensure_themes(apps.get_model("knowledge", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
