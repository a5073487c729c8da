"""`make serve`: the portal as in production, on this machine.

gunicorn with several workers and DEBUG off, on the development database (`make db-start`),
with the static files collected for whitenoise and public media served by Django
(DJANGO_SERVE_MEDIA=1, since no web server stands in front here). Started on 127.0.0.1:PORT
(default 8000). Anything already in the environment wins, so EMAIL_URL=smtp://… make serve
sends real mail. WORKER_CMD, when set, is the task worker's command line: it starts beside
gunicorn with the same environment and stops with it.

    python -m tools.serve            # what `make serve` runs
"""

import os
import secrets
import shlex
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tools import devdb

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")


def production_env(port: int) -> dict[str, str]:
    """The environment of a production run against the development database."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="defus.settings",
        DATABASE_URL=os.environ.get("DATABASE_URL") or devdb.url(),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SERVE_MEDIA="1",
        EMAIL_URL=os.environ.get("EMAIL_URL") or "console:",
    )
    env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    return env


def prepare(env: dict[str, str]) -> None:
    """Bring the database schema up to date and collect the static files."""
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run([PYTHON, "manage.py", *command], env=env, cwd=BASE_DIR, check=True)


def start(
    port: int,
    env: dict[str, str],
    *,
    workers: int = 2,
    quiet: bool = False,
    access_log: Path | None = None,
    log: Path | None = None,
):
    """Start gunicorn (and WORKER_CMD, if set) and wait until /healthz answers 200.
    Returns the started processes; `stop()` ends them. ``access_log``: a file that gets one
    line per request, "<pid> METHOD path status", so a drill sees which worker answered;
    ``log``: a file for the output of gunicorn and the task worker instead of the terminal."""
    command = [GUNICORN, "defus.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    if quiet:
        command += ["--log-level", "warning"]
    if access_log:
        command += [
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(p)s %(m)s %(U)s %(s)s",
        ]
    elif not quiet:
        command += ["--access-logfile", "-"]
    output = log.open("ab") if log else None
    processes = [subprocess.Popen(command, env=env, cwd=BASE_DIR, stdout=output, stderr=output)]
    if worker := env.get("WORKER_CMD", "").strip():
        processes.append(
            subprocess.Popen(
                shlex.split(worker), env=env, cwd=BASE_DIR, stdout=output, stderr=output
            )
        )
    if output:
        output.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return processes
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
        if processes[0].poll() is not None:
            break
    stop(processes)
    raise SystemExit("gunicorn ist nicht gestartet.")


def stop(processes) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def run_until_stopped(processes, stop=stop) -> None:
    """Wait until Ctrl-C, a SIGTERM or the end of one of the processes, then end all of them
    (a terminated `make serve` leaves no gunicorn behind)."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, interrupt)
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop(processes)
    sys.exit(0)


def main() -> None:
    port = int(os.environ.get("PORT", "8000"))
    env = production_env(port)
    prepare(env)
    processes = start(port, env, workers=int(os.environ.get("SERVE_WORKERS", "2")))
    print(f"Das Portal läuft wie in Produktion auf http://127.0.0.1:{port}/ (Strg+C beendet).")
    run_until_stopped(processes)


if __name__ == "__main__":
    main()
