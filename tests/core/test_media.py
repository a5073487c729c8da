"""Public media: the development server in DEBUG, Django's read-only view for `make serve`,
object storage with DJANGO_MEDIA_STORAGE=s3, and never a protected file."""

import io
import os
import subprocess
import sys

import pytest
from django.http import Http404
from django.test import RequestFactory
from PIL import Image

from core.views import public_media

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 60 + "-production-secret-for-the-check",
    "DJANGO_SITE_URL": "https://defus.de",
    "DJANGO_ALLOWED_HOSTS": "defus.de,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DATABASE_URL": "postgres://defus@127.0.0.1:1/defus",
    "EMAIL_URL": "console:",
}


def run(code: str, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "defus.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "media" / "geschuetzt"
    (tmp_path / "media" / "members" / "logos").mkdir(parents=True)
    (tmp_path / "media" / "members" / "logos" / "essen.png").write_bytes(png())
    (tmp_path / "media" / "geschuetzt").mkdir()
    (tmp_path / "media" / "geschuetzt" / "protokoll.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "media" / ".env").write_text("SECRET=1")
    (tmp_path / "geheim.txt").write_text("nicht öffentlich")
    return tmp_path / "media"


def test_media_view_serves_an_image_with_its_type_nosniff_and_caching(media):
    response = public_media(RequestFactory().get("/"), "members/logos/essen.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]
    assert "max-age=86400" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == (media / "members/logos/essen.png").read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "members/logos/",
        "members",
        "../geheim.txt",
        "members/../../geheim.txt",
        "/etc/passwd",
        ".env",
        "geschuetzt/protokoll.pdf",
        "fehlt.png",
    ],
)
def test_media_view_refuses_folders_escapes_hidden_and_protected_files(media, path):
    with pytest.raises(Http404):
        public_media(RequestFactory().get("/"), path)


def test_media_view_is_read_only(media):
    response = public_media(RequestFactory().post("/"), "members/logos/essen.png")
    assert response.status_code == 405


def test_make_serve_hands_out_media_only_when_asked(tmp_path):
    (tmp_path / "logo.png").write_bytes(png())
    code = (
        "from django.test import Client\n"
        "r = Client().get('/media/logo.png')\n"
        "print(r.status_code, r.get('Content-Type'), r.get('X-Content-Type-Options'))"
    )
    served = run(code, **PRODUCTION, DJANGO_MEDIA_ROOT=str(tmp_path), DJANGO_SERVE_MEDIA="1")
    assert served.stdout.split()[-3:] == ["200", "image/png", "nosniff"], served.stderr
    # compose.yaml does not set it: nginx serves /media/ there.
    not_served = run(
        "from django.urls import Resolver404, resolve\n"
        "try:\n    resolve('/media/logo.png')\nexcept Resolver404:\n    print('keine Adresse')",
        **PRODUCTION,
        DJANGO_MEDIA_ROOT=str(tmp_path),
    )
    assert not_served.stdout.strip() == "keine Adresse", not_served.stderr


def test_make_run_serves_media_through_the_development_server(tmp_path):
    result = run(
        "from django.urls import resolve\n"
        "print(resolve('/media/members/logos/essen.png').func.__module__)",
        DJANGO_DEBUG="1",
    )
    assert result.stdout.strip() == "django.views.static", result.stderr


S3 = {
    "DJANGO_MEDIA_STORAGE": "s3",
    "DJANGO_S3_BUCKET": "defus-media",
    "DJANGO_S3_ENDPOINT_URL": "https://s3.hannover.example",
    "DJANGO_S3_REGION": "eu-central-1",
    "DJANGO_S3_ACCESS_KEY_ID": "zugang",
    "DJANGO_S3_SECRET_ACCESS_KEY": "geheim",
    "DJANGO_S3_CUSTOM_DOMAIN": "medien.defus.example",
}


def test_s3_setting_selects_object_storage_for_public_media_only():
    result = run(
        "from django.core.files.storage import storages\n"
        "from django.conf import settings\n"
        "from core.files import protected\n"
        "default_storage = storages['default']\n"
        "print(type(default_storage).__module__, type(default_storage).__name__)\n"
        "print(default_storage.bucket_name, default_storage.endpoint_url)\n"
        "print(default_storage.url('members/logos/essen.png'))\n"
        "print(type(protected).__name__)\n"
        "print(settings.SECURE_CSP['img-src'])",
        **PRODUCTION,
        **S3,
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "storages.backends.s3 S3Storage", result.stderr
    assert lines[1] == "defus-media https://s3.hannover.example"
    assert lines[2] == "https://medien.defus.example/media/members/logos/essen.png"
    assert lines[3] == "ProtectedStorage"  # protected files never leave the server's disk
    assert "https://medien.defus.example" in lines[4]


def test_s3_without_a_bucket_refuses_to_start():
    result = run("", **PRODUCTION, DJANGO_MEDIA_STORAGE="s3")
    assert result.returncode != 0
    assert "DJANGO_S3_BUCKET" in result.stderr
