"""Deployment defaults (compose.yaml, Dockerfile, deploy/nginx.conf, .dockerignore), read as
text: docker may not run where the tests run; `make test` runs hadolint on the Dockerfile."""

import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
COMPOSE = (BASE_DIR / "compose.yaml").read_text()
DOCKERFILE = (BASE_DIR / "Dockerfile").read_text()
NGINX = (BASE_DIR / "deploy" / "nginx.conf").read_text()


def service(name: str) -> str:
    match = re.search(rf"^  {name}:\n((?:    .*\n|\n)+)", COMPOSE, re.MULTILINE)
    assert match, name
    return match.group(1)


def test_compose_refuses_to_start_without_a_secret_key_of_its_own():
    assert re.search(r"DJANGO_SECRET_KEY: \$\{DJANGO_SECRET_KEY:\?Bitte setzen Sie", COMPOSE)
    assert "DJANGO_SECRET_KEY:-" not in COMPOSE


def test_only_the_web_server_in_front_is_published():
    published = [name for name in ("db", "migrate", "web", "proxy") if "ports:" in service(name)]
    assert published == ["proxy"]
    assert "image: nginx:" in service("proxy")


def test_the_app_trusts_forwarded_headers_only_from_the_proxy():
    proxy_address = re.search(r"ipv4_address: (\S+)", service("proxy")).group(1)
    assert f"FORWARDED_ALLOW_IPS: {proxy_address}" in COMPOSE
    assert "forwarded-allow-ips" not in DOCKERFILE.lower()
    assert '"*"' not in DOCKERFILE
    assert "ENV FORWARDED_ALLOW_IPS=127.0.0.1" in DOCKERFILE


def test_behind_nginx_the_limits_count_the_visitor_and_the_visitor_cannot_choose_it():
    # nginx overwrites X-Forwarded-For (no $proxy_add_x_forwarded_for, which would keep what
    # the client sent), so exactly one proxy is trusted.
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in NGINX
    assert "proxy_add_x_forwarded_for" not in NGINX
    assert 'DJANGO_TRUSTED_PROXY_COUNT: "1"' in COMPOSE


def test_nginx_serves_static_and_media_and_protected_files_only_internally():
    assert re.search(r"location /static/ \{\s+alias /srv/static/;", NGINX)
    assert re.search(r"location /media/ \{\s+alias /data/media/;", NGINX)
    assert re.search(r"location /geschuetzt/ \{\s+internal;\s+alias /data/protected/;", NGINX)
    assert "DJANGO_DOCUMENT_SENDFILE: x-accel-redirect" in COMPOSE
    assert "DJANGO_DOCUMENT_SENDFILE_PREFIX: /geschuetzt/" in COMPOSE
    # Django does not serve media behind nginx.
    assert "DJANGO_SERVE_MEDIA" not in COMPOSE
    assert "autoindex on" not in NGINX


def test_dockerignore_keeps_secrets_and_development_files_out_of_the_image():
    ignored = (BASE_DIR / ".dockerignore").read_text().split()
    for entry in (".env", "var", "tests", ".ci", "demo"):
        assert entry in ignored
