"""Two estimates of the planner that made a first search slow at ten times the demo data.

1. **What a trigram comparison costs.** 0011 raised pg_trgm's ``word_similarity_commutator_op``
   (``title %> 'Krisenmanagment'``) from 1 to 100. Measured, it costs 10 µs per title, about
   a thousand times a plain comparison: with 100 the planner still compared all 1,076 event
   titles one by one (11 ms) instead of asking the trigram index (3 ms). With 1,000 it asks
   the index wherever there is one worth asking; tables of a few dozen rows are still read in
   full.
2. **How many titles the planner samples to estimate a trigram match.** For ``%>`` PostgreSQL
   estimates the share of matching rows by running the comparison on every title it keeps in
   the column's statistics: 100 most common values and 100 histogram bounds per table, at
   10 µs each, for every search, in nine tables. Ten of each are enough for that estimate and
   cost a tenth. Nothing else sorts or filters by these titles in a way whose plan depends on
   more.

Together, 300 distinct searches at ten times the demo data took 21-26 ms of database time
each for a visitor and 35-39 ms for a member before, 13-14 ms and 23-24 ms after.

``pg_dump`` keeps the statistics targets of the columns, not the function's cost: the restore of
``tools/backup.py`` sets the cost again (``core.fields.TRIGRAM_OPERATOR_COST_SQL``).
"""

from django.db import migrations

FUNCTION = "word_similarity_commutator_op(text, text)"
TITLES = [
    ("news_article", "title"),
    ("events_event", "title"),
    ("projects_project", "title"),
    ("pages_page", "title"),
    ("themes_theme", "title"),
    ("knowledge_collection", "title"),
    ("knowledge_entry", "title"),
    ("documents_document", "title"),
    ("inquiries_inquiry", "title"),
    ("members_member", "designation"),
]


def statistics(target: int) -> list[str]:
    return [
        f"ALTER TABLE {table} ALTER COLUMN {column} SET STATISTICS {target}"
        for table, column in TITLES
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0011_trigram_operator_cost"),
        ("news", "0004_stored_search_vector"),
        ("events", "0004_stored_search_vector"),
        ("projects", "0003_stored_search_vector"),
        ("themes", "0003_stored_search_vector"),
        ("knowledge", "0004_stored_search_vector"),
        ("documents", "0002_stored_search_vector"),
        ("inquiries", "0004_stored_search_vector"),
        ("members", "0005_stored_search_vector"),
    ]

    operations = [
        migrations.RunSQL(
            f"ALTER FUNCTION {FUNCTION} COST 1000", reverse_sql=f"ALTER FUNCTION {FUNCTION} COST 100"
        ),
        migrations.RunSQL(statistics(10), reverse_sql=statistics(-1)),
    ]
