"""The engine and the unit of work. SQLite gets WAL, foreign keys and a busy timeout."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExecutionContext, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection, DBAPICursor
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session, create_engine

from config import PRIVATE_FILE_MODE, get_settings, private_dir, private_file

SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _no_nul(value: object) -> object:
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _params_without_nul(params: object) -> object:
    """One statement's parameters (a mapping or a row of values) or many statements' (a list of
    those: the executemany flag does not say which, SQLAlchemy's batched inserts pass one)."""
    if isinstance(params, Mapping):
        if any(isinstance(v, str) and "\x00" in v for v in params.values()):
            return {k: _no_nul(v) for k, v in params.items()}
    elif isinstance(params, list | tuple) and params:
        if all(isinstance(p, Mapping | list | tuple) for p in params):
            return type(params)(_params_without_nul(p) for p in params)
        if any(isinstance(v, str) and "\x00" in v for v in params):
            return type(params)(_no_nul(v) for v in params)
    return params


def _no_nul_reaches_the_database(
    _conn: Connection,
    _cursor: DBAPICursor,
    statement: str,
    parameters: object,
    _context: ExecutionContext | None,
    _many: bool,
) -> tuple[str, object]:
    """The last line of defence behind the services' cleaning (services/validation.clean): no
    text parameter carries NUL to either database. PostgreSQL refuses NUL with a DataError
    (a traceback for a sign-in name or an address's ?org= holding %00) while SQLite stores or
    compares it; written as U+FFFD, it matches nothing and is stored visibly, the same on both."""
    return statement, _params_without_nul(parameters)


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use psycopg 3 for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def keep_private(database: Path) -> None:
    """The SQLite file (created empty here if missing, so that SQLite never creates it with
    the default mode), its sidecars and its folder readable by the owner only."""
    private_dir(database.parent)
    private_file(database)
    for suffix in SQLITE_SIDECARS:
        sidecar = database.with_name(database.name + suffix)
        with suppress(FileNotFoundError):
            sidecar.chmod(PRIVATE_FILE_MODE)


def build_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            # if this fails, connecting fails with OperationalError, reported as unreachable
            with suppress(OSError):
                keep_private(Path(parsed.database))
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    event.listen(engine, "before_cursor_execute", _no_nul_reaches_the_database, retval=True)
    return engine


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    return build_engine(url or get_settings().database_url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit once at the end, roll back on any error."""
    session = Session(engine or get_engine(), expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
