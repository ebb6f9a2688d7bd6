"""The directive as written: its sections and tasks, as plain rows."""

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Assignment, AssignmentRole, Directive, Organization, Section, Task, pk
from services.core.labels import task_label
from services.core.query import by_key


@dataclass(frozen=True)
class DirectiveRow:
    id: int
    code: str
    kind: str
    number: str | None
    issued_date: date | None
    title: str
    issuer: str
    signer: str
    is_open: bool
    sections: int
    tasks: int


@dataclass(frozen=True)
class SectionInfo:
    id: int
    ordinal: int
    label: str
    heading: str


@dataclass(frozen=True)
class OutlineTask:
    label: str
    text: str
    area: str
    cadence: str
    due_date: date | None
    leads: int
    partners: tuple[str, ...]


@dataclass(frozen=True)
class SectionRow:
    ordinal: int
    label: str
    heading: str
    tasks: tuple[OutlineTask, ...]


def outline(session: Session, *, directive_id: int) -> list[SectionRow]:
    """Sections and tasks in order, with lead counts and partner names: three queries. The
    bodies are today's (an assignment handed to a successor counts once, for the successor)."""
    held = col(Assignment.held_until).is_(None)
    sections = session.exec(
        select(Section)
        .where(col(Section.directive_id) == directive_id)
        .order_by(col(Section.ordinal))
    ).all()
    tasks = session.exec(
        select(Task)
        .join(Section)
        .where(Section.directive_id == directive_id)
        .order_by(col(Task.section_id), col(Task.ordinal))
    ).all()
    lead_counts = by_key(
        session,
        select(Assignment.task_id, func.count())
        .join(Task)
        .join(Section)
        .where(Section.directive_id == directive_id, Assignment.role == AssignmentRole.LEAD, held)
        .group_by(col(Assignment.task_id)),
    )
    partners: dict[int, list[str]] = {}
    for task_id, name in session.exec(
        select(Assignment.task_id, Organization.name)
        .join(Organization)
        .join(Task)
        .join(Section)
        .where(
            Section.directive_id == directive_id, Assignment.role == AssignmentRole.PARTNER, held
        )
        .order_by(col(Organization.sort_order))
    ):
        partners.setdefault(task_id, []).append(name)
    by_section: dict[int, list[OutlineTask]] = {}
    ordinal_of = {s.id: s.ordinal for s in sections}
    for task in tasks:
        by_section.setdefault(task.section_id, []).append(
            OutlineTask(
                label=task_label(ordinal_of[task.section_id], task.ordinal),
                text=task.text,
                area=task.area,
                cadence=task.cadence,
                due_date=task.due_date,
                leads=int(lead_counts.get(pk(task), 0)),
                partners=tuple(partners.get(pk(task), [])),
            )
        )
    return [
        SectionRow(s.ordinal, s.label, s.heading, tuple(by_section.get(pk(s), [])))
        for s in sections
    ]


class DirectiveHeader(TypedDict):
    kind: str
    number: str | None
    title: str
    issued_date: date | None
    issuer: str
    signer: str


def header(session: Session, directive_id: int) -> DirectiveHeader | None:
    d = session.get(Directive, directive_id)
    if d is None:
        return None
    return {
        "kind": d.kind,
        "number": d.number,
        "title": d.title,
        "issued_date": d.issued_date,
        "issuer": d.issuer,
        "signer": d.signer,
    }


def list_directives(session: Session) -> list[DirectiveRow]:
    directives = session.exec(select(Directive).order_by(col(Directive.id))).all()
    sections = by_key(
        session,
        select(col(Section.directive_id), func.count()).group_by(col(Section.directive_id)),
    )
    tasks = by_key(
        session,
        select(Section.directive_id, func.count())
        .select_from(Task)
        .join(Section)
        .group_by(col(Section.directive_id)),
    )
    return [
        DirectiveRow(
            pk(d),
            d.code,
            d.kind,
            d.number,
            d.issued_date,
            d.title,
            d.issuer,
            d.signer,
            d.is_open,
            int(sections.get(pk(d), 0)),
            int(tasks.get(pk(d), 0)),
        )
        for d in directives
    ]


def sections_of(session: Session, directive_id: int) -> list[SectionInfo]:
    """The directive's sections in order."""
    rows = session.exec(
        select(Section)
        .where(col(Section.directive_id) == directive_id)
        .order_by(col(Section.ordinal))
    )
    return [SectionInfo(pk(s), s.ordinal, s.label, s.heading) for s in rows]
