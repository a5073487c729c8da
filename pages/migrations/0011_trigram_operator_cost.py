"""Tell the planner what a trigram comparison costs, so that the site search uses the
trigram indexes on the titles.

``title %> 'Krisenmanagment'`` runs pg_trgm's ``word_similarity_commutator_op``, declared with
the default cost of 1 (a cheap operator, like ``=``). It costs about a hundred times that:
some 15-25 µs for a title of 60 characters. Believing it cheap, the planner compared every
title of a table instead of asking the GIN trigram index (``search_indexes`` in
core/fields.py) for the few candidates: at ten times the demo data a typo search took
70 ms for the articles alone, 4 ms with the index. With its true cost the planner picks the
index where it pays and still reads small tables in full.

The cost belongs to the extension's function, which ``pg_dump`` does not keep; the restore of
``tools/backup.py`` sets it again (``core.fields.TRIGRAM_OPERATOR_COST_SQL``).
"""

from django.db import migrations

FUNCTION = "word_similarity_commutator_op(text, text)"


class Migration(migrations.Migration):
    dependencies = [("pages", "0010_stored_search_vector")]

    operations = [
        migrations.RunSQL(
            f"ALTER FUNCTION {FUNCTION} COST 100", reverse_sql=f"ALTER FUNCTION {FUNCTION} COST 1"
        ),
    ]
