"""The structure of a day: which body held an assignment, what a body was called, who took
over from whom. Every view as of a day asks here, so that history keeps the structure it had
(services/admin/reorganize.py writes it)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import Session, col, select

from models import Assignment, AssignmentLink, Organization, OrganizationName, Succession


def held_on(day: date) -> ColumnElement[bool]:
    """The assignments their body held on `day` (a condition for a query over Assignment)."""
    return and_(
        or_(col(Assignment.held_from).is_(None), col(Assignment.held_from) <= day),
        or_(col(Assignment.held_until).is_(None), col(Assignment.held_until) > day),
    )


def names_on(session: Session, day: date) -> dict[int, str]:
    """Body id -> the name it had on `day`, for the bodies renamed since (others: their name)."""
    rows = session.exec(
        select(OrganizationName).where(
            OrganizationName.valid_until > day,
            or_(
                col(OrganizationName.valid_from).is_(None), col(OrganizationName.valid_from) <= day
            ),
        )
    ).all()
    return {int(r.organization_id): r.name for r in rows}


def change_days(session: Session) -> list[date]:
    """The days on which some assignment changed hands, in order: two days hold the same
    assignments exactly when the same number of these days fall on or before each."""
    starts = session.exec(select(col(Assignment.held_from)).distinct()).all()
    ends = session.exec(select(col(Assignment.held_until)).distinct()).all()
    return sorted({day for day in (*starts, *ends) if day is not None})


def moved_from(session: Session) -> dict[int, int]:
    """Assignment id -> the predecessor's assignment it was made to carry on (a "move"): its
    state, until the successor reports, is the predecessor's latest."""
    return {
        int(to): int(frm)
        for frm, to in session.exec(
            select(AssignmentLink.from_assignment_id, AssignmentLink.to_assignment_id).where(
                AssignmentLink.kind == "move"
            )
        )
    }


def carry_moves(history: dict[int, Any], moves: dict[int, int]) -> dict[int, Any]:
    """`history` (assignment id -> its latest state by a day) with each moved assignment that
    has no report of its own given its predecessor's (through a chain of moves)."""
    out = dict(history)
    for to in moves:
        if to in out:
            continue
        frm: int | None = moves.get(to)
        seen: set[int] = set()
        while frm is not None and frm not in seen:
            seen.add(frm)
            if frm in history:
                out[to] = history[frm]
                break
            frm = moves.get(frm)
    return out


@dataclass(frozen=True)
class Link:
    """A succession as a page shows it: the other body, the kind, the day."""

    code: str
    name: str
    kind: str
    effective_on: date


# the other body's code and name, the kind and the day, in Link's order
_LINK_COLUMNS = (
    col(Organization.code),
    col(Organization.name),
    col(Succession.kind),
    col(Succession.effective_on),
)


def predecessors(session: Session, organization_id: int) -> list[Link]:
    rows = session.exec(
        select(*_LINK_COLUMNS)
        .join(Organization, col(Organization.id) == col(Succession.predecessor_id))
        .where(Succession.successor_id == organization_id)
        .order_by(col(Succession.effective_on), col(Organization.sort_order))
    ).all()
    return [Link(*r) for r in rows]


def successors(session: Session, organization_id: int) -> list[Link]:
    rows = session.exec(
        select(*_LINK_COLUMNS)
        .join(Organization, col(Organization.id) == col(Succession.successor_id))
        .where(Succession.predecessor_id == organization_id)
        .order_by(col(Organization.sort_order))
    ).all()
    return [Link(*r) for r in rows]


@dataclass(frozen=True)
class Note:
    """What a successor took over by a day: "gồm A, B (sáp nhập từ 01/03/2025)"."""

    kind: str
    names: list[str]
    effective_on: date


def notes_on(session: Session, day: date) -> dict[int, Note]:
    """Successor id -> the bodies it took over by `day` (the latest change, its kind)."""
    rows = session.exec(
        select(
            col(Succession.successor_id),
            col(Succession.kind),
            col(Succession.effective_on),
            col(Organization.name),
        )
        .join(Organization, col(Organization.id) == col(Succession.predecessor_id))
        .where(Succession.effective_on <= day)
        .order_by(col(Succession.effective_on), col(Organization.sort_order))
    ).all()
    out: dict[int, Note] = {}
    for successor_id, kind, effective_on, name in rows:
        note = out.get(successor_id)
        if note is None or note.effective_on != effective_on or note.kind != kind:
            out[successor_id] = Note(kind, [name], effective_on)
        else:
            note.names.append(name)
    return out
