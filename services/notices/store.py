"""Writing notices once: each is unique per recipient, kind, subject and occasion, so that a
candidate that already exists is left alone (whoever made it, in whichever run)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from models import Notice, Role, User
from services.core import clock

_CHUNK = 500


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


def _existing(session: Session, candidates: list[Candidate]) -> set[tuple[int, str, str, str]]:
    """The keys among `candidates` that are already stored."""
    found: set[tuple[int, str, str, str]] = set()
    by_kind: dict[str, set[str]] = {}
    for c in candidates:
        by_kind.setdefault(c.kind, set()).add(c.subject)
    for kind, subjects in by_kind.items():
        ordered = sorted(subjects)
        for i in range(0, len(ordered), _CHUNK):
            rows = session.exec(
                select(Notice.user_id, Notice.kind, Notice.subject, Notice.occasion).where(
                    Notice.kind == kind, col(Notice.subject).in_(ordered[i : i + _CHUNK])
                )
            ).all()
            found.update((u, k, s, o) for u, k, s, o in rows)
    return found


def store(session: Session, candidates: Iterable[Candidate], *, now: datetime | None = None) -> int:
    """Insert the candidates not stored yet; how many were new. A notice another runner stored
    meanwhile is skipped by the database (ON CONFLICT DO NOTHING), never duplicated."""
    unique = list({c.key: c for c in candidates}.values())
    if not unique:
        return 0
    existing = _existing(session, unique)
    new = [c for c in unique if c.key not in existing]
    if not new:
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
        for c in new
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # One statement, many parameter sets (compiled once, however many notices).
    session.execute(insert(Notice).on_conflict_do_nothing(), values)
    return len(new)
