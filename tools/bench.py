"""``make bench``: throughput of the portal's pages beside a minimal Django view.

Starts gunicorn with production settings on the development database, puts a bounded load on
each page (wrk if installed, otherwise a small Python client), and prints requests per second,
p50, p99, queries per page and each page's throughput as a share of the floor. The run is made
twice: with the page cache for visitors without cookies (the production default) and without.
Never a test: the numbers depend on the machine.
"""

import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, (os.cpu_count() or 2)))))
FLOOR = "/bench/floor/"
PUBLIC_PAGES = ["/", "/mitglieder/", "/aktuelles/", "/aktuelles/feed/", "/termine/", "/projekte/"]
SEARCH_PAGES = ["/suche/?q=Pr%C3%A4vention", "/suche/?q=Krisenmanagment"]
MEMBER_PAGES = ["/mitgliederbereich/", "/mitgliederbereich/abfragen/", "/wissen/"]
# A browser's user agent, so that the page-view counter counts (and costs) what it would for a
# visitor; without one a request counts as a bot's.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def production_env(page_cache: bool) -> dict:
    from tools import devdb

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tools.bench_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_PAGE_CACHE_SECONDS": "30" if page_cache else "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "EMAIL_URL": "console:",
        "DJANGO_SITE_URL": "http://127.0.0.1:8000",
        "DATABASE_URL": devdb.url(),
    }


def existing(paths: list[str], env: dict, cookie: str = "") -> list[str]:
    found = []
    for path in paths:
        status, _ = fetch(path, cookie)
        if status == 200:
            found.append(path)
        else:
            print(f"  übersprungen: {path} antwortet {status}")
    return found


def fetch(path: str, cookie: str = "") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def load_wrk(path: str, cookie: str) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    command += ["-H", f"User-Agent: {USER_AGENT}"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True, check=True
    ).stdout

    def latency(label):
        match = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def load_python(path: str, cookie: str) -> dict:
    """Fallback load: CONNECTIONS threads with keep-alive, for SECONDS."""
    latencies, errors, deadline = [], [0], time.monotonic() + SECONDS
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        headers = {"User-Agent": USER_AGENT, **({"Cookie": cookie} if cookie else {})}
        while time.monotonic() < deadline:
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += response.status != 200
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / SECONDS,
        "p50": quantiles[49],
        "p99": quantiles[98],
        "errors": errors[0],
    }


def queries_per_page(paths: list[str], member_paths: list[str]) -> dict[str, int]:
    """Count the queries of one uncached request per page, in this process."""
    import django
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    from members.models import User

    counts = {}
    anonymous, member = Client(), Client()
    user = User.objects.filter(email="mitglied@defus.example").first()
    if user:
        member.force_login(user)
    for client, group in ((anonymous, paths), (member, member_paths)):
        for path in group:
            client.get(path)  # warm up the connection and caches of the process
            with CaptureQueriesContext(connection) as captured:
                client.get(path)
            counts[path] = len(captured)
    return counts


def member_cookie() -> str:
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from members.models import User

    user = User.objects.filter(email="mitglied@defus.example").first()
    if user is None:
        return ""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def serve(env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/gunicorn"), "defus.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        env=env, cwd=BASE_DIR,
    )  # fmt: skip
    for _ in range(100):
        try:
            if fetch("/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn ist nicht gestartet.")


def run(page_cache: bool, cookie: str) -> list[tuple]:
    env = production_env(page_cache)
    server = serve(env)
    load = load_wrk if shutil.which("wrk") else load_python
    rows = []
    try:
        pages = existing(PUBLIC_PAGES + SEARCH_PAGES, env)
        members = existing(MEMBER_PAGES, env, cookie) if cookie else []
        floor = load(FLOOR, "")
        rows.append((FLOOR, floor, ""))
        for path in pages:
            rows.append((path, load(path, ""), ""))
        for path in members:
            rows.append((path, load(path, cookie), "Mitglied"))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    return rows


def main() -> None:
    os.environ.update(production_env(page_cache=False))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        check=True,
        cwd=BASE_DIR,
    )
    cookie = member_cookie()
    tool = "wrk" if shutil.which("wrk") else "Python-Client"
    print(
        f"\nLast: {tool}, {CONNECTIONS} Verbindungen, {SECONDS} s je Seite, gunicorn mit {WORKERS} Workern"
    )
    for page_cache in (True, False):
        rows = run(page_cache, cookie)
        queries = queries_per_page(
            [path for path, _, who in rows if not who and path != FLOOR],
            [path for path, _, who in rows if who],
        )
        floor_rps = rows[0][1]["rps"]
        title = (
            "mit Seiten-Cache für Besucher ohne Cookies (Produktion)"
            if page_cache
            else "ohne Seiten-Cache"
        )
        print(f"\n{title}")
        print(
            f"{'Seite':<34} {'Anfragen/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'Abfragen':>9} {'Anteil':>7}"
        )
        for path, result, who in rows:
            label = f"{path} ({who})" if who else path
            count = "-" if path == FLOOR else str(queries.get(path, "?"))
            share = result["rps"] / floor_rps
            errors = f"  {result['errors']} Fehler" if result["errors"] else ""
            print(
                f"{label:<34} {result['rps']:>11.0f} {result['p50']:>8.2f} {result['p99']:>8.2f} {count:>9} {share:>7.2f}{errors}"
            )


if __name__ == "__main__":
    main()
