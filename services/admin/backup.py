"""Backup and restore of the SQLite database, with SQLite's online backup API (a consistent
copy while the app keeps running).

Restore never trusts the file it is given. It takes a private copy of the file's bytes (one
regular file, under a size limit, no -wal or -journal beside it) and accepts it only if its
WHOLE schema is the one our migrations create at the revision it carries: every table with its
columns, every index, trigger and view, compared entry by entry with a reference database
migrated to that revision, plus the header values the app never sets. Only then are its data
checked (integrity, foreign keys). A trigger, a table or a view the migrations do not create is
code or data someone else put there, and is refused with one sentence; nothing is changed.

The verified copy is migrated to the current schema before it goes live, and then swapped in
while the live database's write lock is held from the safety copy to the swap: a write
acknowledged before the lock is in the safety copy, a write after it is in the restored
database, and none is lost in between (tests/security/test_restore_while_writing.py).

PostgreSQL is backed up with its own tools (pg_dump / pg_restore). These work on whole
databases, so they take the database URL rather than a Session.
"""

import os
import re
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from config import ROOT, get_settings, private_file
from models import changes
from models.db import SQLITE_SIDECARS, keep_private, normalise_url
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.permissions import Action, require

if TYPE_CHECKING:  # alembic is imported when a revision is read, not with this module
    from alembic.config import Config

SQLITE_MAGIC = b"SQLite format 3\x00"
COUNTED = ("directive", "task", "organization", "user", "progressreport")


def _quoted(table: str) -> str:
    """A table name as an SQL identifier (only ever one of COUNTED's)."""
    return f'"{table}"'


SAFETY_COPY_MARK = ".truoc-khoi-phuc-"
# Header values a database made by the app always has; anything else is someone else's file.
HEADER_SETTINGS = ("encoding", "user_version", "application_id")
CHUNK = 1 << 20
KIND_ORDER = {"table": 0, "trigger": 1, "view": 2, "index": 3}
SQLITE_OK = 0


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


@dataclass(frozen=True)
class Schema:
    """Everything SQLite keeps about a database's structure, normalised for comparison:
    each sqlite_master entry by (type, name) with its table, its SQL and what SQLite's
    pragmas say of it, and the header values."""

    objects: dict[tuple[str, str], tuple[object, ...]]
    settings: dict[str, object]


def sqlite_file(url: str) -> Path:
    """The database file behind `url`; InvalidInput saying to use pg_dump for PostgreSQL."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        raise InvalidInput("err.backup_postgres")
    if not parsed.database or parsed.database == ":memory:":
        raise InvalidInput("err.backup_memory")
    return Path(parsed.database).resolve()


# ----------------------------------------------------------------------------- revisions


def _alembic_config(url: str | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    return heads[0] if heads else ""


def _upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_alembic_config(url), revision)


# ----------------------------------------------------------------------------- the schema

# SQL split into tokens: string literals, quoted identifiers, words, numbers, other characters.
_TOKENS = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|[A-Za-z_][A-Za-z0-9_$]*|[0-9.]+|\S""",
    re.S,
)
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def normalise_sql(sql: str | None) -> str | None:
    """`sql` with whitespace, letter case and identifier quoting made uniform (SQLite
    rewrites table SQL on ALTER TABLE, adding quotes); string literals kept as written."""
    if sql is None:
        return None
    out = []
    for token in _TOKENS.findall(sql):
        if token[0] == "'":
            out.append(token)
        elif token[0] in '"`[':
            name = token[1:-1].replace('""', '"').lower()
            out.append(name if _PLAIN_NAME.fullmatch(name) else f'"{name}"')
        else:
            out.append(token.lower())
    return " ".join(out)


def _read_only(path: Path, *, private: bool = True) -> sqlite3.Connection:
    """A read-only connection that refuses to run any function a schema it did not write
    could name. `private`: a copy of ours nobody else opens, read as an unchanging file (no
    -wal, no locks)."""
    mode = "mode=ro&immutable=1" if private else "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=30)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    return conn


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The schema as stored: reads sqlite_master and pragmas, never a table's rows, so
    nothing in the file (a trigger, a view, a default) is run."""
    objects: dict[tuple[str, str], tuple[object, ...]] = {}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ):
        objects[(str(kind), str(name).lower())] = (str(table).lower(), normalise_sql(sql))
    settings = {key: conn.execute(f"PRAGMA {key}").fetchone()[0] for key in HEADER_SETTINGS}
    return Schema(objects=objects, settings=settings)


def _structure(conn: sqlite3.Connection, kind: str, name: str) -> tuple[object, ...]:
    """What SQLite itself derived from an entry's SQL: a second opinion beside the text."""
    if kind == "table":
        return (
            tuple(conn.execute("SELECT * FROM pragma_table_xinfo(?)", (name,))),
            tuple(conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,))),
            tuple(conn.execute("SELECT * FROM pragma_index_list(?)", (name,))),
        )
    if kind == "index":
        return tuple(conn.execute("SELECT * FROM pragma_index_xinfo(?)", (name,)))
    return ()


@lru_cache(maxsize=8)
def reference_schema(revision: str) -> Schema:
    """The schema our migrations create at `revision`, from an empty database migrated to it
    (SQLite's own text of each entry, so it compares like with like)."""
    with tempfile.TemporaryDirectory(prefix="cchc-reference-") as folder:
        path = Path(folder) / "reference.db"
        _upgrade(f"sqlite:///{path}", revision)
        with closing(_read_only(path)) as conn:
            schema = read_schema(conn)
            structure = {key: _structure(conn, *key) for key in schema.objects}
    return Schema(
        objects={k: (*v, structure[k]) for k, v in schema.objects.items()},
        settings=schema.settings,
    )


def schema_of_file(path: Path) -> Schema:
    """The schema of a database file (which may be in use), in the form of
    reference_schema()."""
    with closing(_read_only(Path(path), private=False)) as conn:
        schema = read_schema(conn)
        return Schema(
            objects={k: (*v, _structure(conn, *k)) for k, v in schema.objects.items()},
            settings=schema.settings,
        )


@dataclass(frozen=True)
class Difference:
    how: str  # "extra", "missing" or "changed"
    kind: str  # TABLE, INDEX, TRIGGER, VIEW or PRAGMA
    name: str


def _kind_first(key: tuple[str, str]) -> tuple[int, str]:
    """Tables before what hangs on them (a missing table is named, not its index)."""
    return (KIND_ORDER.get(key[0], len(KIND_ORDER)), key[1])


def schema_difference(conn: sqlite3.Connection, revision: str) -> Difference | None:
    """The first way the database behind `conn` differs from our schema at `revision`, or
    None. Entries someone added come first: they are the dangerous ones."""
    expected = reference_schema(revision)
    found = read_schema(conn)
    extra = sorted(set(found.objects) - set(expected.objects), key=_kind_first)
    if extra:
        return Difference("extra", extra[0][0].upper(), extra[0][1])
    missing = sorted(set(expected.objects) - set(found.objects), key=_kind_first)
    if missing:
        return Difference("missing", missing[0][0].upper(), missing[0][1])
    for key in sorted(expected.objects):
        if found.objects[key] + (_structure(conn, *key),) != expected.objects[key]:
            return Difference("changed", key[0].upper(), key[1])
    for setting in HEADER_SETTINGS:
        if found.settings[setting] != expected.settings[setting]:
            return Difference("changed", "PRAGMA", setting)
    return None


# ----------------------------------------------------------------------------- checking


def verify(path: Path, *, thorough: bool = False, name: str | None = None) -> DatabaseFacts:
    """Refuse anything that is not an intact SQLite database of this app with exactly our
    schema at its revision. `thorough` (a restore) also checks every index against its table
    and every foreign key. `name` is what the sentences call the file."""
    path = Path(path)
    name = name or path.name
    if not path.is_file():
        raise InvalidInput("err.restore_missing", path=str(path))
    size = path.stat().st_size
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise InvalidInput("err.restore_not_db", name=name)
    try:
        with closing(_read_only(path)) as conn:
            # the revision table is the same at every revision: read it only if it is ours
            stamp = ("table", "alembic_version")
            ours = reference_schema(head_revision()).objects[stamp][:2]
            if read_schema(conn).objects.get(stamp) != ours:
                raise InvalidInput("err.restore_not_ours", name=name)
            versions = [str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")]
            if len(versions) != 1 or versions[0] not in known_revisions():
                raise InvalidInput(
                    "err.restore_unknown_version", name=name, version=",".join(versions) or "—"
                )
            revision = versions[0]
            if diff := schema_difference(conn, revision):
                raise InvalidInput(
                    f"err.restore_schema_{diff.how}",
                    name=name,
                    kind=diff.kind,
                    object=diff.name,
                    version=revision,
                )
            # only now, with a schema we wrote ourselves, are the rows read
            check = conn.execute(f"PRAGMA {'integrity_check' if thorough else 'quick_check'}")
            if check.fetchone() != ("ok",):
                raise InvalidInput("err.restore_damaged", name=name)
            if thorough and (dangling := conn.execute("PRAGMA foreign_key_check").fetchone()):
                raise InvalidInput("err.restore_foreign_keys", name=name, table=dangling[0])
            counts = {
                t: int(
                    conn.execute(
                        f"SELECT count(*) FROM {_quoted(t)}"  # nosec B608  # a COUNTED table
                    ).fetchone()[0]
                )
                for t in COUNTED
            }
    except sqlite3.DatabaseError as err:
        raise InvalidInput("err.restore_damaged", name=name) from err
    return DatabaseFacts(revision=revision, counts=counts, size=size)


# ----------------------------------------------------------------------------- copying


def _copy(source: Path, dest: Path, *, source_read_only: bool = True) -> None:
    """Online backup of `source` into a new single file `dest` (no -wal beside it), readable
    by the owner only."""
    uri = source.resolve().as_uri() + ("?mode=ro" if source_read_only else "")
    private_file(dest)
    with (
        closing(sqlite3.connect(uri, uri=True, timeout=30)) as src,
        closing(sqlite3.connect(dest, timeout=30)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.commit()


@contextmanager
def _scratch(near: Path) -> Iterator[Path]:
    """A scratch directory (mode 0700) on the same disk as `near`, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=".cchc-", dir=near.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def backup_to_file(url: str, dest: Path | str, *, actor: Actor) -> DatabaseFacts:
    """A consistent copy of the running database in `dest` (mode 0600), verified before it
    is put there: a database whose schema is not ours (say, a trigger from a restore made
    before restores were checked) is refused rather than carried into every later backup."""
    require(actor, Action.ADMINISTER)
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
        try:
            facts = verify(part, name=live.name)
        except InvalidInput as err:
            if err.code.startswith("err.restore_schema_"):
                raise InvalidInput("err.backup_schema_differs", **err.params) from err
            raise
        os.replace(part, dest)
    _record(url, actor, "backup", {"file": dest.name, **facts.counts}, wait_seconds=2)
    return facts


def backup_bytes(url: str, *, actor: Actor) -> tuple[bytes, DatabaseFacts]:
    """The same copy as bytes, for a download button."""
    require(actor, Action.ADMINISTER)
    live = sqlite_file(url)
    with _scratch(live) as folder:
        facts = backup_to_file(url, folder / "download.db", actor=actor)
        return (folder / "download.db").read_bytes(), facts


def backup_file_name(now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).astimezone()
    return f"cchc-sao-luu-{moment:%Y%m%d-%H%M}.db"


def _take_private_copy(source: Path, dest: Path, *, live: Path) -> None:
    """The bytes of `source` (one regular file, within the size limit) into `dest`, a file
    only we can reach. Nothing but these bytes is ever read: not a -wal beside the file
    (refused instead, as the main file alone would be an older state), never the file in
    place, which its owner could still change."""
    name = source.name
    for suffix in ("-wal", "-journal"):
        sidecar = source.with_name(name + suffix)
        with suppress(OSError):
            if sidecar.stat().st_size > 0:
                raise InvalidInput("err.restore_sidecar", name=name, sidecar=sidecar.name)
    limit = get_settings().restore_max_mb * 1_000_000
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as err:
        raise InvalidInput("err.restore_missing", path=str(source)) from err
    except OSError as err:
        raise InvalidInput("err.restore_not_db", name=name) from err
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # a folder, a pipe, a device
        os.close(fd)
        raise InvalidInput("err.restore_not_db", name=name)
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > limit:
            raise InvalidInput("err.restore_too_big", name=name, limit=limit // 1_000_000)
        # room for the copy, the migrated copy and the safety copy of the live database
        live_size = live.stat().st_size if live.is_file() else 0
        need = 2 * info.st_size + live_size + 10_000_000
        free = shutil.disk_usage(dest.parent).free
        if free < need:
            raise InvalidInput(
                "err.restore_no_space",
                name=name,
                need=need // 1_000_000 + 1,
                free=free // 1_000_000,
            )
        if fh.read(16) != SQLITE_MAGIC:
            raise InvalidInput("err.restore_not_db", name=name)
        fh.seek(0)
        private_file(dest)
        copied = 0
        with dest.open("wb") as out:
            while chunk := fh.read(CHUNK):
                copied += len(chunk)
                if copied > limit:  # it grew while we read
                    raise InvalidInput("err.restore_too_big", name=name, limit=limit // 1_000_000)
                out.write(chunk)


def _prepare(candidate: Path, *, page_size: int) -> None:
    """Rewrite the verified copy in the live database's page size, one file (no WAL):
    VACUUM rebuilds every table and index from the checked schema and drops free pages."""
    with closing(sqlite3.connect(candidate)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA page_size={int(page_size)}")
        conn.execute("PRAGMA auto_vacuum=NONE")
        conn.execute("VACUUM")


def _live_page_size(live: Path) -> int:
    with closing(sqlite3.connect(live, timeout=30)) as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])


def _safety_copy_path(live: Path) -> Path:
    """A new name beside `live`, never one an earlier copy had (the audit log cites it)."""
    stamp = datetime.now(UTC).astimezone().strftime("%Y%m%d-%H%M%S-%f")
    path = live.with_name(f"{live.name}{SAFETY_COPY_MARK}{stamp}")
    n = 1
    while path.exists():
        n += 1
        path = live.with_name(f"{live.name}{SAFETY_COPY_MARK}{stamp}-{n}")
    return path


def safety_copies(live: Path) -> list[Path]:
    """The copies kept by earlier restores, oldest first."""
    found = [
        p
        for p in live.parent.glob(f"{live.name}{SAFETY_COPY_MARK}*")
        if not p.name.endswith(SQLITE_SIDECARS)
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def _prune_safety_copies(live: Path, keep: int) -> None:
    for old in safety_copies(live)[:-keep]:
        with suppress(FileNotFoundError):
            old.unlink()


def _swap(candidate: Path, live: Path, previous: Path) -> None:
    """Copy `candidate` over `live` in one write transaction of the live database, and make
    the safety copy `previous` inside that same transaction.

    SQLite's backup API holds a write transaction on its destination from its first step to
    its last. The first step copies all pages but one; the safety copy is then taken by a
    separate reader, which sees the live database as last committed (WAL); no writer can
    commit until the last step commits the swap. So every acknowledged write is in the
    safety copy (it came before) or lands in the restored database (it waited)."""
    with closing(sqlite3.connect(candidate)) as src:
        pages = int(src.execute("PRAGMA page_count").fetchone()[0])
        if pages < 2:
            raise InvalidInput("err.restore_not_ours", name=candidate.name)
        taken = False

        def safety_copy_once_locked(status: int, remaining: int, total: int) -> None:
            nonlocal taken
            if status == SQLITE_OK and remaining > 0 and not taken:
                _copy(live, previous)
                taken = True

        with closing(sqlite3.connect(live, timeout=30)) as dst:
            dst.execute("PRAGMA journal_mode=WAL")  # readers go on reading while we hold it
            src.backup(dst, pages=pages - 1, progress=safety_copy_once_locked)
        if not taken:  # cannot happen with two or more pages; never lose the old data silently
            raise InvalidInput("err.restore_failed", detail="safety copy")


def restore_from_file(url: str, source: Path | str, *, actor: Actor) -> RestoreResult:
    """Replace the database with the backup in `source`, if its schema is ours (see the
    module's docstring). The database as it was is kept beside it (the newest
    `safety_copies_kept`), and the restore is in the restored database's own log."""
    require(actor, Action.ADMINISTER)
    settings = get_settings()
    live = sqlite_file(url)
    source = Path(source)
    keep_private(live)
    with _scratch(live) as folder:
        candidate = folder / "candidate.db"
        _take_private_copy(source, candidate, live=live)
        facts = verify(candidate, thorough=True, name=source.name)
        migrated = facts.revision != head_revision()
        if migrated:  # the running app only ever sees the current schema
            _upgrade(f"sqlite:///{candidate}")
        _prepare(candidate, page_size=_live_page_size(live))
        if migrated:
            verify(candidate, name=source.name)
        previous = _safety_copy_path(live)
        # the line in the log goes in with the data, in the same swap
        recorded = _record(
            f"sqlite:///{candidate}",
            actor,
            "restore",
            {
                "from": source.name,
                "revision": facts.revision,
                "previous_copy": previous.name,
                **facts.counts,
            },
        )
        if not recorded:
            raise InvalidInput("err.restore_failed", detail="audit")
        try:
            _swap(candidate, live, previous)
        except (sqlite3.Error, OSError) as err:
            with suppress(FileNotFoundError):
                previous.unlink()
            raise InvalidInput("err.restore_failed", detail=str(err)[:200]) from err
    _prune_safety_copies(live, settings.safety_copies_kept)
    changes.publish(changes.ALL)  # the whole file was swapped under every cached view
    return RestoreResult(facts=facts, previous_copy=previous, migrated=migrated)


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
