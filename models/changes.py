"""What a committed unit of work changed, told to whoever keeps a copy of what it read, in
this process and in every other process serving the same database.

Invariants:
- once a commit has returned, every subscriber in the committing process has been told the
  names of the tables it wrote (so no cached view there outlives the data it was built from);
- a commit made by another process (a second app server, the command line) reaches the
  subscribers of a process that `listen()`s within about a second.

Every flush (and every bulk INSERT, UPDATE or DELETE run through a Session) adds the tables it
wrote to the session's `info`; after the commit the set goes to the subscribers, in the
committing thread; a rollback forgets it. Writes made outside a Session (a restore swapping
the whole file, a bulk load through a Connection) call `publish(ALL)` themselves.

Between processes:
- PostgreSQL: each flush also sends NOTIFY on CHANNEL inside its transaction (so it is
  delivered only if the transaction commits, and after it has), with the tables and this
  process's ORIGIN; a listening thread per process hands the others' notices to its
  subscribers (LISTEN/NOTIFY, psycopg 3).
- SQLite: a thread reads `PRAGMA data_version` twice a second on a connection of its own; the
  number moves when any other connection commits. Commits made in this process are absorbed
  as they happen (read just after each of them), so only another process's commit is told,
  as ALL, since SQLite cannot say which tables it wrote. A commit from elsewhere landing in
  the microseconds between one of ours and that read is told with the next change.
"""

import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

log = logging.getLogger(__name__)

CHANNEL = "cchc_changes"
ORIGIN = uuid.uuid4().hex[:12]  # this process, so that it ignores its own notices
POLL_SECONDS = 0.5  # PRAGMA data_version costs microseconds; twice a second keeps us under 1 s
_NOTIFIED = "notified_tables"

ALL = frozenset({"*"})  # "anything may have changed": every subscriber drops what it keeps
_KEY = "changed_tables"

Subscriber = Callable[[frozenset[str]], None]
_subscribers: list[Subscriber] = []
_lock = threading.Lock()


def subscribe(subscriber: Subscriber) -> Subscriber:
    """Call `subscriber(tables)` after every commit that wrote to `tables`. Idempotent."""
    with _lock:
        if subscriber not in _subscribers:
            _subscribers.append(subscriber)
    return subscriber


def unsubscribe(subscriber: Subscriber) -> None:
    with _lock:
        if subscriber in _subscribers:
            _subscribers.remove(subscriber)


def touches(changed: frozenset[str], tables: Iterable[str]) -> bool:
    """Whether a change to `changed` concerns something read from `tables`."""
    return "*" in changed or not changed.isdisjoint(tables)


def publish(tables: Iterable[str]) -> None:
    """Tell every subscriber that `tables` changed. A subscriber that fails is logged and
    skipped: the write has been committed, and the others must still hear of it."""
    changed = frozenset(tables)
    if not changed:
        return
    with _lock:
        subscribers = list(_subscribers)
    for subscriber in subscribers:
        try:
            subscriber(changed)
        except Exception:
            log.exception("a change subscriber failed for %s", sorted(changed))


def _note(session: Session, tables: Iterable[str]) -> None:
    tables = set(tables)
    session.info.setdefault(_KEY, set()).update(tables)
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        sent: set[str] = session.info.setdefault(_NOTIFIED, set())
        if not tables <= sent:
            sent |= tables
            payload = json.dumps({"origin": ORIGIN, "tables": sorted(tables)})
            session.connection().exec_driver_sql(
                "SELECT pg_notify(%(channel)s, %(payload)s)",
                {"channel": CHANNEL, "payload": payload},
            )


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    _note(
        session,
        {
            obj.__table__.name
            for obj in (*session.new, *session.dirty, *session.deleted)
            if hasattr(obj, "__table__")
        },
    )


@event.listens_for(Session, "do_orm_execute")
def _bulk(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        _note(state.session, {name} if name else ALL)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    session.info.pop(_NOTIFIED, None)
    changed = session.info.pop(_KEY, ())
    if changed:
        bind = session.get_bind()
        if bind.dialect.name == "sqlite":
            _absorb(bind.engine.url.database)
    publish(changed)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction, not a savepoint within it
        session.info.pop(_KEY, None)
        session.info.pop(_NOTIFIED, None)


# --- hearing other processes ----------------------------------------------------------------

_listeners: dict[str, "_Listener"] = {}
_listeners_lock = threading.Lock()


def listen(url: str) -> None:
    """Hear the commits other processes make to the database at `url` (idempotent)."""
    parsed = make_url(url)
    key = parsed.render_as_string(hide_password=False)
    with _listeners_lock:
        if key in _listeners and _listeners[key].is_alive():
            return
        if parsed.get_backend_name() == "sqlite":
            if not parsed.database or parsed.database == ":memory:":
                return
            listener: _Listener = _SqlitePoller(parsed.database)
        else:
            listener = _PostgresListener(url)
        _listeners[key] = listener
    listener.start()
    listener.ready.wait(5)


def stop_listening() -> None:
    """Stop every listener (tests; a process about to exit needs nothing)."""
    with _listeners_lock:
        listeners = list(_listeners.values())
        _listeners.clear()
    for listener in listeners:
        listener.stop()


def _absorb(database: str | None) -> None:
    """After a commit of ours to an SQLite file: its poller takes the new version as seen."""
    if not database:
        return
    with _listeners_lock:
        listeners = list(_listeners.values())
    for listener in listeners:
        if isinstance(listener, _SqlitePoller) and listener.path == str(Path(database).resolve()):
            listener.absorb()


class _Listener(threading.Thread):
    def __init__(self, name: str) -> None:
        super().__init__(name=name, daemon=True)
        self.ready = threading.Event()
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()


class _SqlitePoller(_Listener):
    def __init__(self, database: str) -> None:
        super().__init__("changes-sqlite")
        self.path = str(Path(database).resolve())
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None

    def _version(self) -> int:
        if self._conn is None:
            self._conn = sqlite3.connect(self.path, timeout=5, check_same_thread=False)
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def absorb(self) -> None:
        with self._lock:
            try:
                self._seen = self._version()
            except sqlite3.Error:
                self._seen = None

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                with self._lock:
                    version = self._version()
                    moved = self._seen is not None and version != self._seen
                    self._seen = version
                self.ready.set()
                if moved:
                    publish(ALL)
            except sqlite3.Error:
                log.warning("cannot read the SQLite change counter", exc_info=True)
                with self._lock:
                    self._conn = None
            self._stop.wait(POLL_SECONDS)
        with self._lock:
            if self._conn is not None:
                self._conn.close()


class _PostgresListener(_Listener):
    def __init__(self, url: str) -> None:
        super().__init__("changes-postgresql")
        self.url = url

    def _conninfo(self) -> tuple[str, dict[str, Any]]:
        parsed = make_url(self.url).set(drivername="postgresql")
        query = dict(parsed.query)
        options = query.pop("options", None)
        conninfo = parsed.set(query=query).render_as_string(hide_password=False)
        return conninfo, ({"options": options} if options else {})

    def run(self) -> None:
        import psycopg

        first = True
        while not self._stop.is_set():
            try:
                conninfo, extra = self._conninfo()
                with psycopg.connect(conninfo, autocommit=True, **extra) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if not first:  # notices may have been missed while we were away
                        publish(ALL)
                    first = False
                    self.ready.set()
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=POLL_SECONDS):
                            self._hear(notice.payload)
            except Exception:
                log.warning("lost the PostgreSQL change channel; retrying", exc_info=True)
                self.ready.set()
                self._stop.wait(POLL_SECONDS)

    def _hear(self, payload: str) -> None:
        try:
            notice = json.loads(payload)
        except ValueError:
            return
        if notice.get("origin") != ORIGIN:
            publish(notice.get("tables") or ALL)
