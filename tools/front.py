"""`make front`: the portal behind the web server of `compose.yaml`, on this machine.

Runs `deploy/nginx.conf` itself (the file compose mounts into its nginx container) with the
container paths mapped onto this checkout, in front of `make serve`'s gunicorn. nginx hands out
static files and public media from disk and protected files only after the app's permission
check (X-Accel-Redirect); gunicorn listens on a loopback port of its own and believes
forwarded headers only from nginx. Needs the `nginx` binary (Debian: `apt-get install nginx`).

    python -m tools.front            # what `make front` runs, on PORT (default 8000)
"""

import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tools import serve

SITE_CONF = serve.BASE_DIR / "deploy" / "nginx.conf"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(path)),
        None,
    )
    if not found:
        raise SystemExit("nginx fehlt (Debian: apt-get install nginx).")
    return found


def site_conf(*, port: int, app_port: int, static: Path, media: Path, protected: Path) -> str:
    """deploy/nginx.conf with compose's names and volumes replaced by this machine's."""
    text = SITE_CONF.read_text()
    replacements = {
        "server web:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "alias /srv/static/;": f"alias {static}/;",
        "alias /data/media/;": f"alias {media}/;",
        "alias /data/protected/;": f"alias {protected}/;",
    }
    for old, new in replacements.items():
        if old not in text:
            raise SystemExit(
                f"deploy/nginx.conf enthält „{old}“ nicht mehr: tools/front.py anpassen."
            )
        text = text.replace(old, new)
    return text


def nginx_conf(site: str, workdir: Path) -> str:
    """The main configuration the nginx image brings, reduced to what the site needs."""
    mime_types = Path("/etc/nginx/mime.types")
    types = f"include {mime_types};" if mime_types.exists() else ""
    temp = "\n".join(
        f"    {name}_temp_path {workdir / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Started by root (a container, CI), nginx would read the files as `nobody`: run its
    # worker as the owner of the files instead.
    user = ""
    if os.geteuid() == 0:
        owner = pwd.getpwuid(workdir.stat().st_uid).pw_name
        user = f"user {owner} {grp.getgrgid(pwd.getpwnam(owner).pw_gid).gr_name};"
    return f"""daemon off;
{user}
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
    {types}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
{temp}
{site}
}}
"""


def start_nginx(*, port: int, app_port: int, env: dict[str, str]) -> tuple[subprocess.Popen, Path]:
    """Start nginx in front of gunicorn on app_port; returns the process and its work folder."""
    workdir = Path(tempfile.mkdtemp(prefix="defus-nginx-"))
    workdir.chmod(0o755)
    paths = {
        "static": serve.BASE_DIR / "var" / "static",
        "media": Path(env.get("DJANGO_MEDIA_ROOT") or serve.BASE_DIR / "var" / "media"),
        "protected": Path(
            env.get("DJANGO_PROTECTED_MEDIA_ROOT") or serve.BASE_DIR / "var" / "protected"
        ),
    }
    for path in paths.values():
        path.mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(nginx_conf(site_conf(port=port, app_port=app_port, **paths), workdir))
    binary = nginx_binary()
    subprocess.run([binary, "-t", "-q", "-c", str(conf)], check=True)
    process = subprocess.Popen([binary, "-c", str(conf)])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process, workdir
        except urllib.error.HTTPError:
            return process, workdir
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    raise SystemExit("nginx ist nicht gestartet.")


def front_env(port: int, base: dict[str, str] | None = None) -> dict[str, str]:
    """compose's web service: files through nginx, forwarded headers only from loopback."""
    env = dict(base) if base is not None else serve.production_env(port)
    env.update(
        DJANGO_SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SERVE_MEDIA="0",
        DJANGO_DOCUMENT_SENDFILE="x-accel-redirect",
        DJANGO_DOCUMENT_SENDFILE_PREFIX="/geschuetzt/",
        FORWARDED_ALLOW_IPS="127.0.0.1",
        DJANGO_TRUSTED_PROXY_COUNT="1",
    )
    return env


def start(port: int, env: dict[str, str], *, workers: int = 2, quiet: bool = False):
    """gunicorn on a free loopback port (plus WORKER_CMD) and nginx in front on `port`."""
    app_port = free_port()
    processes = serve.start(app_port, env, workers=workers, quiet=quiet)
    try:
        nginx, workdir = start_nginx(port=port, app_port=app_port, env=env)
    except BaseException:
        serve.stop(processes)
        raise
    return [nginx, *processes], workdir


def stop(processes, workdir: Path) -> None:
    serve.stop(processes)
    shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    port = int(os.environ.get("PORT", "8000"))
    env = front_env(port)
    serve.prepare(env)
    processes, workdir = start(port, env, workers=int(os.environ.get("SERVE_WORKERS", "2")))
    print(f"Das Portal läuft hinter nginx auf http://127.0.0.1:{port}/ (Strg+C beendet).")
    serve.run_until_stopped(processes, stop=lambda started: stop(started, workdir))


if __name__ == "__main__":
    main()
