"""Django's PostgreSQL backend with three differences: the system checks never need the server,
the health check of a kept connection costs no round trip, and ``prepared_cursor`` runs a long
statement prepared once per connection, with a generic plan.

Django 6.1 runs the model checks against every database, and the check of a ``GeneratedField``
(the stored search words) asks the server whether it is PostgreSQL 18, the version that brought
virtual generated columns. Without a server every management command then dies in its checks:
the task worker during an outage (it must wait for the database instead), ``collectstatic`` while
an image is built, ``check --deploy``. Our generated columns are stored, which every supported
PostgreSQL has; while the server cannot be asked, virtual ones count as unsupported.
"""

import functools
import re
import select

import psycopg
from django.db import OperationalError
from django.db.backends.postgresql import base, features
from django.db.backends.postgresql.psycopg_any import register_tzloader
from psycopg import adapters, pq

PLACEHOLDER = re.compile(r"%(.|$)", re.DOTALL)
TIMESTAMPTZ_OID = adapters.types["timestamptz"].oid
GENERIC_PLANS = "-c plan_cache_mode=force_generic_plan"
PREPARE_ONLY_WHEN_ASKED = 2**62  # executions before psycopg prepares a statement by itself


class DatabaseFeatures(features.DatabaseFeatures):
    @property
    def supports_virtual_generated_columns(self):
        try:
            return self.is_postgresql_18
        except OperationalError:
            return False


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures

    def close_if_health_check_failed(self):
        """``CONN_HEALTH_CHECKS``: before the first query of a request, drop a kept connection
        the server has left. Django asks the server ``SELECT 1`` for that, a round trip on
        every request that queries at all, as long as reading the content version (measured:
        0.2 to 0.3 ms of the 1.3 ms a cached page costs a worker).

        Here the check looks at the idle connection instead. A server that shuts down,
        restarts or ends the connection says so and closes it, and either makes the socket
        readable; on a healthy idle connection nothing arrives. Whatever did arrive, the
        connection is dropped and the first query opens a new one. A connection cut without
        a word (a network gone silent) is noticed only by that query, as without the check;
        its error drops the connection at the end of the request (``errors_occurred``, where
        Django's ``is_usable`` still asks the server)."""
        if self.connection is None or not self.health_check_enabled or self.health_check_done:
            return
        if self.connection.closed or self.connection.pgconn.status != pq.ConnStatus.OK:
            self.close()
        else:
            poll = select.poll()
            poll.register(self.connection.fileno(), select.POLLIN)
            if poll.poll(0):  # data, an end of file, a hang-up or an error
                self.close()
        self.health_check_done = True

    def get_connection_params(self):
        """Django's, and prepared statements where a cursor asks for them (``prepared_cursor``),
        each with a generic plan. Django switches psycopg's preparing off (for connection
        poolers without it), and psycopg then prepares nothing even when asked; the threshold
        here is never reached, so every other statement stays unprepared, as in Django. The
        plan cache mode concerns prepared statements alone."""
        params = super().get_connection_params()
        params["options"] = f"{params.get('options', '')} {GENERIC_PLANS}".strip()
        if params.get("prepare_threshold") is None:
            params["prepare_threshold"] = PREPARE_ONLY_WHEN_ASKED
        return params

    def prepared_cursor(self):
        """A cursor for a long statement run often with other parameters, such as the site
        search's: written with PostgreSQL's own placeholders ($1, $2, …, see
        ``native_placeholders``), prepared once per connection and then run with its generic
        plan (psycopg's ``RawCursor``, each statement prepared).

        - **Sent as it stands:** Django's cursor has psycopg find every ``%s`` of a statement
          at every execution, unless it is short (psycopg keeps the split of those up to 4,096
          bytes and 50 parameters); the search's is 10 KB with about 200.
        - **Planned once:** planning the search's ten kinds of content took longer than
          running them, 2.4 to 2.9 ms of a new search text's 6 ms in the database.
        - **The price:** a generic plan does not know the parameters' values, so it folds no
          function of them into a constant. The statement has to compute such a function
          once, as a subquery (``(SELECT websearch_to_tsquery($1, $2))``), or it runs for
          every row.

        Django's wrapper stays around it as around every cursor: the health check before,
        database errors as Django's, queries counted and logged."""
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            cursor = PreparedCursor(self.connection)
            # Django's time zone for the results, as in its create_cursor.
            tzloader = self.connection.adapters.get_loader(TIMESTAMPTZ_OID, pq.Format.TEXT)
            if self.timezone != tzloader.timezone:
                register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)


class PreparedCursor(psycopg.RawCursor):
    """psycopg's cursor for PostgreSQL's own placeholders, preparing every statement it runs
    (Django's cursor wrapper passes no ``prepare``)."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


@functools.lru_cache(maxsize=128)
def native_placeholders(sql: str) -> str:
    """``sql`` as Django writes it (``%s`` for each parameter, ``%%`` for a percent sign)
    with PostgreSQL's own placeholders: ``$1``, ``$2``, … in order. Kept per statement."""
    numbers = iter(range(1, sql.count("%s") + 1))

    def replace(match):
        if match.group(1) == "s":
            return f"${next(numbers)}"
        if match.group(1) == "%":
            return "%"
        raise ValueError(f"Kein Platzhalter: {match.group(0)!r} in {sql[:80]!r}…")

    return PLACEHOLDER.sub(replace, sql)
