"""The append-only audit log."""

from datetime import date, datetime
from typing import Any, NotRequired, TypedDict, Unpack

from sqlmodel import Session

from models import AuditEvent
from services.core.actor import Actor


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def snapshot(row: Any, fields: list[str] | None = None) -> dict[str, Any]:
    """A JSON-safe copy of a row's columns (or of the named ones, read as attributes, so that a
    row expired by an update is loaded again first)."""
    data = row.model_dump() if fields is None else {k: getattr(row, k) for k in fields}
    return {k: _plain(v) for k, v in data.items()}


def record(
    session: Session,
    *,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(
        user_id=actor.id if actor else None,
        username=actor.username if actor else "system",
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event


class Change(TypedDict):
    """What an event says about a row: what was done, to what kind of row, and the fields
    before and after."""

    action: str
    entity: str
    before: NotRequired[dict[str, Any] | None]
    after: NotRequired[dict[str, Any] | None]


def saved(session: Session, actor: Actor | None, row: Any, **change: Unpack[Change]) -> AuditEvent:
    """Write `row` (added and flushed, so that it has its id) and record what was done to it:
    the one sequence every service that saves a row follows."""
    session.add(row)
    session.flush()
    return changed(session, actor, row, **change)


def created(
    session: Session, actor: Actor | None, row: Any, *, entity: str, fields: list[str]
) -> AuditEvent:
    """Write a new row and record its creation, with its `fields` as they are given."""
    after = snapshot(row, fields)
    return saved(session, actor, row, action="create", entity=entity, after=after)


def switched(
    session: Session,
    actor: Actor | None,
    row: Any,
    flag: str,
    on: bool,
    *,
    entity: str,
    verbs: tuple[str, str],
) -> AuditEvent:
    """Turn the row's boolean `flag` on or off, write it and record it: the action is the first
    of `verbs` when turned on ("activate", "open"), the second when turned off."""
    setattr(row, flag, on)
    return saved(
        session,
        actor,
        row,
        action=verbs[0] if on else verbs[1],
        entity=entity,
        before={flag: not on},
        after={flag: on},
    )


def changed(
    session: Session, actor: Actor | None, row: Any, **change: Unpack[Change]
) -> AuditEvent:
    """Record what was done to `row`, already written (the event names it by its id)."""
    return record(session, actor=actor, entity_id=row.id, **change)
