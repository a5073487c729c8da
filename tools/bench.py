"""``make bench``: throughput of the portal's pages beside a minimal Django view.

Starts gunicorn with production settings on the development database, puts a bounded load on
each page (wrk if installed, otherwise a small Python client), and prints requests per second,
p50, p99, queries per page and each page's throughput as a share of the floor (measured again
after every page, so each page's share is of the floor just before and just after it). The run
is made twice: with the page cache for visitors without cookies (the production default) and
without; member pages and the admin's lists (never cached) only in the second. What counting
page views costs is measured in alternating pairs: the cached public pages on two servers side
by side, one with the counter and one without (BENCH_VISITS=0 in tools.bench_settings); and in
CPU time per request, in one process without a network (``counting_cpu``), which the
neighbours' load moves far less. At the end the summary of issue 13 per data set: each group's
share of the floor, the search's p99, the admin lists' p50 (one connection: the time an office
worker waits), the counter's cost and the Jahresbericht's time as HTML and PDF
(``run_report``).

The data sets run one after the other (BENCH_SETS, default ``demo,large``): the demo, then ten
times the demo from ``manage.py load_bench_data``, which the bench removes again at the end, so
the development database holds the demo afterwards. ``BENCH_SETS=large`` is `make bench-large`.
Never a test: the numbers depend on the machine.
"""

import http.client
import io
import itertools
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, (os.cpu_count() or 2)))))
FLOOR = "/bench/floor/"
LOGGED_IN_FLOOR = "/bench/floor/?angemeldet"
PUBLIC_PAGES = ["/", "/mitglieder/", "/aktuelles/", "/aktuelles/feed/", "/termine/", "/projekte/"]
# The pages whose views the counter counts: HTML (the feed is not a page view).
COUNTED_PAGES = [path for path in PUBLIC_PAGES if not path.endswith("/feed/")]
SEARCH_PAGES = ["/suche/?q=Pr%C3%A4vention", "/suche/?q=Krisenmanagment"]
# A search whose text nobody asked before (see ``new_search_paths``): what the database found
# is kept per content version, so the two pages above measure a repeated search.
NEW_SEARCHES = "/suche/?q=… (jedes Mal ein neuer Text)"
MEMBER_PAGES = ["/mitgliederbereich/", "/mitgliederbereich/abfragen/", "/wissen/"]
# A browser's user agent, so that the page-view counter counts (and costs) what it would for a
# visitor; without one a request counts as a bot's.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"

ADMIN_PAGES = [
    "/verwaltung/news/article/", "/verwaltung/events/event/", "/verwaltung/knowledge/collection/",
    "/verwaltung/inquiries/inquiry/",
]  # fmt: skip
# Name -> (label, the manage.py command that makes the development database hold it).
DATA_SETS = {
    "demo": ("Demo-Inhalte", ["load_bench_data", "--remove"]),
    "large": ("zehnfache Demo-Inhalte", ["load_bench_data"]),
}
COST_TARGET = 5  # per cent of cached throughput that page-view counting may cost (issue 13)
# The cost of counting is measured in alternating pairs (``run_counting``): rounds, seconds each.
COUNTING_ROUNDS = int(os.environ.get("BENCH_COUNTING_ROUNDS", "3"))
COUNTING_SECONDS = int(os.environ.get("BENCH_COUNTING_SECONDS", "2"))
# ... and in CPU time per request, in one process (``counting_cpu``): rounds, requests per page.
COUNTING_CPU_ROUNDS = int(os.environ.get("BENCH_COUNTING_CPU_ROUNDS", "20"))
COUNTING_CPU_REQUESTS = int(os.environ.get("BENCH_COUNTING_CPU_REQUESTS", "100"))
# The floor measured again after every page, for that many seconds (see ``share``).
FLOOR_SECONDS = int(os.environ.get("BENCH_FLOOR_SECONDS", "2"))
# The Jahresbericht of one year as the office asks for it (``run_report``): one request after
# the other, each timed; the targets in seconds.
REPORT_YEAR = int(os.environ.get("BENCH_REPORT_YEAR", "2024"))
REPORT_PAGES = {
    "HTML": f"/verwaltung/jahresbericht/{REPORT_YEAR}/",
    "PDF": f"/verwaltung/jahresbericht/{REPORT_YEAR}/pdf/",
}
REPORT_TARGETS = {"HTML": 1.0, "PDF": 5.0}
REPORT_REQUESTS = int(os.environ.get("BENCH_REPORT_REQUESTS", "4"))


def data_sets(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in DATA_SETS]
    if unknown or not names:
        raise SystemExit(
            f"BENCH_SETS: unbekannt {', '.join(unknown) or '(leer)'}; möglich: {', '.join(DATA_SETS)}"
        )
    return names


def production_env(page_cache: bool, visits: bool = True, fragments: bool = True) -> dict:
    from tools import devdb

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tools.bench_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_PAGE_CACHE_SECONDS": "3600" if page_cache else "0",
        "DJANGO_FRAGMENT_CACHE_SECONDS": "3600" if fragments else "0",
        "BENCH_VISITS": "1" if visits else "0",
        # Each worker would load WeasyPrint in its first seconds (gunicorn.conf.py): that is
        # CPU the pages measured from the first second on would share.
        "DEFUS_PDF_WARM_UP": "0",
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


def fetch(path: str, cookie: str = "", port: int = PORT, timeout: float = 10) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def new_search_paths() -> list[str]:
    """Search addresses a visitor might type, each different, from the data the development
    database holds now: the words of the titles, each also with two letters swapped (a typo),
    and two neighbouring words of a title. Shuffled with a fixed seed."""
    import random
    from urllib.parse import quote

    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title FROM news_article UNION ALL SELECT title FROM events_event "
            "UNION ALL SELECT title FROM knowledge_entry UNION ALL SELECT title FROM projects_project"
        )
        titles = [title for (title,) in cursor.fetchall()]
    rng = random.Random(13)
    texts = set()
    for title in titles:
        words = [word.strip(".,:;!?()„“\"'–-") for word in title.split()]
        words = [word for word in words if len(word) > 3 and not word.isdigit()]
        for word in words:
            texts.add(word)
            if len(word) > 6:
                n = rng.randrange(1, len(word) - 2)
                texts.add(word[:n] + word[n + 1] + word[n] + word[n + 2 :])
        texts.update(f"{first} {second}" for first, second in itertools.pairwise(words))
    paths = sorted(f"/suche/?q={quote(text, safe='')}" for text in texts)
    rng.shuffle(paths)
    return paths


def load_wrk(
    path: str,
    cookie: str,
    connections: int = CONNECTIONS,
    paths: list[str] = (),
    port: int = PORT,
    seconds: int = SECONDS,
) -> dict:
    """wrk on ``path``; with ``paths``, each request asks the next of them (none twice while
    there are more paths than requests)."""
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-H", f"User-Agent: {USER_AGENT}"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if paths:
            script.write(
                "local paths = {" + ",".join(f'"{each}"' for each in paths) + "}\n"
                "local threads = 0\n"
                "function setup(thread) thread:set('first', threads); threads = threads + 1 end\n"
                "function init(args) n = first end\n"
                f"function request() n = n + {threads}; "
                "return wrk.format(nil, paths[(n % #paths) + 1]) end\n"
            )
            script.flush()
            command += ["-s", script.name]
        output = subprocess.run(
            [*command, f"http://127.0.0.1:{port}{paths[0] if paths else path}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip

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
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def load_python(
    path: str,
    cookie: str,
    connections: int = CONNECTIONS,
    paths: list[str] = (),
    port: int = PORT,
    seconds: int = SECONDS,
) -> dict:
    """Fallback load: ``connections`` threads with keep-alive, for ``seconds``; with ``paths``,
    each request asks the next of them."""
    latencies, errors, deadline = [], [0], time.monotonic() + seconds
    lock = threading.Lock()
    following = itertools.cycle(paths or [path])

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"User-Agent": USER_AGENT, **({"Cookie": cookie} if cookie else {})}
        while time.monotonic() < deadline:
            with lock:
                asked = next(following)
            start = time.perf_counter()
            connection.request("GET", asked, headers=headers)
            response = connection.getresponse()
            response.read()
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += response.status != 200
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / seconds,
        "p50": quantiles[49],
        "p99": quantiles[98],
        "errors": errors[0],
        "requests": len(latencies),
    }


def queries_per_page(
    paths: list[str], member_paths: list[str], staff_paths: list[str] = ()
) -> dict[str, int]:
    """Count the queries of one uncached request per page, in this process."""
    import django
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    from members.models import User

    counts = {}
    anonymous, member, staff = Client(), Client(), Client()
    for client, email in ((member, MEMBER), (staff, STAFF)):
        if user := User.objects.filter(email=email).first():
            client.force_login(user)
    for client, group in ((anonymous, paths), (member, member_paths), (staff, staff_paths)):
        for path in group:
            client.get(path)  # warm up the connection and caches of the process
            with CaptureQueriesContext(connection) as captured:
                client.get(path)
            counts[path] = len(captured)
    return counts


def queries_of_a_new_search(path: str, warm_up: str) -> int:
    """The queries of a search whose text this process has not searched before."""
    import django
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    client = Client()
    client.get(warm_up)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


MEMBER, STAFF = "mitglied@defus.example", "buero@defus.example"


def member_cookie(email: str = MEMBER) -> str:
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from members.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        return ""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def serve(env: dict, port: int = PORT) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/gunicorn"), "defus.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        env=env, cwd=BASE_DIR,
    )  # fmt: skip
    for _ in range(100):
        try:
            if fetch("/healthz", port=port)[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn ist nicht gestartet.")


def run(
    page_cache: bool,
    cookie: str,
    staff_cookie: str,
    fragments: bool = True,
    searches: list[str] = (),
) -> list[tuple]:
    """Rows (path, result, who) for one server configuration. Member pages and admin lists
    are never cached (they carry a session cookie), so they run only without the cache.
    Without the fragment cache (``fragments=False``: every page rendered in full, as at its
    first request after a change) no admin lists, which use no fragments. With ``searches``,
    one more row: a new search text for every request (``NEW_SEARCHES``)."""
    env = production_env(page_cache, fragments=fragments)
    server = serve(env)
    load = load_wrk if shutil.which("wrk") else load_python
    rows = []
    try:
        pages = existing(PUBLIC_PAGES + SEARCH_PAGES, env)
        members = existing(MEMBER_PAGES, env, cookie) if cookie and not page_cache else []
        admin = (
            existing(ADMIN_PAGES, env, staff_cookie)
            if staff_cookie and not page_cache and fragments
            else []
        )
        if page_cache:  # each worker keeps its own copies: fill them all before measuring
            for path in pages * 2 * WORKERS:
                fetch(path)
        # Warm every worker (imports, connections, template loaders, kept fragments) before
        # anything is measured: the floor, measured first, otherwise paid a fresh worker's
        # first seconds and came out up to half as fast as in the next run.
        for _ in range(25 * WORKERS):
            fetch(FLOOR)
        for path, who_cookie in [(p, "") for p in pages] + [(p, cookie) for p in members]:
            for _ in range(3 * WORKERS):
                fetch(path, who_cookie)
        floor = load(FLOOR, "")
        rows.append((FLOOR, floor, ""))
        last_floor = floor["rps"]

        def measure_page(path: str, who_cookie: str, who: str, **options) -> dict:
            """The page, then the floor again: the page's share is of the mean of the floor
            just before and just after it (``local_floor``)."""
            nonlocal last_floor
            result = load(path, who_cookie, **options)
            after = load(FLOOR, "", seconds=FLOOR_SECONDS)["rps"]
            result["local_floor"] = (last_floor + after) / 2
            last_floor = after
            rows.append((path, result, who))
            return result

        for path in pages:
            measure_page(path, "", "")
        if searches:
            result = measure_page(NEW_SEARCHES, "", "", paths=searches)
            result["repeated"] = max(0, result["requests"] - len(searches))
        if members:  # what a logged-in request costs before any page: session, user, version
            measure_page(LOGGED_IN_FLOOR, cookie, "Mitglied")
        for path in members:
            measure_page(path, cookie, "Mitglied")
        for path in admin:
            rows.append((path, load(path, staff_cookie, connections=1), "Büro, 1 Verbindung"))
        rows[0] = (FLOOR, floor_of(floor, load(FLOOR, "")), "")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    return rows


def run_report(staff_cookie: str, requests: int = REPORT_REQUESTS) -> dict[str, list[float]]:
    """The Jahresbericht of ``REPORT_YEAR`` as HTML and as PDF, timed as the office waits for
    it: ``requests`` of each, one after the other, in seconds. The server runs as in production,
    where each worker loads WeasyPrint right after its start (gunicorn.conf.py); the bench
    waits until the workers are idle, so the first PDF is not timed against that warm-up."""
    from tools.drill import gunicorn_workers

    server = serve({**production_env(False), "DEFUS_PDF_WARM_UP": "1"})
    times = {}
    try:
        wait_until_idle(gunicorn_workers(server))
        for name, path in REPORT_PAGES.items():
            for _ in range(requests):
                start = time.perf_counter()
                status, _ = fetch(path, staff_cookie, timeout=60)
                if status != 200:
                    print(f"  übersprungen: {path} antwortet {status}")
                    break
                times.setdefault(name, []).append(time.perf_counter() - start)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    return times


def wait_until_idle(pids: list[int], limit: float = 60) -> None:
    """Wait (up to ``limit`` seconds) until the processes together use less than a twentieth
    of a core over half a second."""
    from tools.drill import cpu_seconds

    deadline = time.monotonic() + limit
    used = sum(cpu_seconds(pid) for pid in pids)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = sum(cpu_seconds(pid) for pid in pids)
        if now - used < 0.025:
            return
        used = now


def floor_for(result: dict, rows: list[tuple]) -> float:
    """The floor a page is compared with: the floor measured just before and just after it
    (``local_floor``) where there is one, else the run's. The machine changed speed by up to
    half within one run, so a page measured in a slow minute came out low against a floor
    taken in a fast one."""
    return result.get("local_floor", rows[0][1]["rps"])


def share(result: dict, rows: list[tuple]) -> float:
    """A page's throughput as a share of its floor (``floor_for``)."""
    return result["rps"] / floor_for(result, rows)


def floor_of(before: dict, after: dict) -> dict:
    """The floor of a run, measured before its pages and again after them (the floor's row):
    ``drift`` says in per cent how much the machine changed during the run. A page without a
    floor of its own (``share``) is compared with the mean."""
    return {
        **before,
        "rps": (before["rps"] + after["rps"]) / 2,
        "before": before["rps"],
        "after": after["rps"],
        "drift": 100 * (after["rps"] / before["rps"] - 1) if before["rps"] else 0.0,
    }


def span(values: list[float], digits: int = 2) -> str:
    if not values:
        return "-"
    low, high = f"{min(values):.{digits}f}", f"{max(values):.{digits}f}"
    return low if low == high else f"{low}–{high}"


def counting_order(pages: list[str], rounds: int) -> list[tuple[str, str]]:
    """(page, "on" or "off") in the order ``run_counting`` loads them: each page on both
    servers, one after the other, with the first of the pair alternating page by page and
    round by round, so neither server always runs first (after the other's load)."""
    order = []
    for round_ in range(rounds):
        for index, path in enumerate(pages):
            pair = ["on", "off"] if (round_ + index) % 2 == 0 else ["off", "on"]
            order += [(path, name) for name in pair]
    return order


def run_counting(rounds: int = COUNTING_ROUNDS, seconds: int = COUNTING_SECONDS) -> dict:
    """What counting page views costs the cached public pages, measured in pairs: two servers
    run side by side, one with the counter and one without (``BENCH_VISITS=0``), and each
    page is loaded on one, then on the other, in alternating order, ``rounds`` times. A change
    of the neighbours' load then falls on both alike; two runs one after the other differed
    by up to 20 % of the floor that way alone. Returns ``{"on"|"off": {path: [rps, …]}}``."""
    load = load_wrk if shutil.which("wrk") else load_python
    ports = {"on": PORT, "off": PORT + 1}
    servers, measured = {}, {"on": {}, "off": {}}
    try:
        for name, port in ports.items():  # inside the try: a second that fails stops the first
            servers[name] = serve(production_env(True, visits=name == "on"), port)
        pages = [path for path in COUNTED_PAGES if fetch(path, port=PORT)[0] == 200]
        for port in ports.values():  # each worker keeps its own copies: fill them all
            for _ in range(25 * WORKERS):
                fetch(FLOOR, port=port)
            for path in pages * 2 * WORKERS:
                fetch(path, port=port)
        # One second of load on every page of both, discarded: the first seconds under load
        # cost a worker more (the first pair measured came out 10 % apart, whichever ran first).
        for path, name in counting_order(pages, 1):
            load(path, "", port=ports[name], seconds=1)
        for path, name in counting_order(pages, rounds):
            result = load(path, "", port=ports[name], seconds=seconds)
            measured[name].setdefault(path, []).append(result["rps"])
    finally:
        for server in servers.values():
            server.send_signal(signal.SIGTERM)
        for server in servers.values():
            server.wait(timeout=20)
    return measured


def counting_cpu(
    rounds: int = COUNTING_CPU_ROUNDS, requests: int = COUNTING_CPU_REQUESTS
) -> dict[str, list[float]]:
    """What counting costs a cached public page in CPU time: ``cpu_per_request`` in a process
    of its own, with the production settings and the page cache on."""
    completed = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--counting-cpu", str(rounds), str(requests)],
        env=production_env(page_cache=True),
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.splitlines()[-1])


def cpu_per_request(rounds: int, requests: int) -> dict[str, list[float]]:
    """The CPU time in µs per request of the cached public pages, in this process, served by
    Django's WSGI handler with the middleware of the settings (``"on"``) and without the
    page-view counter's (``"off"``): each page ``requests`` times per round, the two in
    alternating order. No network and no second process, so a change of the neighbours'
    load moves it far less than the throughput of ``run_counting``."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import override_settings

    def environ(path: str) -> dict:
        return {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(PORT), "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": f"127.0.0.1:{PORT}", "HTTP_USER_AGENT": USER_AGENT,
            "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
        }  # fmt: skip

    def start_response(status, headers, exc_info=None):
        pass

    handlers = {"on": WSGIHandler()}
    without = [
        name for name in settings.MIDDLEWARE if name != "visits.middleware.PageViewMiddleware"
    ]
    with override_settings(MIDDLEWARE=without):
        handlers["off"] = WSGIHandler()
    for handler in handlers.values():  # the page cache filled, the first requests' work done
        for path in COUNTED_PAGES * 3:
            b"".join(handler(environ(path), start_response))
    measured = {"on": [], "off": []}
    for round_ in range(rounds):
        for name in ("on", "off") if round_ % 2 == 0 else ("off", "on"):
            start = time.process_time()
            for _ in range(requests):
                for path in COUNTED_PAGES:
                    b"".join(handlers[name](environ(path), start_response))
            seconds = time.process_time() - start
            measured[name].append(seconds / (requests * len(COUNTED_PAGES)) * 1e6)
    return measured


def counting_cost(measured: dict) -> dict:
    """The cost in per cent from the requests per second summed over the pages and rounds
    (``cost``), and per round (``rounds``), with the summed rates per round (``on``, ``off``)."""
    on, off = measured["on"], measured["off"]
    rounds = min(len(values) for values in [*on.values(), *off.values()]) if on else 0
    on_per_round = [sum(on[path][index] for path in on) for index in range(rounds)]
    off_per_round = [sum(off[path][index] for path in on) for index in range(rounds)]

    def cost(counted, uncounted):
        return 100 * (1 - counted / uncounted) if uncounted else 0.0

    return {
        "cost": cost(sum(on_per_round), sum(off_per_round)),
        "rounds": [cost(a, b) for a, b in zip(on_per_round, off_per_round, strict=True)],
        "on": sum(on_per_round) / rounds if rounds else 0.0,
        "off": sum(off_per_round) / rounds if rounds else 0.0,
    }


def summary(
    label: str,
    cached: list[tuple],
    uncached: list[tuple],
    queries: dict[str, int],
    counting: dict | None = None,
    first: list[tuple] = (),
    report: dict[str, list[float]] | None = None,
    counting_in_process: dict[str, list[float]] | None = None,
) -> list[str]:
    """The table of issue 13 for one data set: shares of the floor of the same run, per group,
    and what page-view counting costs the cached public pages."""

    def shares(rows, paths):
        return {path: share(result, rows) for path, result, _ in rows if path in paths}

    def count(paths):
        found = [queries[p] for p in paths if p in queries]
        return (
            f"{min(found)}–{max(found)}"
            if found and min(found) != max(found)
            else (str(found[0]) if found else "-")
        )

    uncached_by_path = {path: result for path, result, _ in uncached}
    # A page with no answer within BENCH_SECONDS has no latencies (wrk says 0): left out.
    answered = {path: result for path, result in uncached_by_path.items() if result["rps"]}
    search_p = [answered[p] for p in SEARCH_PAGES if p in answered]
    groups = [
        ("öffentliche Seiten", PUBLIC_PAGES),
        ("Suche", SEARCH_PAGES),
        ("Mitgliederseiten, angemeldet", MEMBER_PAGES),
    ]
    drifts = [
        f"{name} {rows[0][1]['drift']:+.0f} %"
        for name, rows in (("mit Seiten-Cache", cached), ("ohne", uncached), ("ohne jeden", first))
        if rows and "drift" in rows[0][1]
    ]
    drift = (
        "; je Seite der floor direkt davor und danach, über den Lauf änderte er sich "
        + ", ".join(drifts)
    )
    lines = [
        f"\nÜbersicht ({label}): Anteil am floor desselben Laufs{drift if drifts else ''}",
        f"{'Seiten':<32} {'mit Seiten-Cache':>17} {'ohne Cache':>11} {'Abfragen':>9}  Hinweis",
    ]
    # "ohne Cache": without the page cache, as for everyone with a cookie; the fragments of
    # a role are kept, as in production. "erste Darstellung": without fragments either.
    for name, paths in groups:
        with_cache = span(list(shares(cached, paths).values()))
        without = span(list(shares(uncached, paths).values()))
        note = ""
        if paths is SEARCH_PAGES and search_p:
            note = "p50 {} ms, p99 {} ms bei {} Verbindungen".format(
                span([r["p50"] for r in search_p], 0), span([r["p99"] for r in search_p], 0),
                CONNECTIONS,
            )  # fmt: skip
        if paths is MEMBER_PAGES:
            with_cache = "nie gecacht"
        if first:
            first_render = f"erste Darstellung {span(list(shares(first, paths).values()))}"
            note = f"{first_render}; {note}" if note else first_render
        lines.append(f"{name:<32} {with_cache:>17} {without:>11} {count(paths):>9}  {note}")
    if NEW_SEARCHES in answered:
        new = answered[NEW_SEARCHES]
        new_share = share(new, uncached)
        first_new = {path: result for path, result, _ in first}.get(NEW_SEARCHES)
        note = f"erste Darstellung {share(first_new, first):.2f}; " if first_new else ""
        lines.append(
            f"{'Suche, jedes Mal neuer Text':<32} {'':>17} {new_share:>11.2f} {queries[NEW_SEARCHES]:>9}  "
            f"{note}p50 {new['p50']:.0f} ms, p99 {new['p99']:.0f} ms bei {CONNECTIONS} Verbindungen"
        )
    if LOGGED_IN_FLOOR in answered:
        floor_share = share(answered[LOGGED_IN_FLOOR], uncached)
        lines.append(
            f"{'floor, angemeldet':<32} {'':>17} {floor_share:>11.2f} "
            f"{queries.get(LOGGED_IN_FLOOR, '-'):>9}  "
            "Sitzung, Konto, Inhaltsversion: was jede Seite eines Mitglieds vorab kostet"
        )
    admin = [(p, answered[p]) for p in ADMIN_PAGES if p in answered]
    if admin:
        p50 = span([result["p50"] for _, result in admin], 0)
        lines.append(f"{'Verwaltung: Änderungslisten':<32} {'p50 ' + p50 + ' ms':>29} "
                     f"{count(ADMIN_PAGES):>9}  eine Verbindung")  # fmt: skip
    if counting:
        cost = counting_cost(counting)
        rounds = ", ".join(f"{each:.1f}" for each in cost["rounds"])
        lines.append(
            f"{'Zählung der Seitenaufrufe':<32} {'kostet {:.1f} %'.format(cost['cost']):>17} "
            f"{'':>11} {'':>9}  gecachte öffentliche Seiten, abwechselnd mit und ohne: "
            f"{cost['on']:.0f} statt {cost['off']:.0f} Anfragen/s; je Runde {rounds} % "
            f"(Ziel ≤ {COST_TARGET} %)"
        )
    if counting_in_process:
        on, off = (statistics.median(counting_in_process[name]) for name in ("on", "off"))
        label = f"kostet {100 * (on / off - 1):.1f} %"
        lines.append(
            f"{'Zählung, CPU je Anfrage':<32} {label:>17} {'':>11} {'':>9}  in einem Prozess "
            f"ohne Netz, Median aus {len(counting_in_process['on'])} Runden: {on:.0f} statt "
            f"{off:.0f} µs (Ziel ≤ {COST_TARGET} %)"
        )
    if report:
        lines.append(report_line(report))
    return lines


def report_line(report: dict[str, list[float]]) -> str:
    """The Jahresbericht's row of the summary: the median and the slowest of its requests."""
    parts = [
        f"{name} {statistics.median(times):.2f} s (höchstens {max(times):.2f} s, "
        f"Ziel ≤ {REPORT_TARGETS[name]:.0f} s)"
        for name, times in report.items()
    ]
    label = f"Jahresbericht {REPORT_YEAR}"
    return (
        f"{label:<32} {'':>17} {'':>11} {'':>9}  "
        + "; ".join(parts)
        + (f"; je {len(next(iter(report.values())))} nacheinander, eine Verbindung")
    )


def print_rows(title: str, rows: list[tuple]) -> None:
    print(f"\n{title}")
    print(
        f"{'Seite':<34} {'Anfragen/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'Anteil':>7} {'floor':>6}"
    )
    for path, result, who in rows:
        label = f"{path} ({who})" if who else path
        page_share = share(result, rows)
        errors = f"  {result['errors']} Fehler" if result["errors"] else ""
        errors += "" if result["rps"] else "  keine Antwort in der Messzeit"
        if result.get("repeated"):
            errors += f"  {result['repeated']} Suchtexte ein zweites Mal"
        if "drift" in result:
            errors += (
                f"  Mittel aus vorher {result['before']:.0f} und nachher {result['after']:.0f}"
                f" ({result['drift']:+.0f} %)"
            )
        print(
            f"{label:<34} {result['rps']:>11.0f} {result['p50']:>8.2f} {result['p99']:>8.2f} "
            f"{page_share:>7.2f} {floor_for(result, rows):>6.0f}{errors}"
        )


def print_counting(title: str, measured: dict) -> None:
    print(f"\n{title}")
    print(f"{'Seite':<34} {'mit Zählung, Anfragen/s':>40} {'ohne':>30}")
    for path, on in measured["on"].items():
        off = measured["off"][path]
        print(
            f"{path:<34} {' '.join(f'{each:.0f}' for each in on):>40} "
            f"{' '.join(f'{each:.0f}' for each in off):>30}"
        )


def measure(label: str, cookie: str, staff_cookie: str) -> list[str]:
    """Every run on the data the development database holds now; returns the summary."""
    cached = run(True, cookie, staff_cookie)
    print_rows(f"{label}: mit Seiten-Cache für Besucher ohne Cookies (Produktion)", cached)
    counting = run_counting()
    print_counting(f"{label}: mit Seiten-Cache, abwechselnd mit und ohne Zählung", counting)
    counting_in_process = counting_cpu()
    print(
        f"CPU je Anfrage in einem Prozess, µs: mit Zählung "
        f"{' '.join(f'{each:.0f}' for each in counting_in_process['on'])}; ohne "
        f"{' '.join(f'{each:.0f}' for each in counting_in_process['off'])}"
    )
    searches = new_search_paths()
    uncached = run(False, cookie, staff_cookie, searches=searches)
    print_rows(
        f"{label}: ohne Seiten-Cache (Fragmente der Rolle gecacht, wie in Produktion)", uncached
    )
    first = run(False, cookie, staff_cookie, fragments=False, searches=searches)
    print_rows(f"{label}: ohne jeden Cache (erste Darstellung nach einer Änderung)", first)
    queries = queries_per_page(
        [path for path, _, who in uncached if not who and path not in (FLOOR, NEW_SEARCHES)],
        [path for path, _, who in uncached if who == "Mitglied"],
        [path for path, _, who in uncached if who.startswith("Büro")],
    )
    queries[NEW_SEARCHES] = queries_of_a_new_search(searches[-1], searches[-2])
    report = run_report(staff_cookie) if staff_cookie else {}
    for name, times in report.items():
        print(f"Jahresbericht {REPORT_YEAR}, {name}: " + ", ".join(f"{t:.2f} s" for t in times))
    return summary(label, cached, uncached, queries, counting, first, report, counting_in_process)


def main() -> None:
    sets = data_sets(os.environ.get("BENCH_SETS", ",".join(DATA_SETS)))
    # load_bench_data runs as `make demo` would, in the development settings.
    development = {**os.environ, "DJANGO_DEBUG": "1"}

    def manage(*command: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *command], env=development, cwd=BASE_DIR, check=True
        )

    os.environ.update(production_env(page_cache=False))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        check=True,
        cwd=BASE_DIR,
    )
    cookie, staff_cookie = member_cookie(MEMBER), member_cookie(STAFF)
    tool = "wrk" if shutil.which("wrk") else "Python-Client"
    print(
        f"\nDaten: {', '.join(DATA_SETS[name][0] for name in sets)}. Last: {tool}, "
        f"{CONNECTIONS} Verbindungen, {SECONDS} s je Seite, gunicorn mit {WORKERS} Workern"
    )
    summaries = []
    try:
        for name in sets:
            label, command = DATA_SETS[name]
            print(f"\n=== {label} ===", flush=True)
            manage(*command)
            summaries += measure(label, cookie, staff_cookie)
    finally:
        if "large" in sets:  # the development database holds the demo again
            manage(*DATA_SETS["demo"][1])
    print("\n".join(summaries))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--counting-cpu"]:  # counting_cpu's process of its own
        print(json.dumps(cpu_per_request(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        main()
