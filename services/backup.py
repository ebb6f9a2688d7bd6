"""Backup and restore of the SQLite database, with SQLite's online backup API (a consistent
copy while the app keeps running).

Restore never trusts the file it is given: it must be an SQLite database of this app
(its tables, a schema revision this code knows) and pass an integrity check, first as given and
again as a private copy; only then is the current database saved aside and replaced, in one
write transaction. PostgreSQL is backed up with its own tools (pg_dump / pg_restore).

These work on whole databases, so they take the database URL rather than a Session.
"""

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from config import ROOT
from models.db import normalise_url
from services.auth import Actor
from services.errors import InvalidInput
from services.guard import require_secretariat

SQLITE_MAGIC = b"SQLite format 3\x00"
APP_TABLES = {
    "alembic_version",
    "organization",
    "directive",
    "section",
    "task",
    "assignment",
    "user",
    "audit_event",
    "reportingperiod",
}
COUNTED = ("directive", "task", "organization", "user", "progressreport")


@dataclass(frozen=True)
class DatabaseFacts:
    """What a verified file holds."""

    revision: str
    counts: dict[str, int]
    size: int


@dataclass(frozen=True)
class RestoreResult:
    facts: DatabaseFacts
    previous_copy: Path  # the database as it was, kept beside it
    migrated: bool


def sqlite_file(url: str) -> Path:
    """The database file behind `url`; InvalidInput saying to use pg_dump for PostgreSQL."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        raise InvalidInput("err.backup_postgres")
    if not parsed.database or parsed.database == ":memory:":
        raise InvalidInput("err.backup_memory")
    return Path(parsed.database).resolve()


# ----------------------------------------------------------------------------- checking


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    return heads[0] if heads else ""


def verify(path: Path) -> DatabaseFacts:
    """Refuse anything that is not an intact SQLite database of this app."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput("err.restore_missing", path=str(path))
    size = path.stat().st_size
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise InvalidInput("err.restore_not_db", name=path.name)
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise InvalidInput("err.restore_damaged", name=path.name)
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not APP_TABLES.issubset(tables):
                raise InvalidInput("err.restore_not_ours", name=path.name)
            versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            counts = {
                t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                for t in COUNTED
                if t in tables
            }
    except sqlite3.DatabaseError as err:
        raise InvalidInput("err.restore_damaged", name=path.name) from err
    if len(versions) != 1 or versions[0] not in known_revisions():
        raise InvalidInput(
            "err.restore_unknown_version", name=path.name, version=",".join(versions) or "—"
        )
    return DatabaseFacts(revision=versions[0], counts=counts, size=size)


# ----------------------------------------------------------------------------- copying


def _copy(source: Path, dest: Path, *, source_read_only: bool = True) -> None:
    """Online backup of `source` into a new single file `dest` (no -wal beside it)."""
    uri = f"file:{source}?mode=ro" if source_read_only else f"file:{source}"
    with (
        closing(sqlite3.connect(uri, uri=True, timeout=30)) as src,
        closing(sqlite3.connect(dest, timeout=30)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.commit()


@contextmanager
def _scratch(near: Path) -> Iterator[Path]:
    """A scratch directory on the same disk as `near`, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=".cchc-", dir=near.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def backup_to_file(url: str, dest: Path | str, *, actor: Actor) -> DatabaseFacts:
    """A consistent copy of the running database in `dest`, verified before it is put there."""
    require_secretariat(actor)
    live = sqlite_file(url)
    dest = Path(dest).resolve()
    if dest == live:
        raise InvalidInput("err.backup_same_file", path=str(dest))
    if not live.is_file():
        raise InvalidInput("err.restore_missing", path=str(live))
    if not dest.parent.is_dir():
        raise InvalidInput("err.backup_no_folder", path=str(dest.parent))
    with _scratch(dest) as folder:
        part = folder / "backup.db"
        _copy(live, part, source_read_only=False)
        facts = verify(part)
        os.replace(part, dest)
    _record(url, actor, "backup", {"file": dest.name, **facts.counts}, wait_seconds=2)
    return facts


def backup_bytes(url: str, *, actor: Actor) -> tuple[bytes, DatabaseFacts]:
    """The same copy as bytes, for a download button."""
    require_secretariat(actor)
    live = sqlite_file(url)
    with _scratch(live) as folder:
        facts = backup_to_file(url, folder / "download.db", actor=actor)
        return (folder / "download.db").read_bytes(), facts


def backup_file_name(now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).astimezone()
    return f"cchc-sao-luu-{moment:%Y%m%d-%H%M}.db"


def restore_from_file(url: str, source: Path | str, *, actor: Actor) -> RestoreResult:
    """Replace the database with the backup in `source`. The current database is kept until
    the new one is verified, and a copy of it stays beside it afterwards."""
    require_secretariat(actor)
    live = sqlite_file(url)
    source = Path(source).resolve()
    verify(source)  # refuse early, before anything is copied
    with _scratch(live) as folder:
        candidate = folder / "candidate.db"
        _copy(source, candidate)
        facts = verify(candidate)  # the copy we will really use
        stamp = datetime.now(UTC).astimezone().strftime("%Y%m%d-%H%M%S")
        previous = live.with_name(f"{live.name}.truoc-khoi-phuc-{stamp}")
        if live.is_file():
            _copy(live, previous, source_read_only=False)
        try:
            # one write transaction on the live file: readers see the old or the new database
            with (
                closing(sqlite3.connect(candidate, timeout=30)) as src,
                closing(sqlite3.connect(live, timeout=30)) as dst,
            ):
                src.backup(dst)
        except sqlite3.Error as err:
            raise InvalidInput("err.restore_failed", detail=str(err)[:200]) from err
    migrated = facts.revision != head_revision()
    if migrated:
        _upgrade(url)
    _record(
        url,
        actor,
        "restore",
        {
            "from": source.name,
            "revision": facts.revision,
            "previous_copy": previous.name,
            **facts.counts,
        },
    )
    return RestoreResult(facts=facts, previous_copy=previous, migrated=migrated)


def _upgrade(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


def _record(
    url: str, actor: Actor, action: str, after: dict[str, object], *, wait_seconds: float = 30
) -> bool:
    """The backup or restore in the database's own log (after a restore, the actor may not
    exist in the restored database, so by name only). False if the database stayed locked
    by a writer for `wait_seconds`: a finished backup is not undone for want of its log line."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    from models import AuditEvent
    from models.db import session_scope

    engine = create_engine(normalise_url(url), connect_args={"timeout": wait_seconds})
    try:
        with session_scope(engine) as session:
            session.add(
                AuditEvent(
                    user_id=None,
                    username=actor.username,
                    action=action,
                    entity="database",
                    entity_id=None,
                    after=after,
                )
            )
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()
