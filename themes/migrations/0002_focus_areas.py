"""The four Themenschwerpunkte and their topics, from the DEFUS pages in ../shared/seeds/,
frozen beside this migration. The office edits them in the admin afterwards."""

import json
from pathlib import Path

from django.db import migrations

THEMES = Path(__file__).with_suffix(".json")


def create_themes(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    for position, theme in enumerate(json.loads(THEMES.read_text(encoding="utf-8"))):
        parent, _ = Theme.objects.get_or_create(
            slug=theme["slug"],
            defaults={
                "title": theme["title"],
                "lead": theme["lead"],
                "body": theme["body"],
                "position": position,
            },
        )
        for topic_position, (slug, title) in enumerate(theme["topics"]):
            Theme.objects.get_or_create(
                slug=slug, defaults={"title": title, "parent": parent, "position": topic_position}
            )


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
