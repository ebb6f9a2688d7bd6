"""Writing notices once: each is unique per recipient, kind, subject and occasion, so that a
candidate that already exists is left alone (whoever made it, in whichever run)."""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BindParameter,
    ColumnElement,
    Integer,
    Table,
    Text,
    bindparam,
    cast,
    column,
    func,
    literal,
    true,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from models import Notice, Role, User
from services.core import clock
from services.core.query import select_columns


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
    notice is ever duplicated.

    One statement per run, with one parameter: the candidates as a JSON array, which the
    database turns into rows (json_to_recordset on PostgreSQL, json_each on SQLite). A
    multi-row VALUES of 800 notices has 6,400 parameters, and the driver spent more time
    rewriting its placeholders and quoting its values than the database took to insert them.
    A probe of the unique index per candidate: the cost follows the notices due, not the
    notices stored."""
    unique = list({c.key: c for c in candidates}.values())
    if not unique:
        return 0
    # The table, not the entity: a plain INSERT, not the ORM's bulk path; the change feed
    # still hears of it (models/changes.py).
    table: Table = Notice.__table__  # type: ignore[attr-defined]
    postgres = session.get_bind().dialect.name == "postgresql"
    given = (_recordset if postgres else _json_each)(bindparam("rows", type_=Text))
    chosen = select_columns(
        *given,
        literal(now or clock.now(), type_=table.c.created_at.type),
        literal(0),
    ).where(true())  # SQLite: without a WHERE, its parser reads ON CONFLICT as a join's ON
    insert = postgresql.insert if postgres else sqlite.insert
    statement = (
        insert(table)
        .from_select([*_COLUMNS, "created_at", "attempts"], chosen)
        .on_conflict_do_nothing()
        .returning(table.c.id)
    )
    rows = json.dumps(
        [{name: getattr(c, name) for name in _COLUMNS} for c in unique], ensure_ascii=False
    )
    return len(session.execute(statement, {"rows": rows}).all())


_COLUMNS = {
    "user_id": Integer,
    "kind": Text,
    "subject": Text,
    "occasion": Text,
    "params": JSON,
    "link": Text,
}


def _recordset(rows: BindParameter[str]) -> list[ColumnElement[Any]]:
    """PostgreSQL: the JSON array as a table with typed columns."""
    table = (
        func.json_to_recordset(cast(rows, JSON))
        .table_valued(*(column(name, kind) for name, kind in _COLUMNS.items()))
        .render_derived(with_types=True)
    )
    return [table.c[name] for name in _COLUMNS]


def _json_each(rows: BindParameter[str]) -> list[ColumnElement[Any]]:
    """SQLite: one row per element of the JSON array, its fields read by json_extract (an
    object comes back as its JSON text, which is how SQLite stores a JSON column)."""
    each = func.json_each(rows).table_valued("value")
    return [
        type_coerce(func.json_extract(each.c.value, f"$.{name}"), kind)
        for name, kind in _COLUMNS.items()
    ]
