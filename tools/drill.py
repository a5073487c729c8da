"""`make drill`: the database outage drill against `make serve`, on loopback only.

1. Starts the portal as `make serve` does (gunicorn, DEBUG off) on a free port.
2. Stops the development database: every page that is not in the page cache must answer 503
   with a Retry-After, never 500. (Requests carry a cookie, which bypasses the cache; the same
   pages without a cookie show what the cache still serves.)
3. Starts the database again: the portal must answer 200 within 10 seconds, without a restart.
Prints the figures and exits 1 if a step fails. Bounded to about two minutes.
"""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter

from tools import serve

PAGES = [
    "/",
    "/termine/",
    "/aktuelles/",
    "/suche/?q=sicherheit",
    "/mitglieder/",
    "/themen/",
    "/projekte/",
    "/datenschutz/",
    "/impressum/",
]
RECOVERY_LIMIT = 10.0
DEADLINE = 120.0


def database(command: str) -> None:
    """`make db-stop` / `make db-start`, each in a process of its own as an operator would."""
    subprocess.run([serve.PYTHON, "-m", "tools.devdb", command], cwd=serve.BASE_DIR, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, *, cookie: bool) -> tuple[int, str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        request.add_header("Cookie", "drill=1")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers.get("Retry-After", ""), ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After", ""), error.read().decode()


def survey(port: int, *, cookie: bool) -> tuple[Counter, list[str]]:
    counts, problems = Counter(), []
    for path in PAGES:
        status, retry_after, body = fetch(port, path, cookie=cookie)
        counts[status] += 1
        if status >= 500 and (status != 503 or not retry_after):
            problems.append(f"{path}: {status} (Retry-After: {retry_after or 'fehlt'})")
        if "Traceback" in body:
            problems.append(f"{path}: Traceback in der Antwort")
    return counts, problems


def figures(counts: Counter) -> str:
    return ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))


def main() -> int:
    started = time.monotonic()
    port = free_port()
    env = serve.production_env(port)
    serve.prepare(env)
    processes = serve.start(port, env, quiet=True)
    failed = False
    try:
        counts, problems = survey(port, cookie=True)
        print(f"Vorher, Datenbank läuft:      {figures(counts)}")
        failed |= bool(problems) or set(counts) != {200}
        survey(port, cookie=False)  # fills the page cache for visitors without cookies

        database("stop")
        counts, problems = survey(port, cookie=True)
        print(f"Datenbank aus, ohne Cache:    {figures(counts)}")
        for problem in problems:
            print(f"  FEHLER {problem}")
        failed |= bool(problems) or set(counts) != {503}
        cached, problems = survey(port, cookie=False)
        print(f"Datenbank aus, Seiten-Cache:  {figures(cached)} (200 = aus dem Cache)")
        failed |= bool(problems) or 500 in cached
        health = fetch(port, "/healthz", cookie=True)
        print(f"/healthz bei Ausfall:         {health[0]} {health[2].strip()}")

        database("start")
        back = time.monotonic()
        while time.monotonic() - back < RECOVERY_LIMIT * 2:
            if fetch(port, "/termine/", cookie=True)[0] == 200:
                break
            time.sleep(0.1)
        recovery = time.monotonic() - back
        counts, problems = survey(port, cookie=True)
        print(f"Wieder da nach {recovery:.2f} s:     {figures(counts)}")
        failed |= recovery > RECOVERY_LIMIT or set(counts) != {200} or bool(problems)
        # The mail part of the drill belongs to the mail queue: it runs here once the queue
        # and its worker (WORKER_CMD) are part of the portal.
        print("Mail-Ausfall: nicht Teil dieser Übung (die Mail-Warteschlange fehlt noch).")
    finally:
        serve.stop(processes)
        database("start")
    took = time.monotonic() - started
    print(f"Dauer der Übung: {took:.1f} s – {'NICHT BESTANDEN' if failed else 'bestanden'}.")
    return 1 if failed or took > DEADLINE else 0


if __name__ == "__main__":
    sys.exit(main())
