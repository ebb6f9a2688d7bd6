"""Writing notices once: each is unique per recipient, kind, subject and occasion, so that a
candidate that already exists is left alone (whoever made it, in whichever run)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from models import Notice, Role, User
from services.core import clock


@dataclass(frozen=True)
class Candidate:
    """A notice that should exist."""

    user_id: int
    kind: str
    subject: str
    occasion: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    link: str = field(default="", compare=False, hash=False)

    @property
    def key(self) -> tuple[int, str, str, str]:
        return (self.user_id, self.kind, self.subject, self.occasion)


@dataclass(frozen=True)
class Recipients:
    """The active accounts, by body and by role."""

    by_body: dict[int, list[int]]
    by_role: dict[str, list[int]]

    def of_body(self, organization_id: int) -> list[int]:
        return self.by_body.get(organization_id, [])

    def of_role(self, role: str) -> list[int]:
        return self.by_role.get(role, [])


def recipients(session: Session) -> Recipients:
    by_body: dict[int, list[int]] = {}
    by_role: dict[str, list[int]] = {}
    rows = session.exec(
        select(User.id, User.role, User.organization_id)
        .where(col(User.active))
        .order_by(col(User.id))
    ).all()
    for uid, role, org in rows:
        if uid is None:
            continue
        by_role.setdefault(role, []).append(uid)
        if role == Role.BODY and org is not None:
            by_body.setdefault(org, []).append(uid)
    return Recipients(by_body, by_role)


def store(session: Session, candidates: Iterable[Candidate], *, now: datetime | None = None) -> int:
    """Insert the candidates not stored yet; how many were new. The database skips a notice
    that exists (ON CONFLICT DO NOTHING on the unique key: from an earlier run, or from another
    runner meanwhile) and returns the ids of those it inserted, so the count is exact and no
    notice is ever duplicated. A probe of the unique index per candidate, in multi-row
    statements: the cost follows the notices due, not the notices stored."""
    unique = list({c.key: c for c in candidates}.values())
    if not unique:
        return 0
    moment = now or clock.now()
    values = [
        {
            "user_id": c.user_id,
            "kind": c.kind,
            "subject": c.subject,
            "occasion": c.occasion,
            "params": c.params,
            "link": c.link,
            "created_at": moment,
            "attempts": 0,
        }
        for c in unique
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # The table, not the entity: a plain multi-row INSERT, not the ORM's bulk path (twice as
    # slow here); the change feed still hears of it (models/changes.py).
    table: Table = Notice.__table__  # type: ignore[attr-defined]
    statement = insert(table).on_conflict_do_nothing().returning(table.c.id)
    # SQLAlchemy sends the rows in statements of up to 1,000 (its "insertmanyvalues")
    return len(session.execute(statement, values).all())
