"""The read side: assignments as plain rows with their timeliness, and pure roll-ups."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from models import (
    Assignment,
    Directive,
    Organization,
    ReportingPeriod,
    Section,
    Status,
    Task,
    Timeliness,
)
from services import periods
from services.timeliness import timeliness


@dataclass(frozen=True)
class AssignmentRow:
    assignment_id: int
    section_ordinal: int
    task_label: str
    organization_code: str
    organization_name: str
    organization_kind: str
    role: str
    status: str
    stuck: bool
    percent: int
    due_date: date | None
    timeliness: Timeliness


@dataclass(frozen=True)
class SectionRollup:
    ordinal: int
    label: str
    heading: str
    tasks: int
    assignments: int
    done: int
    mean_percent: float
    by_timeliness: dict[str, int]


def current_period(session: Session) -> ReportingPeriod | None:
    return session.exec(select(ReportingPeriod).where(ReportingPeriod.is_current == True)).first()  # noqa: E712


def as_of_day(period: ReportingPeriod | None, today: date | None = None) -> date:
    """Figures are read at the end of the current period, or today if that is earlier."""
    today = today or date.today()
    return min(period.ends_on, today) if period else today


def directives(session: Session) -> list[Directive]:
    return list(session.exec(select(Directive).order_by(Directive.id)))


def assignment_rows(
    session: Session, *, directive_id: int, current: str, as_of: date
) -> list[AssignmentRow]:
    """Every assignment of a directive in one query, classified as of `as_of`."""
    query = (
        select(
            Assignment,
            Task.ordinal,
            Task.cadence,
            Task.due_date,
            Section.ordinal,
            Organization.code,
            Organization.name,
            Organization.kind,
        )
        .join(Task, Task.id == Assignment.task_id)
        .join(Section, Section.id == Task.section_id)
        .join(Organization, Organization.id == Assignment.organization_id)
        .where(Section.directive_id == directive_id)
        .order_by(Section.ordinal, Task.ordinal, Organization.sort_order)
    )
    rows = []
    for a, task_ord, cadence, task_due, sec_ord, code, name, kind in session.exec(query):
        due = a.due_date_override or task_due
        rows.append(
            AssignmentRow(
                assignment_id=a.id,
                section_ordinal=sec_ord,
                task_label=f"{sec_ord}.{task_ord}",
                organization_code=code,
                organization_name=name,
                organization_kind=kind,
                role=a.role,
                status=a.status,
                stuck=a.stuck,
                percent=a.percent,
                due_date=due,
                timeliness=timeliness(
                    cadence=cadence,
                    status=a.status,
                    due_date=due,
                    completed_on=a.completed_on,
                    last_period=a.last_period,
                    current_period=current,
                    as_of=as_of,
                ),
            )
        )
    return rows


def section_rollup(
    session: Session, *, directive_id: int, rows: list[AssignmentRow]
) -> list[SectionRollup]:
    tasks_per_section = dict(
        session.exec(
            select(Section.ordinal, func.count(Task.id))
            .join(Task, Task.section_id == Section.id)
            .where(Section.directive_id == directive_id)
            .group_by(Section.ordinal)
        ).all()
    )
    sections = session.exec(
        select(Section).where(Section.directive_id == directive_id).order_by(Section.ordinal)
    ).all()
    out = []
    for s in sections:
        mine = [r for r in rows if r.section_ordinal == s.ordinal]
        out.append(
            SectionRollup(
                ordinal=s.ordinal,
                label=s.label,
                heading=s.heading,
                tasks=int(tasks_per_section.get(s.ordinal, 0)),
                assignments=len(mine),
                done=sum(r.status == Status.DONE for r in mine),
                mean_percent=round(sum(r.percent for r in mine) / len(mine), 1) if mine else 0.0,
                by_timeliness=dict(Counter(r.timeliness.value for r in mine)),
            )
        )
    return out


def timeliness_counts(rows: list[AssignmentRow]) -> dict[str, int]:
    counts = Counter(r.timeliness.value for r in rows)
    return {t.value: counts.get(t.value, 0) for t in Timeliness}


def period_label(period: ReportingPeriod | None) -> str:
    return period.code if period else periods.quarter_of(date.today())
