"""Progress reports and the assignment's current state.

The assignment keeps a copy of its latest report's status so that roll-ups read one row per
assignment and never the history.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models import (
    Assignment,
    AssignmentRole,
    DirectionNote,
    Organization,
    ProgressReport,
    Section,
    Status,
    Task,
    Timeliness,
    User,
    pk,
)
from services.core import audit, clock, guard, periods, permissions, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput, StaleUpdate
from services.core.labels import label_order, task_label
from services.core.permissions import Action
from services.core.query import found, ids
from services.core.rows import from_row
from services.core.timeliness import Reading, completion_day, reported_in_period


def apply_report(assignment: Assignment, report: ProgressReport, *, reported_at: datetime) -> None:
    """Make `report` the assignment's current state and bump its version."""
    assignment.status = report.status
    assignment.stuck = report.stuck
    assignment.percent = report.percent
    assignment.last_period = report.period
    assignment.last_reported_at = reported_at
    if report.status == Status.DONE and assignment.completed_on is None:
        assignment.completed_on = completion_day(reported_at, report.period)
    elif report.status != Status.DONE:
        assignment.completed_on = None
    assignment.version += 1


# --- writing a report ----------------------------------------------------------------------

# The assignment's current state: what a report changes, and what the audit log keeps.
STATE_FIELDS = [
    "status",
    "stuck",
    "percent",
    "completed_on",
    "last_period",
    "last_reported_at",
    "version",
]


@dataclass(frozen=True)
class ReportInput:
    """What the report form holds, as typed."""

    period: str
    status: str
    percent: object
    result: str = ""
    difficulties: str = ""
    proposals: str = ""
    evidence_number: str = ""
    evidence_date: date | None = None
    evidence_link: str = ""
    confirm_done_below_100: bool = False  # "Hoàn thành" below 100%, confirmed by the user


def submit_report(
    session: Session,
    *,
    actor: Actor,
    assignment_id: int,
    expected_version: int,
    data: ReportInput,
    now: datetime | None = None,
) -> ProgressReport:
    """Record a progress report and make it the assignment's current state, with an audit
    event holding the state before and after, in the caller's unit of work.

    Checks, in order: the assignment exists; the actor's account is as it was when it signed
    in (active, same role and body, its body active); the actor may report for the
    assignment's body; the directive is open and the body active; the input is valid; nobody
    has reported on it since the form was opened (`expected_version`). The
    last is an atomic conditional UPDATE, so of many concurrent reports from one version
    exactly one wins and the others get StaleUpdate; nothing is written for them."""
    now = now or clock.now()
    assignment = found(
        session, Assignment, assignment_id, "err.assignment_not_found", id=assignment_id
    )
    guard.require_current_account(session, actor)
    permissions.require(actor, Action.REPORT, organization_id=assignment.organization_id)
    guard.require_directive_open(session, task_id=assignment.task_id)
    guard.require_body_active(session, assignment.organization_id)
    report = _validated_report(session, assignment, data, today=clock.today(now))
    if assignment.version != expected_version:
        raise _stale(session, assignment)

    before = audit.snapshot(assignment, STATE_FIELDS)
    new_state = Assignment.model_validate(assignment.model_dump())  # a detached copy
    apply_report(new_state, report, reported_at=now)
    changes = {f: getattr(new_state, f) for f in STATE_FIELDS}
    changes["version"] = expected_version + 1
    updated = session.exec(
        update(Assignment)
        .where(col(Assignment.id) == assignment_id, col(Assignment.version) == expected_version)
        .values(**changes)
        .execution_options(synchronize_session=False)
    )
    if updated.rowcount != 1:
        session.expire(assignment)
        raise _stale(session, assignment)
    session.expire(assignment)

    report.assignment_id = assignment_id
    report.author_id = actor.id
    report.on_behalf = actor.organization_id != new_state.organization_id
    report.created_at = now
    session.add(report)
    session.flush()
    event = audit.record(
        session,
        actor=actor,
        action="report",
        entity="assignment",
        entity_id=assignment_id,
        before=before,
        after={
            **audit.snapshot(new_state, STATE_FIELDS),
            "version": expected_version + 1,
            "report_id": report.id,
            "on_behalf": report.on_behalf,
        },
    )
    event.organization_id = new_state.organization_id
    return report


def _stale(session: Session, assignment: Assignment) -> StaleUpdate:
    """The refusal for a form opened before someone else's report, saying who and when."""
    latest = session.exec(
        select(ProgressReport, User.display_name)
        .outerjoin(User, col(User.id) == col(ProgressReport.author_id))
        .where(ProgressReport.assignment_id == assignment.id)
        .order_by(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc())
    ).first()
    if latest is None:
        return StaleUpdate("err.stale_report_unknown")
    report, name = latest
    return StaleUpdate(
        "err.stale_report",
        who=name or "?",
        at=clock.local(report.created_at).strftime("%H:%M %d/%m/%Y"),
        period=report.period,
        percent=report.percent,
    )


def _validated_report(
    session: Session, assignment: Assignment, data: ReportInput, *, today: date
) -> ProgressReport:
    """The report the input describes, or InvalidInput for the first thing wrong with it."""
    period = validation.check_period(session, data.period, today=today)
    if (
        assignment.last_period
        and periods.bounds(period)[0] < periods.bounds(assignment.last_period)[0]
    ):
        raise InvalidInput("err.period_before_last", value=period, last=assignment.last_period)
    if data.status not in {s.value for s in Status}:
        raise InvalidInput("err.status_unknown", value=str(data.status)[:40])
    percent = _percent(data.percent)
    texts: dict[str, Any] = {  # what the body wrote, each part cleaned by the one rule
        part: validation.clean_text(
            getattr(data, part), limit=validation.TEXT_LIMIT, too_long=f"err.{part}_too_long"
        )
        for part in ("result", "difficulties", "proposals")
    }
    evidence_number = validation.clean_text(
        data.evidence_number,
        limit=validation.SHORT_LIMIT,
        too_long="err.evidence_number_too_long",
        one_line=True,
    )
    evidence_link = validation.clean_link(data.evidence_link)
    if data.evidence_date is not None and data.evidence_date > today:
        raise InvalidInput(
            "err.evidence_date_future", value=data.evidence_date.strftime("%d/%m/%Y")
        )
    if data.status != assignment.status and not texts["result"]:
        raise InvalidInput("err.result_required")
    if data.status == Status.DONE and percent < 100 and not data.confirm_done_below_100:
        raise InvalidInput("err.done_below_100", percent=percent)
    return ProgressReport(
        assignment_id=pk(assignment),
        period=period,
        status=data.status,
        stuck=data.status != Status.DONE and bool(texts["difficulties"] or texts["proposals"]),
        percent=percent,
        **texts,
        evidence_number=evidence_number,
        evidence_date=data.evidence_date,
        evidence_link=evidence_link,
    )


def _percent(value: object) -> int:
    try:
        number = validation.parse_number(value)
    except InvalidInput:
        raise InvalidInput("err.percent_range", value=str(value)[:20]) from None
    if not 0 <= number <= 100 or number != int(number):
        raise InvalidInput("err.percent_range", value=str(value)[:20])
    return int(number)


# --- reading a body's assignments ------------------------------------------------------------

DUE_SOON_DAYS = 14


class Urgency(StrEnum):
    """Why an assignment needs attention, most urgent first."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NOT_REPORTED = "not_reported"
    IN_PROGRESS = "in_progress"
    DONE = "done"


URGENCY_ORDER = list(Urgency)


@dataclass(frozen=True)
class AssignmentRow:
    assignment_id: int
    organization_id: int
    organization_code: str
    task_id: int
    task_label: str
    task_text: str
    cadence: str
    role: str
    status: str
    stuck: bool
    percent: int
    due_date: date | None
    last_period: str | None
    version: int
    timeliness: Timeliness
    urgency: Urgency


@dataclass(frozen=True)
class DirectionView:
    text: str
    author: str
    closed: bool
    created_at: datetime


@dataclass(frozen=True)
class ReportView:
    id: int
    organization_code: str
    organization_name: str
    period: str
    status: str
    stuck: bool
    percent: int
    result: str
    difficulties: str
    proposals: str
    evidence_number: str
    evidence_date: date | None
    evidence_link: str
    author: str
    on_behalf: bool
    created_at: datetime
    directions: list[DirectionView] = field(default_factory=list)


def reading(session: Session, *, today: date | None = None) -> Reading:
    """The day assignments are read on: the end of the current period, or today if that comes
    first (a demo's history ends in its own past)."""
    today = today or clock.today()
    current = periods.current_period(session)
    if current is None:
        return Reading(periods.quarter_of(today), today)
    return Reading(current.code, min(current.ends_on, today))


def urgency(
    row_status: str, tl: Timeliness, due: date | None, reported: bool, as_of: date
) -> Urgency:
    if row_status == Status.DONE:
        return Urgency.DONE
    if tl == Timeliness.OVERDUE:
        return Urgency.OVERDUE
    if due is not None and (due - as_of).days <= DUE_SOON_DAYS:
        return Urgency.DUE_SOON
    if not reported:
        return Urgency.NOT_REPORTED
    return Urgency.IN_PROGRESS


def body_assignments(
    session: Session, *, actor: Actor, organization_id: int, today: date | None = None
) -> list[AssignmentRow]:
    """A body's assignments, most urgent first: overdue, due within 14 days, not reported this
    period, in progress, done; then by deadline and task."""
    permissions.require(actor, Action.READ, organization_id=organization_id)
    when = reading(session, today=today)
    query = (
        select(Assignment, Task, Section.ordinal, Organization.code)
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id))
        .where(Assignment.organization_id == organization_id)
    )
    rows = []
    for a, task, sec_ord, code in session.exec(query):
        due = a.due_date_override or task.due_date
        tl = when.timeliness(
            cadence=task.cadence,
            status=a.status,
            due_date=due,
            completed_on=a.completed_on,
            last_period=a.last_period,
        )
        reported = reported_in_period(task.cadence, a.last_period, when.current_period)
        rows.append(
            from_row(
                AssignmentRow,
                a,
                assignment_id=pk(a),
                organization_code=code,
                task_id=pk(task),
                task_label=task_label(sec_ord, task.ordinal),
                task_text=task.text,
                cadence=task.cadence,
                due_date=due,
                timeliness=tl,
                urgency=urgency(a.status, tl, due, reported, when.as_of),
            )
        )
    rows.sort(
        key=lambda r: (
            URGENCY_ORDER.index(r.urgency),
            r.due_date or date.max,
            label_order(r.task_label),
        )
    )
    return rows


def reports_on_assignment(
    session: Session, *, actor: Actor, assignment_id: int, limit: int = 8
) -> list[ReportView]:
    """The latest reports on one assignment, newest first, each with the leaders' directions."""
    permissions.require(actor, Action.READ)
    return _report_views(session, [assignment_id], limit)


def reports_of_lead(
    session: Session, *, actor: Actor, assignment_id: int, limit: int = 4
) -> list[ReportView]:
    """For a partner's assignment: the lead bodies' latest reports on the same task."""
    permissions.require(actor, Action.READ)
    mine = session.get(Assignment, assignment_id)
    if mine is None or mine.role != AssignmentRole.PARTNER:
        return []
    leads = session.exec(
        select(col(Assignment.id)).where(
            Assignment.task_id == mine.task_id, Assignment.role == AssignmentRole.LEAD
        )
    ).all()
    return _report_views(session, ids(leads), limit)


def _report_views(session: Session, assignment_ids: list[int], limit: int) -> list[ReportView]:
    if not assignment_ids:
        return []
    rows = session.exec(
        select(ProgressReport, Organization.code, Organization.name, User.display_name)
        .join(Assignment, col(Assignment.id) == col(ProgressReport.assignment_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id))
        .outerjoin(User, col(User.id) == col(ProgressReport.author_id))
        .where(col(ProgressReport.assignment_id).in_(assignment_ids))
        .order_by(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc())
        .limit(limit)
    ).all()
    notes: dict[int, list[DirectionView]] = {}
    if rows:
        for note, name in session.exec(
            select(DirectionNote, User.display_name)
            .outerjoin(User, col(User.id) == col(DirectionNote.author_id))
            .where(col(DirectionNote.report_id).in_([r.id for r, *_ in rows]))
            .order_by(col(DirectionNote.created_at))
        ):
            notes.setdefault(note.report_id, []).append(
                DirectionView(note.text, name or "", note.closed, note.created_at)
            )
    return [
        from_row(
            ReportView,
            r,
            id=pk(r),
            organization_code=code,
            organization_name=org_name,
            author=author or "",
            directions=notes.get(pk(r), []),
        )
        for r, code, org_name, author in rows
    ]


def reporting_bodies(session: Session) -> list[tuple[int, str, str]]:
    """(id, code, name) of the active bodies that have assignments, in the usual order."""
    found = session.exec(
        select(col(Organization.id), col(Organization.code), col(Organization.name))
        .where(
            Organization.active == True,  # noqa: E712
            col(Organization.id).in_(select(col(Assignment.organization_id))),
        )
        .order_by(col(Organization.sort_order), col(Organization.code))
    ).all()
    return [(org_id, code, name) for org_id, code, name in found if org_id is not None]


def open_periods(session: Session, *, today: date | None = None) -> list[str]:
    return validation.open_periods(session, today=today or clock.today())


def report_periods(open_codes: list[str], *, last_period: str | None) -> list[str]:
    """The open periods a new report on an assignment may be for: none before its last one."""
    if not last_period:
        return list(open_codes)
    floor = periods.bounds(last_period)[0]
    return [code for code in open_codes if periods.bounds(code)[0] >= floor]
