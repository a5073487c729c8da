"""`make drill`: outage drills against `make serve`, on loopback only, about two minutes.

Starts the portal as `make serve` does (gunicorn with 2 workers, DEBUG off, the task worker
from WORKER_CMD) on a free port, with EMAIL_URL pointing at a closed port: the mail server is
missing from the start. Then:

1. Database: stops the development database; a page not in the page cache must answer 503 with
   a Retry-After, never 500, unless every part of it is a kept fragment: those answer 200 with
   the last content version seen. (Requests carry a cookie, which bypasses the page cache; the
   same pages without a cookie show what the page cache still serves.) Starts it again: the portal must
   answer 200 within 10 seconds, without a restart.
2. Mail server: password reset (a known and an unknown address must get the same answer),
   "Barriere melden" and a new Abfrage by a member answer without a 500, the rows are stored,
   the mails wait in the queue. Then a mail server (tools/smtpsink.py) starts on that port,
   and every queued mail must reach it (the worker retries; DJANGO_MAIL_RETRY_SECONDS is
   short for the drill).
3. Login lock: the per-account limit must be 5 failed logins in 5 minutes; 6 wrong passwords
   for one account, each over a new connection, and then the right password is refused too:
   the count is shared by all workers (database cache). The first three attempts go to one
   worker while the other is paused (SIGSTOP), the rest to the other; the gunicorn access log
   shows which worker answered. Left to themselves, a client's sequential requests all went
   to the same worker.

The drill's accounts, members and rows are deleted at the end. Prints the figures and exits 1
if a step fails.
"""

import contextlib
import datetime
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

from tools import serve
from tools.smtpsink import SmtpSink

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
MAIL_LIMIT = 60.0
DEADLINE = 120.0
# Seconds between delivery attempts during the drill (production: 60, 300, 900, 3600).
MAIL_RETRY_SECONDS = "2,3,4,5,6,8,10,10,10,10,10,10"
PASSWORD = "Drill-Passwort-2026!"
LOCKED = "Zu viele gescheiterte Anmeldeversuche"


def database(command: str) -> None:
    """`make db-stop` / `make db-start`, each in a process of its own as an operator would."""
    subprocess.run([serve.PYTHON, "-m", "tools.devdb", command], cwd=serve.BASE_DIR, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A visitor with cookies; every request goes over a new connection."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, data: dict):
        """Submit the form on ``path`` as a browser would: with the page's CSRF token."""
        status, _headers, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            return status, {}, f"Formular auf {path} nicht erreichbar ({status})"
        return self.request("POST", path, {"csrfmiddlewaretoken": token.group(1), **data})


def fetch(port: int, path: str, *, cookie: bool) -> tuple[int, str, str]:
    browser = Browser(port)
    if cookie:
        browser.cookies["drill"] = "1"
    status, headers, body = browser.get(path)
    return status, headers.get("Retry-After", ""), body if status >= 400 else ""


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


class Check:
    """Collects the verdicts: each line says what was expected and whether it held."""

    def __init__(self):
        self.failed = False

    def __call__(self, ok: bool, text: str) -> bool:
        print(f"  {'ok    ' if ok else 'FEHLER'} {text}")
        self.failed |= not ok
        return ok


def database_drill(port: int, check: Check) -> None:
    print("1. Datenbankausfall")
    counts, problems = survey(port, cookie=True)
    check(not problems and set(counts) == {200}, f"vorher, Datenbank läuft:     {figures(counts)}")
    survey(port, cookie=False)  # fills the page cache for visitors without cookies

    database("stop")
    counts, problems = survey(port, cookie=True)
    check(
        not problems and set(counts) <= {200, 503} and counts[503],
        f"Datenbank aus, ohne Cache:   {figures(counts)} (503 mit Retry-After; 200 nur, wo "
        "alle Teile der Seite als Fragmente gemerkt sind)",
    )
    for problem in problems:
        print(f"         {problem}")
    cached, problems = survey(port, cookie=False)
    check(
        not problems and 500 not in cached,
        f"Datenbank aus, Seiten-Cache: {figures(cached)} (200 = aus dem Cache)",
    )
    health = fetch(port, "/healthz", cookie=True)
    check(health[0] == 503, f"/healthz bei Ausfall:        {health[0]} {health[2].strip()}")

    database("start")
    back = time.monotonic()
    while time.monotonic() - back < RECOVERY_LIMIT * 2:
        if fetch(port, "/termine/", cookie=True)[0] == 200:
            break
        time.sleep(0.1)
    recovery = time.monotonic() - back
    counts, problems = survey(port, cookie=True)
    check(
        recovery <= RECOVERY_LIMIT and set(counts) == {200} and not problems,
        f"wieder da nach {recovery:.2f} s (Grenze {RECOVERY_LIMIT:.0f} s): {figures(counts)}",
    )


def drill_data(stamp: str) -> dict:
    """Two member cities of the drill: A with two accounts, B with a contact person who
    receives A's Abfrage."""
    from members.models import ContactPerson, Member, User

    members = [
        Member.objects.create(
            kind=Member.Kind.CITY,
            name=f"Übungsstadt {letter} {stamp}",
            designation=f"Stadt Übungsstadt {letter}",
            slug=f"drill-{letter.lower()}-{stamp}",
            joined_on=datetime.date(2020, 1, 1),
        )
        for letter in "AB"
    ]
    ContactPerson.objects.create(
        member=members[1],
        name="Erika Übung",
        role="Kommunale Prävention",
        email=f"kontakt-{stamp}@drill.example",
    )
    users = {}
    for role in ("asker", "locked"):
        user = User(email=f"{role}-{stamp}@drill.example", first_name="Max", last_name="Übung")
        user.member = members[0]
        user.set_password(PASSWORD)
        user.save()
        users[role] = user.email
    return {"members": [m.pk for m in members], **users}


def drill_data_delete(stamp: str, since) -> None:
    from django_tasks_db.models import DBTaskResult

    from inquiries.models import Inquiry
    from members.models import Member, User
    from pages.models import BarrierReport

    Inquiry.objects.filter(title__endswith=stamp).delete()
    BarrierReport.objects.filter(email__endswith="@drill.example").delete()
    User.objects.filter(email__endswith=f"-{stamp}@drill.example").delete()
    Member.objects.filter(slug__endswith=f"-{stamp}").delete()
    DBTaskResult.objects.filter(task_path="core.mail.mail_deliver", enqueued_at__gte=since).delete()


def mail_tasks(since) -> dict[str, int]:
    """The queue's mail tasks since ``since``: how many mails (first attempts), and the
    attempts by status."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path="core.mail.mail_deliver", enqueued_at__gte=since)
    figures = Counter(rows.values_list("status", flat=True))
    figures["mails"] = sum(
        1 for kwargs in rows.values_list("args_kwargs__kwargs", flat=True) if not kwargs
    )
    return figures


def mail_drill(port: int, mail_port: int, check: Check, data: dict, stamp: str) -> None:
    from django.db import close_old_connections
    from django.utils import timezone

    from inquiries.models import Inquiry
    from pages.models import BarrierReport

    close_old_connections()
    print(f"2. Mailserver-Ausfall (EMAIL_URL zeigt auf den geschlossenen Port {mail_port})")
    since = timezone.now()

    answers = []
    # The unknown address first, so that a cold worker cannot make the known one look slower.
    for email in (f"niemand-{stamp}@drill.example", data["asker"]):
        started = time.monotonic()
        status, headers, _page = Browser(port).post("/konto/password/reset/", {"email": email})
        answers.append((status, headers.get("Location", ""), time.monotonic() - started))
    (unknown, known) = answers
    check(
        known[:2] == unknown[:2] and known[0] == 302,
        f"Passwort vergessen: bekannte Adresse {known[0]} → {known[1]} ({known[2]:.2f} s), "
        f"unbekannte {unknown[0]} → {unknown[1]} ({unknown[2]:.2f} s): gleich",
    )

    report = {
        "page": "/termine/",
        "description": f"Übung {stamp}: Der Filter lässt sich mit der Tastatur nicht bedienen.",
        "email": f"melderin-{stamp}@drill.example",
        "website": "",
    }
    status, headers, _page = Browser(port).post("/barrierefreiheit/melden/", report)
    stored = BarrierReport.objects.filter(email=report["email"]).count()
    check(
        status < 500 and stored == 1,
        f"Barriere melden: {status} → {headers.get('Location', '')}, gespeichert: {stored}",
    )

    member = Browser(port)
    status, _headers, _page = member.post(
        "/konto/login/", {"login": data["asker"], "password": PASSWORD}
    )
    check(status == 302, f"Mitglied meldet sich an: {status}")
    title = f"Alkoholkonsumverbote am Bahnhof – Übung {stamp}"
    deadline = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    status, headers, _page = member.post(
        "/mitgliederbereich/abfragen/neu/",
        {"title": title, "context": "Welche Regeln gelten bei Ihnen?", "deadline": deadline},
    )
    location = headers.get("Location", "")
    follow = member.get(location)[2] if status == 302 else ""
    stored = Inquiry.objects.filter(title=title).count()
    check(
        status == 302 and stored == 1 and "wird verschickt" in follow,
        f"neue Abfrage: {status} → {location}, gespeichert: {stored}, "
        f"Seite sagt „wird verschickt“: {'ja' if 'wird verschickt' in follow else 'nein'}",
    )

    time.sleep(5)  # the worker tries, and fails, at least once
    queued = mail_tasks(since)
    check(
        queued["mails"] >= 3 and queued["SUCCESSFUL"] == 0 and queued["FAILED"] >= 1,
        f"Warteschlange nach 5 s: {queued['mails']} Mails, {queued['FAILED']} Versuche "
        f"gescheitert, {queued['READY'] + queued['RUNNING']} warten auf den nächsten, "
        f"{queued['SUCCESSFUL']} zugestellt",
    )

    sink = SmtpSink(mail_port).start()
    back = time.monotonic()
    try:
        while time.monotonic() - back < MAIL_LIMIT:
            now = mail_tasks(since)
            if now["SUCCESSFUL"] >= now["mails"] and not (now["READY"] or now["RUNNING"]):
                break
            time.sleep(0.5)
        took = time.monotonic() - back
    finally:
        sink.stop()
    now = mail_tasks(since)
    received = {address for message in sink.messages for address in message.recipients}
    expected = {data["asker"], f"kontakt-{stamp}@drill.example"}
    check(
        now["SUCCESSFUL"] == now["mails"] == len(sink.messages) and expected <= received,
        f"Mailserver wieder da: {len(sink.messages)} von {now['mails']} Mails nach "
        f"{took:.1f} s zugestellt (Grenze {MAIL_LIMIT:.0f} s), "
        f"{now['FAILED']} gescheiterte Versuche insgesamt, keine verloren",
    )


def stat_fields(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command's name (Linux): state, parent, …;
    empty when the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def gunicorn_workers(master: subprocess.Popen) -> list[int]:
    """The PIDs of gunicorn's workers: the children of its master process (Linux)."""
    pids = (int(stat.parent.name) for stat in Path("/proc").glob("[0-9]*/stat"))
    return sorted(
        pid for pid in pids if (fields := stat_fields(pid)) and int(fields[1]) == master.pid
    )


def process_state(pid: int) -> str:
    """The state letter of a process (Linux): "T" when stopped by a signal."""
    fields = stat_fields(pid)
    return fields[0] if fields else ""


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used so far (Linux), user and system."""
    fields = stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


@contextlib.contextmanager
def only(worker: int, workers: list[int]):
    """Only ``worker`` takes new connections meanwhile: the others are paused (SIGSTOP), and
    continue afterwards. Briefer than gunicorn's timeout, so the master lets them be."""
    paused = [pid for pid in workers if pid != worker]
    for pid in paused:
        os.kill(pid, signal.SIGSTOP)
    settle(paused, stopped=True)
    try:
        yield
    finally:
        for pid in paused:
            os.kill(pid, signal.SIGCONT)
        settle(paused, stopped=False)


def settle(pids: list[int], *, stopped: bool) -> None:
    """Signals arrive asynchronously: wait (up to 5 s) until each process has stopped or runs
    again."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if all((process_state(pid) == "T") is stopped for pid in pids):
            return
        time.sleep(0.001)


def login_drill(port: int, check: Check, data: dict, access_log, master: subprocess.Popen) -> None:
    from allauth.core.internal.ratelimit import parse_rates
    from django.conf import settings

    print("3. Anmeldesperre über alle gunicorn-Worker (gemeinsamer Cache in PostgreSQL)")
    rates = parse_rates(settings.ACCOUNT_RATE_LIMITS["login_failed"])
    per_account = [(r.amount, r.duration) for r in rates if r.per == "key"]
    check(
        per_account == [(5, 300)],
        f"ACCOUNT_RATE_LIMITS login_failed = {settings.ACCOUNT_RATE_LIMITS['login_failed']!r}: "
        "je Konto 5 Fehlversuche in 5 Minuten",
    )
    check(
        settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"),
        f"Cache: {settings.CACHES['default']['BACKEND']}",
    )

    email = data["locked"]
    start_line = len(access_log.read_text().splitlines()) if access_log.exists() else 0
    attempts = []
    visitor = Browser(port)
    workers = gunicorn_workers(master)
    for attempt in range(6):
        with only(workers[0] if attempt < 3 else workers[-1], workers):
            status, _headers, page = visitor.post(
                "/konto/login/", {"login": email, "password": "falsch-falsch-falsch"}
            )
        attempts.append((status, LOCKED in page))
    with only(workers[-1], workers):
        status, _headers, page = visitor.post(
            "/konto/login/", {"login": email, "password": PASSWORD}
        )
    area = visitor.get("/mitgliederbereich/")[0]  # 200 only when logged in
    right = (status, LOCKED in page, area == 200)

    time.sleep(0.5)  # gunicorn writes its access log after the response
    lines = access_log.read_text().splitlines()[start_line:]
    pids = [line.split()[0].strip("<>") for line in lines if " POST /konto/login/ " in line]
    spread = Counter(pids)
    check(
        all(status == 200 for status, _locked in attempts)
        and [locked for _status, locked in attempts] == [False] * 5 + [True],
        "6 falsche Passwörter: "
        + ", ".join(f"{s}{' gesperrt' if locked else ''}" for s, locked in attempts),
    )
    check(
        right == (200, True, False),
        f"danach das richtige Passwort: {right[0]}, "
        f"{'abgewiesen („Zu viele gescheiterte Anmeldeversuche“)' if right[1] else 'nicht gesperrt'}"
        f", angemeldet: {'ja' if right[2] else 'nein'}",
    )
    check(
        len(pids) == 7 and len(spread) >= 2 and len(workers) >= 2,
        f"7 Anmeldeversuche über je eine neue Verbindung, beantwortet von {len(spread)} "
        "Workern (PID: Anzahl): " + ", ".join(f"{pid}: {n}" for pid, n in spread.items()),
    )


def main() -> int:
    started = time.monotonic()
    port, mail_port = free_port(), free_port()
    var = serve.BASE_DIR / "var"
    var.mkdir(exist_ok=True)
    access_log, log = var / "drill-access.log", var / "drill.log"
    for log_file in (access_log, log):
        log_file.unlink(missing_ok=True)
    env = serve.production_env(port)
    env.update(
        EMAIL_URL=f"smtp://127.0.0.1:{mail_port}?tls=0",
        DJANGO_MAIL_RETRY_SECONDS=MAIL_RETRY_SECONDS,
        WORKER_CMD=env.get("WORKER_CMD", "").strip() or f"{serve.PYTHON} manage.py worker",
    )
    serve.prepare(env)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections
    from django.utils import timezone

    stamp, since = time.strftime("%Y%m%d%H%M%S"), timezone.now()
    data = drill_data(stamp)
    connections.close_all()
    prepared = time.monotonic()
    processes = serve.start(port, env, quiet=True, access_log=access_log, log=log)
    check = Check()
    print(
        f"Übung gegen `make serve` auf 127.0.0.1:{port}: gunicorn mit 2 Workern, DEBUG aus, "
        f"Task-Worker „{env['WORKER_CMD']}“ (Protokolle in var/{log.name} und "
        f"var/{access_log.name}; Vorbereitung mit migrate und collectstatic: "
        f"{prepared - started:.1f} s)."
    )
    try:
        database_drill(port, check)
        mail_drill(port, mail_port, check, data, stamp)
        login_drill(port, check, data, access_log, processes[0])
    finally:
        serve.stop(processes)
        database("start")
        connections.close_all()
        drill_data_delete(stamp, since)
    took = time.monotonic() - prepared
    check(took <= DEADLINE, f"Dauer der Übung: {took:.1f} s (Grenze {DEADLINE:.0f} s)")
    print("Ergebnis:", "NICHT BESTANDEN" if check.failed else "bestanden")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
