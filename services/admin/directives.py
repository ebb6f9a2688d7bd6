"""Keeping a directive right after it was imported or seeded: its own fields, its tasks, who is
assigned to them, and whether it is still open. Anything that bodies have already reported on
is kept: such a task or assignment cannot be removed (close the directive instead)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import (
    Assignment,
    AssignmentRole,
    Cadence,
    Directive,
    Organization,
    ProgressReport,
    ReformArea,
    Section,
    Target,
    Task,
    pk,
)
from services.core import audit, clock, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput, StaleUpdate
from services.core.labels import task_label
from services.core.optimistic import update_if_unchanged
from services.core.permissions import Action, require
from services.core.query import by_key, found

_DIRECTIVE_FIELDS = ["kind", "number", "issued_date", "title", "issuer", "signer", "is_open"]
_TASK_FIELDS = ["text", "area", "cadence", "due_date"]


@dataclass(frozen=True)
class TaskAdminRow:
    id: int
    section_id: int
    label: str
    text: str
    area: str
    cadence: str
    due_date: date | None
    leads: tuple[str, ...]  # body codes
    partners: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentAdminRow:
    id: int
    code: str
    name: str
    role: str
    reports: int


# ----------------------------------------------------------------------------- reading


def tasks_of(session: Session, directive_id: int) -> list[TaskAdminRow]:
    """Every task of the directive with its lead and partner codes: two queries."""
    rows = session.exec(
        select(Task, Section)
        .join(Section)
        .where(Section.directive_id == directive_id)
        .order_by(col(Section.ordinal), col(Task.ordinal))
    ).all()
    who: dict[int, dict[str, list[str]]] = {}
    for task_id, role, code in session.exec(
        select(Assignment.task_id, Assignment.role, Organization.code)
        .join(Organization)
        .join(Task)
        .join(Section)
        .where(Section.directive_id == directive_id)
        .order_by(col(Organization.sort_order))
    ):
        who.setdefault(task_id, {}).setdefault(role, []).append(code)
    return [
        TaskAdminRow(
            pk(t),
            pk(s),
            task_label(s.ordinal, t.ordinal),
            t.text,
            t.area,
            t.cadence,
            t.due_date,
            tuple(who.get(pk(t), {}).get(AssignmentRole.LEAD, [])),
            tuple(who.get(pk(t), {}).get(AssignmentRole.PARTNER, [])),
        )
        for t, s in rows
    ]


def assignments_of(session: Session, task_id: int) -> list[AssignmentAdminRow]:
    reports = by_key(
        session,
        select(ProgressReport.assignment_id, func.count())
        .join(Assignment)
        .where(Assignment.task_id == task_id)
        .group_by(col(ProgressReport.assignment_id)),
    )
    rows = session.exec(
        select(Assignment, Organization)
        .join(Organization)
        .where(Assignment.task_id == task_id)
        .order_by(col(Assignment.role), col(Organization.sort_order))
    ).all()
    return [
        AssignmentAdminRow(pk(a), o.code, o.name, a.role, int(reports.get(pk(a), 0)))
        for a, o in rows
    ]


# ----------------------------------------------------------------------------- the directive


def _directive(session: Session, directive_id: int) -> Directive:
    return found(session, Directive, directive_id, "err.directive_unknown", value=directive_id)


def update_directive(
    session: Session,
    *,
    actor: Actor,
    directive_id: int,
    kind: str,
    number: str | None,
    issued_date: date | None,
    title: str,
    issuer: str = "",
    signer: str = "",
) -> Directive:
    require(actor, Action.ADMINISTER)
    directive = _directive(session, directive_id)
    kind = validation.clean(kind, one_line=True)
    title = validation.clean(title, one_line=True)
    number = validation.clean(number, one_line=True) or None
    issuer = validation.clean(issuer, one_line=True)
    signer = validation.clean(signer, one_line=True)
    if not kind:
        raise InvalidInput("err.import_no_kind")
    if not title:
        raise InvalidInput("err.import_no_title")
    for value, limit in ((kind, 40), (title, 500), (number, 60), (issuer, 200), (signer, 200)):
        if len(value or "") > limit:
            raise InvalidInput("err.text_too_long", n=limit, start=(value or "")[:40])
    if issued_date is not None and issued_date > clock.today():
        raise InvalidInput("err.date_in_future", day=issued_date.strftime("%d/%m/%Y"))
    before = audit.snapshot(directive, _DIRECTIVE_FIELDS)
    directive.kind, directive.number, directive.issued_date = kind, number, issued_date
    directive.title, directive.issuer, directive.signer = title, issuer, signer
    after = audit.snapshot(directive, _DIRECTIVE_FIELDS)
    if after != before:
        audit.saved(
            session,
            actor,
            directive,
            action="update",
            entity="directive",
            before=before,
            after=after,
        )
    return directive


def set_directive_open(
    session: Session, *, actor: Actor, directive_id: int, is_open: bool
) -> Directive:
    """Close a directive whose work is over (reports are no longer asked for), or reopen it."""
    require(actor, Action.ADMINISTER)
    directive = _directive(session, directive_id)
    if directive.is_open == is_open:
        return directive
    audit.switched(
        session, actor, directive, "is_open", is_open, entity="directive", verbs=("open", "close")
    )
    return directive


# ----------------------------------------------------------------------------- tasks


def _check_task_fields(text: str, area: str, cadence: str) -> str:
    text = validation.clean(text)
    if not text:
        raise InvalidInput("err.task_text_empty")
    if area not in {a.value for a in ReformArea}:
        raise InvalidInput("err.task_area_unknown", value=area)
    if cadence not in {c.value for c in Cadence}:
        raise InvalidInput("err.task_cadence_unknown", value=cadence)
    return text


def _body(session: Session, code: str) -> Organization:
    org = session.exec(
        select(Organization).where(Organization.code == (code or "").strip().upper())
    ).first()
    if org is None:
        raise InvalidInput("err.org_unknown", value=code)
    if not org.active:
        raise InvalidInput("err.org_inactive", value=org.code)
    return org


def add_task(
    session: Session,
    *,
    actor: Actor,
    section_id: int,
    text: str,
    area: str,
    cadence: str,
    due_date: date | None = None,
    lead_codes: list[str] | None = None,
) -> Task:
    """A task at the end of its section, with its lead bodies."""
    require(actor, Action.ADMINISTER)
    found(session, Section, section_id, "err.section_unknown", value=section_id)
    text = _check_task_fields(text, area, cadence)
    leads = [_body(session, code) for code in dict.fromkeys(lead_codes or [])]
    last = session.exec(select(func.max(Task.ordinal)).where(Task.section_id == section_id)).one()
    task = Task(
        section_id=section_id,
        ordinal=int(last or 0) + 1,
        text=text,
        area=area,
        cadence=cadence,
        due_date=due_date,
    )
    audit.saved(
        session,
        actor,
        task,
        action="create",
        entity="task",
        after={**audit.snapshot(task, _TASK_FIELDS), "leads": [o.code for o in leads]},
    )
    for org in leads:
        session.add(Assignment(task_id=pk(task), organization_id=pk(org), role=AssignmentRole.LEAD))
    session.flush()
    return task


def update_task(
    session: Session,
    *,
    actor: Actor,
    task_id: int,
    text: str,
    area: str,
    cadence: str,
    due_date: date | None,
    expected_text: str | None = None,
) -> Task:
    """`expected_text` is the text the form showed: StaleUpdate if someone changed it since."""
    require(actor, Action.ADMINISTER)
    task = found(session, Task, task_id, "err.task_unknown", value=task_id)
    if expected_text is not None and task.text != expected_text:
        raise StaleUpdate("err.stale_admin", what=task.text[:60])
    text = _check_task_fields(text, area, cadence)
    before = audit.snapshot(task, _TASK_FIELDS)
    changes = {"text": text, "area": area, "cadence": cadence, "due_date": due_date}
    after = audit.snapshot(Task.model_validate({**task.model_dump(), **changes}), _TASK_FIELDS)
    if after != before:
        shown = {field: getattr(task, field) for field in _TASK_FIELDS}
        if not update_if_unchanged(session, task, expected=shown, changes=changes):
            raise StaleUpdate("err.stale_admin", what=task.text[:60])
        audit.changed(
            session, actor, task, action="update", entity="task", before=before, after=after
        )
    return task


def _reports_on_task(session: Session, task_id: int) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(ProgressReport)
            .join(Assignment)
            .where(Assignment.task_id == task_id)
        ).one()
    )


def remove_task(session: Session, *, actor: Actor, task_id: int) -> None:
    """Remove a task nobody has reported on (a line the import got wrong)."""
    require(actor, Action.ADMINISTER)
    task = found(session, Task, task_id, "err.task_unknown", value=task_id)
    if n := _reports_on_task(session, task_id):
        raise InvalidInput("err.task_has_reports", n=n)
    before = audit.snapshot(task, ["section_id", "ordinal", *_TASK_FIELDS])
    for target in session.exec(select(Target).where(Target.task_id == task_id)):
        target.task_id = None
        session.add(target)
    for assignment in session.exec(select(Assignment).where(Assignment.task_id == task_id)):
        session.delete(assignment)
    session.flush()
    session.delete(task)
    session.flush()
    audit.record(
        session, actor=actor, action="delete", entity="task", entity_id=task_id, before=before
    )


# ----------------------------------------------------------------------------- assignments


def add_assignment(
    session: Session, *, actor: Actor, task_id: int, organization_code: str, role: str
) -> Assignment:
    require(actor, Action.ADMINISTER)
    found(session, Task, task_id, "err.task_unknown", value=task_id)
    if role not in {r.value for r in AssignmentRole}:
        raise InvalidInput("err.assignment_role_unknown", value=role)
    org = _body(session, organization_code)
    existing = session.exec(
        select(Assignment).where(
            Assignment.task_id == task_id, Assignment.organization_id == org.id
        )
    ).first()
    if existing is not None:
        raise InvalidInput("err.assignment_exists", name=org.name)
    assignment = Assignment(task_id=task_id, organization_id=pk(org), role=role)
    audit.saved(
        session,
        actor,
        assignment,
        action="create",
        entity="assignment",
        after={"task_id": task_id, "organization": org.code, "role": role},
    )
    return assignment


def remove_assignment(session: Session, *, actor: Actor, assignment_id: int) -> None:
    require(actor, Action.ADMINISTER)
    assignment = found(
        session, Assignment, assignment_id, "err.assignment_unknown", value=assignment_id
    )
    reports = session.exec(
        select(func.count())
        .select_from(ProgressReport)
        .where(ProgressReport.assignment_id == assignment_id)
    ).one()
    if reports:
        raise InvalidInput("err.assignment_has_reports", n=int(reports))
    org = session.get(Organization, assignment.organization_id)
    before = {
        "task_id": assignment.task_id,
        "organization": org.code if org else None,
        "role": assignment.role,
    }
    session.delete(assignment)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delete",
        entity="assignment",
        entity_id=assignment_id,
        before=before,
    )
