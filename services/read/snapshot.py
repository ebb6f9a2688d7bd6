"""The leadership read model: every assignment's state as of a day, filtered once, so that
every figure on a page agrees with every other.

Today's state is read from the assignment rows (each keeps its latest report); an earlier
day's state is rebuilt from the report history in one windowed query.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, Self, TypedDict, TypeVar

from sqlalchemy import and_, func
from sqlalchemy.sql.elements import ColumnElement, SQLCoreOperations
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from models import (
    Assignment,
    DirectionNote,
    Directive,
    Organization,
    ProgressReport,
    Section,
    Status,
    Task,
    Timeliness,
    pk,
)
from services.core import clock, periods
from services.core.labels import task_label
from services.core.query import select_columns, with_report_context
from services.core.timeliness import Reading, completion_day
from services.read import succession


class _Narrowable(Protocol):
    """A select statement (of rows, columns or ids) that _scope narrows with WHERE."""

    def where(self, *whereclause: ColumnElement[bool] | bool) -> Self: ...


_Query = TypeVar("_Query", bound=_Narrowable)


@dataclass(frozen=True)
class Filters:
    directive_id: int
    period: str  # the as-of reporting period, e.g. 2022-Q4
    as_of: date | None = None  # a day inside `period` to freeze the figures at; None: its end
    area: str | None = None
    org_kind: str | None = None
    organization_id: int | None = None


@dataclass(frozen=True)
class AssignmentState:
    assignment_id: int
    task_id: int
    section_ordinal: int
    task_label: str
    task_text: str
    area: str
    cadence: str
    organization_id: int
    organization_code: str
    organization_name: str
    organization_kind: str
    role: str
    status: str
    stuck: bool
    percent: int
    due_date: date | None
    completed_on: date | None
    last_period: str | None
    last_reported_at: datetime | None
    timeliness: Timeliness


@dataclass(frozen=True)
class PendingProposal:
    report_id: int
    assignment_id: int
    organization_code: str
    organization_name: str
    task_label: str
    proposals: str
    difficulties: str
    raised_on: date
    days_waiting: int


@dataclass
class Snapshot:
    filters: Filters
    as_of: date
    live: bool  # read from the assignments (today) or rebuilt from history
    rows: list[AssignmentState] = field(default_factory=list)


def as_of_day(period: str, today: date | None = None) -> date:
    """Figures for a period are read at its last day, or today while it is still running."""
    return min(periods.bounds(period)[1], today or clock.today())


def filters_as_of(f: Filters, today: date | None = None) -> date:
    """The day the filters read the figures at: their frozen day, else the period's end."""
    day = as_of_day(f.period, today)
    return min(f.as_of, day) if f.as_of else day


def frozen(
    directive_id: int,
    day: date,
    *,
    area: str | None = None,
    org_kind: str | None = None,
    organization_id: int | None = None,
) -> Filters:
    """Filters for "as it stood on `day`"."""
    return Filters(
        directive_id=directive_id,
        period=periods.quarter_of(day),
        as_of=day,
        area=area,
        org_kind=org_kind,
        organization_id=organization_id,
    )


def list_directives(session: Session) -> list[Directive]:
    return list(session.exec(select(Directive).order_by(col(Directive.id))))


def _is_live(session: Session, period: str) -> bool:
    current = periods.current_period(session)
    return current is None or period >= current.code


def _scope(query: _Query, f: Filters, day: date | None = None) -> _Query:
    """The filters' conditions; with `day`, only the assignments their body held that day
    (the structure of that day: services.read.succession)."""
    query = query.where(Section.directive_id == f.directive_id)
    if day is not None:
        query = query.where(succession.held_on(day))
    if f.area:
        query = query.where(Task.area == f.area)
    if f.org_kind:
        query = query.where(Organization.kind == f.org_kind)
    if f.organization_id:
        query = query.where(Organization.id == f.organization_id)
    return query


def snapshot(
    session: Session, f: Filters, *, today: date | None = None, from_history: bool = False
) -> Snapshot:
    """Every assignment in scope with its state and timeliness as of the period's end.
    `from_history` rebuilds even the current state from the reports (used to check that the
    two agree)."""
    as_of = filters_as_of(f, today)
    frozen_earlier = f.as_of is not None and f.as_of < (today or clock.today())
    live = _is_live(session, f.period) and not from_history and not frozen_earlier
    base: list[SQLCoreOperations[Any]] = [
        col(Assignment.id),
        col(Assignment.task_id),
        col(Section.ordinal),
        col(Task.ordinal),
        col(Task.text),
        col(Task.area),
        col(Task.cadence),
        col(Organization.id),
        col(Organization.code),
        col(Organization.name),
        col(Organization.kind),
        col(Assignment.role),
        col(Assignment.due_date_override),
        col(Task.due_date),
    ]
    query = select_columns(
        *base,
        col(Assignment.status),
        col(Assignment.stuck),
        col(Assignment.percent),
        col(Assignment.completed_on),
        col(Assignment.last_period),
        col(Assignment.last_reported_at),
    )
    joined = query.select_from(Assignment)
    history = None
    if not live:
        history = succession.carry_moves(
            _history_states(session, clock.end_of_day(as_of), f.directive_id),
            succession.moved_from(session),
        )
    former_names = succession.names_on(session, as_of)
    query = _scope(
        joined.join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id)),
        f,
        as_of,
    ).order_by(col(Section.ordinal), col(Task.ordinal), col(Organization.sort_order))
    snap = Snapshot(filters=f, as_of=as_of, live=live)
    when = Reading(f.period, as_of)
    for row in session.exec(query):
        (
            aid,
            task_id,
            sec,
            task_ord,
            text,
            area,
            cadence,
            org_id,
            code,
            name,
            kind,
            role,
            override,
            task_due,
            status,
            stuck,
            percent,
            completed,
            last_period,
            reported_at,
        ) = row
        if history is not None:  # the state as it stood then, from the reports
            status, stuck, percent, completed, last_period, reported_at = history.get(
                aid, (Status.NOT_STARTED.value, False, 0, None, None, None)
            )
            completed = completion_day(completed, last_period) if completed else None
        if status != Status.DONE:
            completed = None
        due = override or task_due
        tl = when.timeliness(
            cadence=cadence,
            status=status,
            due_date=due,
            completed_on=completed,
            last_period=last_period,
        )
        snap.rows.append(
            AssignmentState(
                assignment_id=aid,
                task_id=task_id,
                section_ordinal=sec,
                task_label=task_label(sec, task_ord),
                task_text=text,
                area=area,
                cadence=cadence,
                organization_id=org_id,
                organization_code=code,
                organization_name=former_names.get(org_id, name),
                organization_kind=kind,
                role=role,
                status=status,
                stuck=bool(stuck) and status != Status.DONE,
                percent=int(percent),
                due_date=due,
                completed_on=completed,
                last_period=last_period,
                last_reported_at=reported_at,
                timeliness=tl,
            )
        )
    return snap


def _in_directive(directive_id: int) -> SelectOfScalar[int | None]:
    """The ids of a directive's assignments, so history queries read only its reports."""
    return (
        select(col(Assignment.id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .where(Section.directive_id == directive_id)
    )


def _history_states(
    session: Session, cutoff: datetime, directive_id: int
) -> dict[int, tuple[str, bool, int, datetime | None, str, datetime]]:
    """assignment id -> (status, stuck, percent, first done at, period, reported at) of its
    latest report by `cutoff`: two queries, each returning at most one row per assignment."""
    mine = col(ProgressReport.assignment_id).in_(_in_directive(directive_id))
    ranked = (
        select_columns(
            col(ProgressReport.assignment_id),
            col(ProgressReport.status),
            col(ProgressReport.stuck),
            col(ProgressReport.percent),
            col(ProgressReport.period),
            col(ProgressReport.created_at),
            func.row_number()
            .over(
                partition_by=col(ProgressReport.assignment_id),
                order_by=(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc()),
            )
            .label("rn"),
        )
        .where(ProgressReport.created_at <= cutoff, mine)
        .subquery("ranked")
    )
    first_done = dict(
        session.exec(
            select(ProgressReport.assignment_id, func.min(ProgressReport.created_at))
            .where(ProgressReport.created_at <= cutoff, ProgressReport.status == Status.DONE, mine)
            .group_by(col(ProgressReport.assignment_id))
        ).all()
    )
    latest = session.exec(
        select_columns(
            ranked.c.assignment_id,
            ranked.c.status,
            ranked.c.stuck,
            ranked.c.percent,
            ranked.c.period,
            ranked.c.created_at,
        ).where(ranked.c.rn == 1)
    )
    return {
        aid: (status, stuck, percent, first_done.get(aid), period, created)
        for aid, status, stuck, percent, period, created in latest
    }


def report_stream(
    session: Session, f: Filters, *, today: date | None = None
) -> list[tuple[int, datetime, str, int, str]]:
    """(assignment id, created at, status, percent, period) of every report in scope by the
    as-of day, oldest first: one query, for folds over time such as the trend."""
    day = filters_as_of(f, today)
    cutoff = clock.end_of_day(day)
    query = _scope(
        with_report_context(
            select_columns(
                col(ProgressReport.assignment_id),
                col(ProgressReport.created_at),
                col(ProgressReport.status),
                col(ProgressReport.percent),
                col(ProgressReport.period),
            )
        ).where(ProgressReport.created_at <= cutoff),
        f,
    ).order_by(col(ProgressReport.created_at), col(ProgressReport.id))
    return list(session.exec(query))


def waiting_proposals(
    session: Session, f: Filters, *, today: date | None = None
) -> list[PendingProposal]:
    """Proposals raised by the as-of day that no direction had answered by then, oldest first."""
    as_of = filters_as_of(f, today)
    cutoff = clock.end_of_day(as_of)
    answered = (
        select(DirectionNote.id)
        .where(DirectionNote.report_id == ProgressReport.id, DirectionNote.created_at <= cutoff)
        .exists()
    )
    query = _scope(
        with_report_context(
            select_columns(
                col(ProgressReport.id),
                col(Assignment.id),
                col(Organization.code),
                col(Organization.name),
                col(Section.ordinal),
                col(Task.ordinal),
                col(ProgressReport.proposals),
                col(ProgressReport.difficulties),
                col(ProgressReport.created_at),
            )
        ).where(ProgressReport.proposals != "", ProgressReport.created_at <= cutoff, ~answered),
        f,
    ).order_by(col(ProgressReport.created_at), col(ProgressReport.id))
    out = []
    for rid, aid, code, name, sec, task_ord, proposals, difficulties, created in session.exec(
        query
    ):
        raised = clock.day_of(created)
        out.append(
            PendingProposal(
                rid,
                aid,
                code,
                name,
                task_label(sec, task_ord),
                proposals,
                difficulties,
                raised,
                (as_of - raised).days,
            )
        )
    return out


def _has_report(period: str, day: date) -> ColumnElement[bool]:
    """The assignment has a report for `period` sent by the end of `day` (an index lookup)."""
    return (
        select(ProgressReport.id)
        .where(
            ProgressReport.assignment_id == Assignment.id,
            ProgressReport.period == period,
            ProgressReport.created_at <= clock.end_of_day(day),
        )
        .exists()
    )


def bodies_reported(session: Session, f: Filters, *, today: date | None = None) -> set[int]:
    """Ids of the bodies in scope that sent at least one report for the as-of period."""
    day = filters_as_of(f, today)
    # From the directive's assignments to their reports (an index lookup each), never from
    # every report of the period across all directives.
    query = _scope(
        select(col(Organization.id))
        .distinct()
        .select_from(Assignment)
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id))
        .where(_has_report(f.period, day)),
        f,
        day,
    )
    return {org_id for org_id in session.exec(query) if org_id is not None}


def bodies_reported_in(
    session: Session, directive_ids: list[int], period: str, *, today: date | None = None
) -> set[int]:
    """The union of bodies_reported over these directives (no other filter), in one query.
    From each body to its first reported assignment: a body that has reported costs a lookup
    or two, where going from every assignment of every directive cost one each (0.3 s with
    100 directives)."""
    day = as_of_day(period, today)
    reported_one = (
        select(Assignment.id)
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .where(
            Assignment.organization_id == Organization.id,
            col(Section.directive_id).in_(directive_ids),
            succession.held_on(day),
            _has_report(period, day),
        )
        .exists()
    )
    return {
        org_id
        for org_id in session.exec(select(col(Organization.id)).where(reported_one))
        if org_id is not None
    }


class ReportWithDirections(TypedDict):
    report: ProgressReport
    directions: list[DirectionNote]


def report_history(session: Session, assignment_id: int) -> list[ReportWithDirections]:
    """One assignment's reports, newest first, each with the directions given on it."""
    reports = session.exec(
        select(ProgressReport)
        .where(ProgressReport.assignment_id == assignment_id)
        .order_by(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc())
    ).all()
    directions: dict[int, list[DirectionNote]] = {}
    if reports:
        for d in session.exec(
            select(DirectionNote)
            .where(col(DirectionNote.report_id).in_([r.id for r in reports]))
            .order_by(col(DirectionNote.created_at))
        ):
            directions.setdefault(d.report_id, []).append(d)
    return [{"report": r, "directions": directions.get(pk(r), [])} for r in reports]


def latest_reports(
    session: Session, f: Filters, *, today: date | None = None
) -> dict[int, ProgressReport]:
    """Each assignment's latest report by the as-of day (one windowed query)."""
    cutoff = clock.end_of_day(filters_as_of(f, today))
    ranked = (
        select(
            ProgressReport.id,
            func.row_number()
            .over(
                partition_by=col(ProgressReport.assignment_id),
                order_by=(col(ProgressReport.created_at).desc(), col(ProgressReport.id).desc()),
            )
            .label("rn"),
        )
        .where(
            ProgressReport.created_at <= cutoff,
            col(ProgressReport.assignment_id).in_(_in_directive(f.directive_id)),
        )
        .subquery()
    )
    query = _scope(
        select(ProgressReport)
        .join(ranked, and_(ranked.c.id == ProgressReport.id, ranked.c.rn == 1))
        .join(Assignment, col(Assignment.id) == col(ProgressReport.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .join(Organization, col(Organization.id) == col(Assignment.organization_id)),
        f,
    )
    return {r.assignment_id: r for r in session.exec(query)}


def partners_by_task(session: Session, directive_id: int) -> dict[int, list[str]]:
    """Task id -> names of its partner bodies, in the bodies' order."""
    out: dict[int, list[str]] = {}
    for task_id, name in session.exec(
        select(Assignment.task_id, Organization.name)
        .join(Organization, col(Organization.id) == col(Assignment.organization_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .where(Section.directive_id == directive_id, Assignment.role == "partner")
        .order_by(col(Organization.sort_order))
    ):
        out.setdefault(task_id, []).append(name)
    return out
