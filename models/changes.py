"""What a committed unit of work changed, told to whoever keeps a copy of what it read.

Invariant: once a commit has returned, every subscriber has been told the names of the tables
that commit wrote, so no cached view outlives the data it was built from in this process.

Every flush (and every bulk INSERT, UPDATE or DELETE run through a Session) adds the tables it
wrote to the session's `info`; after the commit the set goes to the subscribers, in the
committing thread; a rollback forgets it. Writes made outside a Session (a restore swapping
the whole file, a bulk load through a Connection) call `publish(ALL)` themselves.
"""

import logging
import threading
from collections.abc import Callable, Iterable

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

log = logging.getLogger(__name__)

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
    session.info.setdefault(_KEY, set()).update(tables)


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
    publish(session.info.pop(_KEY, ()))


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction, not a savepoint within it
        session.info.pop(_KEY, None)
