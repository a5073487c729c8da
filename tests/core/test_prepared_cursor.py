"""``connection.prepared_cursor()``: SQL with PostgreSQL's own placeholders, prepared once per
connection and run with its generic plan, behind Django's cursor wrapper like every other
query (the site search runs on it)."""

import datetime

import psycopg
import pytest
from django.db import DatabaseError, ProgrammingError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.db.base import native_placeholders
from tests.factories import ArticleFactory


def test_placeholders_are_numbered_in_order_and_a_doubled_percent_is_one():
    sql = "SELECT %s, a %%> %s FROM t WHERE b = %s AND c LIKE '%%x'"
    assert native_placeholders(sql) == "SELECT $1, a %> $2 FROM t WHERE b = $3 AND c LIKE '%x'"
    assert native_placeholders("SELECT 1") == "SELECT 1"


@pytest.mark.parametrize("sql", ["SELECT %(name)s", "SELECT 5 %d", "SELECT %"])
def test_anything_else_after_a_percent_sign_is_refused(sql):
    with pytest.raises(ValueError, match="Kein Platzhalter"):
        native_placeholders(sql)


@pytest.mark.django_db
def test_parameters_of_each_type_are_bound_and_results_read_as_with_django():
    day = datetime.date(2025, 9, 16)
    moment = timezone.make_aware(datetime.datetime(2025, 9, 16, 18, 30))
    params = [41, 1, day, None, "Prävention", 0.5, moment]
    sql = "SELECT %s + %s, %s, %s, %s, %s * 2, %s::timestamptz"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        expected = cursor.fetchall()
    with connection.prepared_cursor() as cursor:
        cursor.execute(native_placeholders(sql), params)
        rows = cursor.fetchall()
    assert rows == expected == [(42, day, None, "Prävention", 1.0, moment)]
    assert rows[0][-1].utcoffset() == datetime.timedelta(0)  # aware, as Django's cursor gives it


@pytest.mark.django_db
def test_its_queries_are_counted_and_logged_like_every_other():
    article = ArticleFactory(title="Sicherheit im Quartier")
    with CaptureQueriesContext(connection) as captured, connection.prepared_cursor() as cursor:
        cursor.execute("SELECT title FROM news_article WHERE id = $1", [article.pk])
        assert cursor.fetchall() == [("Sicherheit im Quartier",)]
    assert len(captured) == 1
    assert "news_article" in captured[0]["sql"]


@pytest.mark.django_db
def test_a_database_error_is_djangos_so_the_outage_and_error_pages_catch_it():
    with pytest.raises(ProgrammingError) as raised, connection.prepared_cursor() as cursor:
        cursor.execute("SELECT * FROM keine_tabelle WHERE id = $1", [1])
    assert isinstance(raised.value, DatabaseError)
    assert type(raised.value).__module__ == "django.db.utils"


def prepared_statements(text: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            [f"%{text}%"],
        )
        return cursor.fetchall()


@pytest.mark.django_db
def test_a_statement_is_prepared_once_per_connection_and_runs_with_its_generic_plan():
    ArticleFactory(title="Sicherheit im Quartier")
    sql = "SELECT count(*) FROM news_article WHERE title <> $1 AND 'einmal vorbereitet' <> $2"
    for words in ["Prävention", "Sicherheit", "Quartier"]:
        with connection.prepared_cursor() as cursor:
            cursor.execute(sql, [words, "x"])
            assert cursor.fetchall() == [(1,)]
    [(generic, custom)] = prepared_statements("einmal vorbereitet")
    assert (generic, custom) == (3, 0)


@pytest.mark.django_db
def test_a_statement_run_often_is_prepared_only_where_a_cursor_asks():
    """psycopg prepares a statement by itself after ``prepare_threshold`` executions (5 by
    default); the threshold here is never reached. Django's own cursor binds on the client and
    never prepares; a cursor that binds on the server does not either, unless it asks."""
    for _ in range(10):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 'nie vorbereitet', %s", [1])
    assert prepared_statements("nie vorbereitet") == []
    with connection.prepared_cursor():  # the connection as the search finds it
        pass
    for _ in range(10):
        with psycopg.Cursor(connection.connection) as cursor:
            cursor.execute("SELECT 'nur auf Wunsch', %s::int", [1])
    assert prepared_statements("nur auf Wunsch") == []
