"""The table of the shared database cache (settings.CACHES, "defus_cache"), as
`createcachetable` would create it, so that `migrate` is the whole setup."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [
        migrations.RunSQL(
            sql=[
                'CREATE TABLE IF NOT EXISTS "defus_cache" ('
                '"cache_key" varchar(255) NOT NULL PRIMARY KEY, '
                '"value" text NOT NULL, '
                '"expires" timestamp with time zone NOT NULL)',
                'CREATE INDEX IF NOT EXISTS "defus_cache_expires" ON "defus_cache" ("expires")',
            ],
            reverse_sql='DROP TABLE IF EXISTS "defus_cache"',
        )
    ]
