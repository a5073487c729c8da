from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_per_row(rows: QuerySet, field: str):
    """How many of ``rows`` point with ``field`` to the outer row (0 for none), for
    ``annotate()``. A subquery per outer row, not a join: several counts on one row do not
    multiply each other, and counting the outer rows (a paginator, the admin's date filter)
    or showing one page of them never aggregates all their related rows."""
    per_row = (
        rows.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(count=Count("*"))
        .values("count")
    )
    return Coalesce(Subquery(per_row, output_field=IntegerField()), 0)
