"""Queries that every logged-in request runs, with their SQL built once per process.

Every request of a logged-in person reads their session and their user row. Running each of
these queries takes about 0.3 and 0.8 ms; building them through the ORM took 0.7 and 1.5 to
2.5 ms more, on every request, for SQL that never changes (measured in process, 2026-12-01).
``CompiledGet`` builds the SQL once, from the same queryset, and builds the object from the
row the way Django's ``ModelIterable`` does: with ``from_db``, the populators of
``select_related`` and the annotations.

That way relies on the compiler's ``select``, ``klass_info`` and ``annotation_col_map`` and on
two private helpers of ``django.db.models.query``. A test compares every field, related object
and annotation with the ORM's own ``get()`` (tests/core/test_compiled.py), so a Django update
that changes them fails there, not in a login.

``CompiledValue`` does the same for a single value, such as a member's latest visit of the
knowledge collections, which every page with "neu" marks reads (0.25 ms to run, 0.5 ms more to
build through the ORM).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models.query import _get_from_db, get_related_populators


@dataclass(frozen=True)
class Compiled:
    """What ``ModelIterable`` works out for every query, worked out once."""

    db: str
    sql: str
    params: list
    positions: dict[str, int]  # where each lookup's value goes in ``params``
    converters: list  # (column, (converters, expression)), as the compiler's own
    from_db: Callable
    init_list: list[str]
    model_columns: slice
    related_populators: list
    annotations: list[tuple[str, int]]


class CompiledQuery:
    """``queryset().filter(**lookups)`` with its SQL built once.

    ``lookups`` names each lookup with an example value (a *sentinel*) that the SQL is built
    with; it must not occur anywhere else in the query's parameters. A call passes values of
    the same types, as the database takes them: they replace the sentinels in the parameters.
    """

    def __init__(self, queryset: Callable, **lookups: Any):
        self.queryset = queryset
        self.lookups = lookups

    def _compile(self, queryset):
        """The compiler, SQL and parameters of ``queryset``, and where each sentinel is."""
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        positions = {}
        for name, sentinel in self.lookups.items():
            found = [
                index
                for index, param in enumerate(params)
                if type(param) is type(sentinel) and param == sentinel
            ]
            if len(found) != 1:
                raise ImproperlyConfigured(
                    f"The sentinel of {name!r} occurs {len(found)} times in the parameters."
                )
            positions[name] = found[0]
        return compiler, sql, list(params), positions

    def _params(self, params: list, positions: dict[str, int], values: dict) -> list:
        """The parameters with the values of a call in place of the sentinels."""
        params = params.copy()
        for name, value in values.items():
            if type(value) is not type(self.lookups[name]):
                raise TypeError(f"{name} must be a {type(self.lookups[name]).__name__}.")
            params[positions[name]] = value
        return params


class CompiledGet(CompiledQuery):
    """``queryset().get(**lookups)`` for lookups on a unique key, or ``None``."""

    @cached_property
    def compiled(self) -> Compiled:
        queryset = self.queryset().filter(**self.lookups)
        compiler, sql, params, positions = self._compile(queryset)
        select, klass_info = compiler.select, compiler.klass_info
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1]
        fetch_mode = queryset._fetch_mode
        return Compiled(
            db=queryset.db,
            sql=sql,
            params=params,
            positions=positions,
            converters=list(compiler.get_converters([column[0] for column in select]).items()),
            from_db=_get_from_db(klass_info["model"], fetch_mode),
            init_list=[column[0].target.attname for column in select[first : last + 1]],
            model_columns=slice(first, last + 1),
            related_populators=get_related_populators(klass_info, select, queryset.db, fetch_mode),
            annotations=list(compiler.annotation_col_map.items()),
        )

    def get(self, **values: Any):
        compiled = self.compiled
        params = self._params(compiled.params, compiled.positions, values)
        connection = connections[compiled.db]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)
        for column, (converters, expression) in compiled.converters:
            for converter in converters:
                row[column] = converter(row[column], expression, connection)
        obj = compiled.from_db(compiled.db, compiled.init_list, row[compiled.model_columns])
        for populator in compiled.related_populators:
            populator.populate(row, obj)
        for name, column in compiled.annotations:
            setattr(obj, name, row[column])
        return obj


class CompiledValue(CompiledQuery):
    """The first value of ``queryset().filter(**lookups)``, a ``values_list`` of one column,
    or ``None`` when there is no row."""

    @cached_property
    def compiled(self) -> tuple:
        """The database, SQL, parameters, sentinel positions and the column's converters."""
        compiler, sql, params, positions = self._compile(self.queryset().filter(**self.lookups)[:1])
        if len(compiler.select) != 1:
            raise ImproperlyConfigured("CompiledValue reads a single column.")
        converters = compiler.get_converters([compiler.select[0][0]]).get(0, ((), None))
        return compiler.using, sql, params, positions, converters

    def get(self, **values: Any):
        db, sql, params, positions, (converters, expression) = self.compiled
        params = self._params(params, positions, values)
        connection = connections[db]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        value = row[0]
        for converter in converters:
            value = converter(value, expression, connection)
        return value
