"""Reading the audit log: who changed what, filtered by body, user and day (render/audit.py
writes it out)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from models import AuditEvent, Organization, User, pk
from services.core import clock, permissions
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.permissions import Action
from services.core.rows import from_row

MAX_ROWS = 5_000


@dataclass(frozen=True)
class AuditFilters:
    organization_id: int | None = None
    username: str | None = None
    date_from: date | None = None  # days in Vietnam, inclusive
    date_to: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    organization_code: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _start_of(day: date) -> datetime:
    """Midnight in Vietnam on `day`, as an aware datetime."""
    return clock.start_of_day(day)


def events(
    session: Session, *, actor: Actor, filters: AuditFilters, limit: int = MAX_ROWS
) -> list[AuditRow]:
    """Audit events matching `filters`, newest first (at most `limit`)."""
    permissions.require(actor, Action.READ_AUDIT)
    f = filters
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InvalidInput(
            "err.date_range",
            first=f.date_from.strftime("%d/%m/%Y"),
            last=f.date_to.strftime("%d/%m/%Y"),
        )
    query = select(AuditEvent, Organization.code).outerjoin(
        Organization, col(Organization.id) == col(AuditEvent.organization_id)
    )
    if f.organization_id is not None:
        query = query.where(AuditEvent.organization_id == f.organization_id)
    if f.username:
        query = query.where(AuditEvent.username == f.username)
    if f.date_from:
        query = query.where(AuditEvent.at >= _start_of(f.date_from))
    if f.date_to:
        query = query.where(AuditEvent.at < _start_of(f.date_to + timedelta(days=1)))
    rows = session.exec(
        query.order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc()).limit(limit)
    )
    return [from_row(AuditRow, e, id=pk(e), organization_code=code) for e, code in rows]


@dataclass(frozen=True)
class Names:
    """What the log's ids name: every body's code and every account's username, by id (bodies
    closed by a reorganisation and accounts switched off included)."""

    bodies: dict[int, str]
    accounts: dict[int, str]


def names(session: Session, *, actor: Actor) -> Names:
    permissions.require(actor, Action.READ_AUDIT)
    bodies = session.exec(select(Organization.id, Organization.code))
    accounts = session.exec(select(User.id, User.username))
    return Names(
        bodies={oid: code for oid, code in bodies if oid is not None},
        accounts={uid: name for uid, name in accounts if uid is not None},
    )


def usernames(session: Session, *, actor: Actor) -> list[str]:
    """Everyone who appears in the log, for the filter."""
    permissions.require(actor, Action.READ_AUDIT)
    return sorted(set(session.exec(select(AuditEvent.username).distinct()).all()))
