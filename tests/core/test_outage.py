"""A vanished database: every page answers 503 in German with a Retry-After, and the portal
recovers by itself when the database comes back. Each case runs the production settings in a
process of its own against a database that really is gone."""

import contextlib
import os
import socket
import subprocess
import sys
import threading

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 60 + "-production-secret-for-the-check",
    "DJANGO_SITE_URL": "https://defus.de",
    "DJANGO_ALLOWED_HOSTS": "defus.de,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DATABASE_URL": "postgres://defus@127.0.0.1:1/defus",
    "EMAIL_URL": "console:",
}

# Reads paths (optionally "cookie <path>") from stdin, answers "status retry-after marker".
CLIENT = """
import sys, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
from io import BytesIO
from django.core.wsgi import get_wsgi_application
wsgi = get_wsgi_application()
COOKIE = "sessionid=abcdefghijklmnopqrstuvwxyz012345"


# As a WSGI server calls Django: unlike the test client, with the signals around each request
# that close or check the kept database connection.
def served(path, cookie):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "testserver",
        "wsgi.input": BytesIO(), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
        **({"HTTP_COOKIE": cookie} if cookie else {}),
    }
    started = []
    body = wsgi(environ, lambda status, headers: started.append((status, dict(headers))))
    content = b"".join(body)
    body.close()
    return int(started[0][0].split()[0]), started[0][1].get("Retry-After", "-"), content.decode()


for line in sys.stdin:
    method, path = line.split()
    client = Client(raise_request_exception=False)
    if method == "cookie":
        client.cookies["sessionid"] = COOKIE.split("=")[1]
    if method.startswith("served"):
        status, retry_after, text = served(path, COOKIE if method == "served-cookie" else "")
    else:
        response = client.post(path, {"login": "a@b.de", "password": "DEFUS-test-2026"}) if method == "post" else client.get(path)
        status, retry_after, text = response.status_code, response.get("Retry-After", "-"), response.content.decode()
    print(
        "ANSWER",
        status,
        retry_after,
        "german" if "vorübergehend nicht erreichbar" in text else "-",
        "traceback" if "Traceback" in text else "-",
        flush=True,
    )
"""


def portal(**env) -> subprocess.Popen:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"
    }
    return subprocess.Popen(
        [sys.executable, "-c", CLIENT],
        env={**clean, "DJANGO_SETTINGS_MODULE": "defus.settings", **PRODUCTION, **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def ask(process: subprocess.Popen, request: str) -> list[str]:
    process.stdin.write(request + "\n")
    process.stdin.flush()
    while line := process.stdout.readline():  # the log goes to stdout as well
        if line.startswith("ANSWER "):
            return line.split()[1:]
    raise AssertionError(process.stderr.read())


PAGES = [
    "/",
    "/termine/",
    "/suche/?q=sicherheit",
    "/wissen/",
    "/aktuelles/",
    "/mitglieder/",
    "/themen/",
    "/projekte/",
    "/konto/login/",
    "/mitgliederbereich/",
    "/verwaltung/",
]
NEED_NO_DATABASE = ("/konto/login/", "/mitgliederbereich/", "/verwaltung/")


def test_every_page_answers_503_in_german_without_the_database():
    process = portal()
    try:
        for path in PAGES:
            for method in ("get", "cookie"):
                status, retry_after, german, traceback = ask(process, f"{method} {path}")
                if method == "get" and path in NEED_NO_DATABASE:
                    # The login form, and the way to it, need no database.
                    assert status in ("200", "302"), path
                    continue
                assert (status, german, traceback) == ("503", "german", "-"), (method, path)
                assert int(retry_after) > 0
        status, retry_after, german, _ = ask(process, "post /konto/login/")
        assert (status, german) == ("503", "german")
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def test_health_check_keeps_its_own_503_text():
    process = portal()
    try:
        status, _retry_after, german, _ = ask(process, "get /healthz")
    finally:
        process.stdin.close()
        process.wait(timeout=30)
    assert status == "503"
    assert german == "-"


class Forwarder:
    """A TCP port in front of the test database's socket that can be cut and restored, as a
    database server that goes away and comes back looks to the portal."""

    def __init__(self, target: str):
        self.target = target
        self.port = None
        self.sockets: list[socket.socket] = []
        self.listener = None

    def start(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port or 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen()
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread on Linux
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.connect(self.target)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass


@pytest.mark.django_db(transaction=True)  # the portal's own process reads and writes the cache
def test_portal_recovers_by_itself_when_the_database_returns():
    settings = connection.settings_dict
    forwarder = Forwarder(os.path.join(settings["HOST"], f".s.PGSQL.{settings['PORT'] or 5432}"))
    forwarder.start()
    url = f"postgres://{settings['USER']}@127.0.0.1:{forwarder.port}/{settings['NAME']}"
    process = portal(DATABASE_URL=url)
    try:
        assert ask(process, "get /termine/")[0] == "200"
        forwarder.stop()
        # The page cache still has the public page; every other page is an outage.
        assert ask(process, "get /termine/")[:3] == ["200", "-", "-"]
        assert ask(process, "get /aktuelles/")[:3] == ["503", "30", "german"]
        assert ask(process, "cookie /termine/")[:3] == ["503", "30", "german"]
        forwarder.start()  # the same port, as a restarted server
        assert ask(process, "get /aktuelles/")[0] == "200"
        assert ask(process, "cookie /termine/")[0] == "200"
    finally:
        forwarder.stop()
        process.stdin.close()
        process.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_a_database_restart_between_requests_costs_no_request():
    """The kept connection of an idle process dies with the server. The health check
    (core.db.base) must notice before the next request's first query, or that request would
    answer 503 although the server is back. Served as a WSGI server serves: the test client
    leaves out the signals that run the check."""
    settings = connection.settings_dict
    forwarder = Forwarder(os.path.join(settings["HOST"], f".s.PGSQL.{settings['PORT'] or 5432}"))
    forwarder.start()
    url = f"postgres://{settings['USER']}@127.0.0.1:{forwarder.port}/{settings['NAME']}"
    process = portal(DATABASE_URL=url, DJANGO_PAGE_CACHE_SECONDS="0")
    try:
        assert ask(process, "served /aktuelles/")[0] == "200"
        for _ in range(2):
            forwarder.stop()  # the server goes away while no request runs …
            forwarder.start()  # … and is back before the next one
            assert ask(process, "served /aktuelles/")[0] == "200"
            assert ask(process, "served-cookie /termine/")[0] == "200"
            forwarder.stop()
            forwarder.start()
            assert ask(process, "served-cookie /termine/")[0] == "200"
    finally:
        forwarder.stop()
        process.stdin.close()
        process.wait(timeout=30)


def test_outage_page_is_rendered_without_asking_the_database(django_assert_num_queries):
    from core.middleware import database_outage_response

    with django_assert_num_queries(0):
        response = database_outage_response()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "vorübergehend nicht erreichbar" in response.content.decode()


def test_500_handler_answers_an_outage_noticed_in_a_later_middleware_with_503():
    from django.db import OperationalError
    from django.test import RequestFactory

    from core.views import server_error

    request = RequestFactory().get("/termine/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        outage = server_error(request)
    try:
        raise ValueError("etwas anderes")
    except ValueError:
        other = server_error(request)
    assert (outage.status_code, outage["Retry-After"]) == (503, "30")
    assert other.status_code == 500
    assert "Ein Fehler ist aufgetreten" in other.content.decode()
