"""compose's web server in front, run for real: `deploy/nginx.conf` (the file compose mounts)
runs in a real nginx before gunicorn with the production settings, against the test database.
It serves static files and public media from disk, and protected files only after the app's
check, through X-Accel-Redirect."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from core.choices import Visibility
from tests.core.test_shared_cache import child_database_url
from tests.factories import DocumentFactory
from tools import front, serve

pytestmark = pytest.mark.django_db(transaction=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str) -> tuple[int, dict, bytes]:
    """One request as a browser sends it; redirects are answers of their own."""
    try:
        with OPENER.open(urllib.request.Request(url), timeout=20) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def behind_nginx(settings, tmp_path):
    """The portal behind nginx on a free port; yields its address."""
    port = front.free_port()
    media = tmp_path / "media"
    (media / "bilder").mkdir(parents=True)
    base = serve.production_env(port)
    base.update(
        DATABASE_URL=child_database_url(),
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_PROTECTED_MEDIA_ROOT=str(settings.PROTECTED_MEDIA_ROOT),
        WORKER_CMD="",
    )
    env = front.front_env(port, base)
    # What compose's migrate service does besides migrating: the static files for nginx.
    subprocess.run(
        [serve.PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        env=env, cwd=serve.BASE_DIR, check=True, timeout=120,
    )  # fmt: skip
    processes, workdir = front.start(port, env, workers=1, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}", media
    finally:
        front.stop(processes, workdir)


def test_nginx_serves_static_media_and_checked_files_and_proxies_the_portal(behind_nginx):
    url, media = behind_nginx
    public = DocumentFactory(visibility=Visibility.PUBLIC, title="Jahresbericht")
    internal = DocumentFactory(visibility=Visibility.MEMBERS, title="Protokoll intern")
    (media / "bilder" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n-bild-")

    status, headers, body = fetch(url + "/")
    assert status == 200
    assert b"DEFUS" in body

    # Static files: from disk by nginx (its 30-day expiry), not by the app's whitenoise.
    manifest = json.loads((serve.BASE_DIR / "var" / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/defus.css"]
    status, headers, body = fetch(f"{url}/static/{hashed}")
    assert status == 200
    assert body == (serve.BASE_DIR / "var" / "static" / hashed).read_bytes()
    assert "max-age=2592000" in headers["Cache-Control"]

    # Public media: from disk, sandboxed, no listing.
    status, headers, body = fetch(f"{url}/media/bilder/logo.png")
    assert (status, body) == (200, b"\x89PNG\r\n\x1a\n-bild-")
    assert "sandbox" in headers["Content-Security-Policy"]
    assert fetch(f"{url}/media/bilder/")[0] in {403, 404}

    # A public document: the app checks, nginx sends the bytes.
    status, headers, body = fetch(url + public.get_absolute_url())
    assert status == 200
    assert body == public.file.open("rb").read()
    assert "X-Accel-Redirect" not in headers

    # A members-only document: the visitor is asked to log in, and the internal location is
    # closed to anyone who asks for it directly.
    status, headers, body = fetch(url + internal.get_absolute_url())
    assert status == 302
    assert headers["Location"].startswith("/konto/login/?next=")
    assert b"%PDF" not in body
    assert fetch(f"{url}/geschuetzt/{internal.file.name}")[0] == 404
    assert fetch(f"{url}/geschuetzt/{public.file.name}")[0] == 404


def test_the_front_tool_maps_every_path_of_the_compose_config(tmp_path):
    site = front.site_conf(
        port=8100, app_port=8101, static=tmp_path / "s", media=tmp_path / "m",
        protected=tmp_path / "p",
    )  # fmt: skip
    for container_path in ("web:8000", "/srv/static/", "/data/media/", "/data/protected/"):
        assert container_path not in site
