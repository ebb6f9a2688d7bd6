"""Proposals (kiến nghị, đề xuất) bodies send with their reports, and the leaders' directions
(ý kiến chỉ đạo) that answer them. A proposal waits until a leader has answered it."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from models import (
    Assignment,
    DirectionNote,
    Organization,
    ProgressReport,
    Section,
    Task,
    User,
    pk,
)
from services.core import audit, clock, guard, permissions, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput, NotFound
from services.core.labels import task_label
from services.core.permissions import Action
from services.core.query import select_columns, with_report_context
from services.core.rows import from_row
from services.notices import generate as notices


@dataclass(frozen=True)
class Proposal:
    report_id: int
    assignment_id: int
    organization_id: int
    organization_code: str
    organization_name: str
    task_label: str
    task_text: str
    period: str
    status: str
    percent: int
    result: str
    difficulties: str
    proposals: str
    author: str
    created_at: datetime
    direction: str = ""
    direction_by: str = ""
    direction_at: datetime | None = None
    closed: bool = False


def _query(answered: bool) -> Select[*tuple[Any, ...]]:
    answered_ids = select(DirectionNote.report_id)
    condition = (
        col(ProgressReport.id).in_(answered_ids)
        if answered
        else col(ProgressReport.id).not_in(answered_ids)
    )
    return (
        with_report_context(
            select_columns(
                ProgressReport,
                Assignment,
                Organization,
                Task,
                col(Section.ordinal),
                col(User.display_name),
            )
        )
        .outerjoin(User, col(User.id) == col(ProgressReport.author_id))
        .where(ProgressReport.proposals != "", condition)
    )


# a report with its assignment, body, task, section ordinal and author's name, as _query reads it
ProposalRow = tuple[ProgressReport, Assignment, Organization, Task, int, str | None]


def _proposal(row: ProposalRow, note: DirectionNote | None = None, note_by: str = "") -> Proposal:
    report, a, org, task, sec_ord, author = row
    return from_row(
        Proposal,
        report,
        report_id=pk(report),
        assignment_id=pk(a),
        organization_id=pk(org),
        organization_code=org.code,
        organization_name=org.name,
        task_label=task_label(sec_ord, task.ordinal),
        task_text=task.text,
        author=author or "",
        direction=note.text if note else "",
        direction_by=note_by,
        direction_at=note.created_at if note else None,
        closed=note.closed if note else False,
    )


def waiting(
    session: Session, *, actor: Actor, organization_id: int | None = None
) -> list[Proposal]:
    """Proposals no leader has answered yet, newest first."""
    permissions.require(actor, Action.READ)
    query = _query(answered=False)
    if organization_id is not None:
        query = query.where(Assignment.organization_id == organization_id)
    rows = session.exec(
        query.order_by(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc())
    ).all()
    return [_proposal(r) for r in rows]


def answered(
    session: Session, *, actor: Actor, organization_id: int | None = None, limit: int = 50
) -> list[Proposal]:
    """Proposals with their latest direction, the most recently answered first."""
    permissions.require(actor, Action.READ)
    query = _query(answered=True)
    if organization_id is not None:
        query = query.where(Assignment.organization_id == organization_id)
    rows = session.exec(query).all()
    notes: dict[int, tuple[DirectionNote, str]] = {}
    if rows:
        for note, name in session.exec(
            select(DirectionNote, User.display_name)
            .outerjoin(User, col(User.id) == col(DirectionNote.author_id))
            .where(col(DirectionNote.report_id).in_([r[0].id for r in rows]))
            .order_by(col(DirectionNote.created_at), col(DirectionNote.id))
        ):
            notes[note.report_id] = (note, name or "")  # the latest wins
    out = [_proposal(r, *notes[r[0].id]) for r in rows if r[0].id in notes]
    out.sort(key=lambda p: p.direction_at or p.created_at, reverse=True)
    return out[:limit]


def give_direction(
    session: Session,
    *,
    actor: Actor,
    report_id: int,
    text: str,
    closed: bool = False,
    now: datetime | None = None,
) -> DirectionNote:
    """A leader answers the proposal in a report; the body sees it on its task. Not on a
    closed directive, whose follow-up is over."""
    guard.require_current_account(session, actor)
    permissions.require(actor, Action.DIRECT)
    report = session.get(ProgressReport, report_id)
    if report is None or not report.proposals:
        raise NotFound("err.proposal_not_found", id=report_id)
    assignment = session.get(Assignment, report.assignment_id)
    if assignment is not None:
        guard.require_directive_open(session, task_id=assignment.task_id)
    body = validation.clean_text(
        text, limit=validation.TEXT_LIMIT, too_long="err.direction_too_long"
    )
    if not body:
        raise InvalidInput("err.direction_required")
    note = DirectionNote(
        report_id=pk(report),
        text=body,
        author_id=actor.id,
        closed=bool(closed),
        created_at=now or clock.now(),
    )
    event = audit.saved(
        session,
        actor,
        note,
        action="direction",
        entity="direction",
        after=audit.snapshot(note, ["report_id", "text", "closed"]),
    )
    event.organization_id = assignment.organization_id if assignment else None
    notices.for_direction(session, pk(note))  # the body is told at once, in this unit of work
    return note
