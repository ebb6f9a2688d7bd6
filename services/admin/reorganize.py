"""Bodies change: merge, split and rename with succession, history kept true.

From the effective day, a predecessor's open assignments are held by its successor: a new
assignment of the successor carries the predecessor's state ("move"), or, when the successor
already has the task, the two become one and both histories are shown ("merge",
models.AssignmentLink). Every assignment of the predecessor stops being held on that day
(`held_until`); its reports, figures and the directions given on them stay where they were
written, so any view as of an earlier day reads exactly what it read before. The predecessor
is closed (ended_on, inactive), never deleted; its accounts follow the successor or are
deactivated, as the caller chooses; targets it owned pass to the successor.

Every operation checks the role, validates everything before it writes, records one audit
event and never commits: the caller's unit of work does (a dry run is the same call rolled
back, so a preview shows exactly the numbers the change will have).
"""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from sqlmodel import Session, col, select

from models import (
    Assignment,
    AssignmentLink,
    Organization,
    OrganizationName,
    OrgKind,
    Section,
    Status,
    Succession,
    SuccessionKind,
    Target,
    Task,
    User,
)
from services.accounts import users as accounts
from services.admin import organizations
from services.core import audit, periods
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.labels import parse_task_label, task_label
from services.core.permissions import Action, require

AccountsChoice = Literal["move", "deactivate"]
ACCOUNT_CHOICES: tuple[AccountsChoice, ...] = ("move", "deactivate")


@dataclass
class Outcome:
    """What a reorganisation moved: the numbers the command line prints and the page
    previews."""

    kind: str
    successors: list[str]
    effective_on: date
    moved_assignments: int = 0
    merged_assignments: int = 0
    closed_bodies: list[str] = field(default_factory=list)
    accounts: dict[str, list[str]] = field(default_factory=lambda: {"moved": [], "deactivated": []})
    targets: int = 0
    # (task label, predecessor code, successor code, "move" | "merge" | "stays")
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "effective_on": self.effective_on.isoformat(),
            "successors": self.successors,
            "moved_assignments": self.moved_assignments,
            "merged_assignments": self.merged_assignments,
            "closed_bodies": self.closed_bodies,
            "accounts": self.accounts,
            "targets": self.targets,
        }


# ------------------------------------------------------------------------------ validation


def _body(session: Session, code: str) -> Organization:
    return organizations.get_body(session, code)


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _check_day(session: Session, org: Organization, on: date) -> None:
    """The day is neither before the body existed nor inside a period already closed."""
    if org.ended_on is not None:
        raise InvalidInput("err.reorg_closed_body", body=org.code, day=_day(org.ended_on))
    if org.started_on is not None and on <= org.started_on:
        raise InvalidInput(
            "err.reorg_before_start", body=org.code, day=_day(on), start=_day(org.started_on)
        )
    current = periods.current_period(session)
    if current is not None and on < current.starts_on:
        raise InvalidInput(
            "err.reorg_closed_period",
            day=_day(on),
            period=current.code,
            start=_day(current.starts_on),
        )


def _predecessors(session: Session, org_id: int) -> set[int]:
    """Every body `org_id` took over from, directly or through others."""
    seen: set[int] = set()
    frontier = [org_id]
    while frontier:
        found = session.exec(
            select(Succession.predecessor_id).where(col(Succession.successor_id).in_(frontier))
        ).all()
        frontier = [p for p in found if p not in seen]
        seen.update(frontier)
    return seen


def _check_successor(
    session: Session, successor: Organization, sources: Sequence[Organization]
) -> None:
    if successor.ended_on is not None or not successor.active:
        raise InvalidInput("err.reorg_successor_closed", body=successor.code)
    for src in sources:
        if src.id == successor.id:
            raise InvalidInput("err.reorg_into_itself", body=src.code)
    before = _predecessors(session, int(successor.id or 0))
    for src in sources:
        if src.id in before:
            raise InvalidInput("err.reorg_cycle", body=src.code, successor=successor.code)


def _distinct_codes(codes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for code in codes:
        code = (code or "").strip().upper()
        if code and code not in out:
            out.append(code)
    return out


# ------------------------------------------------------------------------------ effects


def _open_assignments(session: Session, org: Organization) -> list[tuple[Assignment, str]]:
    """The assignments `org` holds, each with its task label, in the directive's order."""
    rows = session.exec(
        select(Assignment, Section.ordinal, Task.ordinal)
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Section, col(Section.id) == col(Task.section_id))
        .where(Assignment.organization_id == org.id, col(Assignment.held_until).is_(None))
        .order_by(col(Section.directive_id), col(Section.ordinal), col(Task.ordinal))
    ).all()
    return [(a, task_label(sec, num)) for a, sec, num in rows]


def _take_over(
    session: Session,
    outcome: Outcome,
    assignment: Assignment,
    label: str,
    predecessor: Organization,
    successor: Organization,
    on: date,
) -> None:
    """`successor` holds `assignment`'s work from `on`; the predecessor's row keeps its history."""
    assignment.held_until = on
    session.add(assignment)
    if assignment.status == Status.DONE:
        outcome.rows.append((label, predecessor.code, predecessor.code, "stays"))
        return
    existing = session.exec(
        select(Assignment).where(
            Assignment.task_id == assignment.task_id, Assignment.organization_id == successor.id
        )
    ).first()
    if existing is not None and existing.held_until is not None:
        raise InvalidInput("err.reorg_task_given_up", body=successor.code, label=label)
    if existing is not None:
        kind = "merge"
        outcome.merged_assignments += 1
        target = existing
    else:
        kind = "move"
        outcome.moved_assignments += 1
        target = Assignment(
            task_id=assignment.task_id,
            organization_id=int(successor.id or 0),
            role=assignment.role,
            status=assignment.status,
            stuck=assignment.stuck,
            percent=assignment.percent,
            due_date_override=assignment.due_date_override,
            last_period=assignment.last_period,
            last_reported_at=assignment.last_reported_at,
            held_from=on,
        )
        session.add(target)
    session.flush()
    session.add(
        AssignmentLink(
            from_assignment_id=int(assignment.id or 0),
            to_assignment_id=int(target.id or 0),
            kind=kind,
            effective_on=on,
        )
    )
    outcome.rows.append((label, predecessor.code, successor.code, kind))


def _close(
    session: Session,
    outcome: Outcome,
    predecessor: Organization,
    successors: Sequence[Organization],
    kind: SuccessionKind,
    on: date,
    accounts_choice: AccountsChoice,
    accounts_to: Organization,
) -> None:
    predecessor.ended_on = on
    predecessor.active = False
    session.add(predecessor)
    for successor in successors:
        session.add(
            Succession(
                predecessor_id=int(predecessor.id or 0),
                successor_id=int(successor.id or 0),
                kind=kind.value,
                effective_on=on,
            )
        )
    outcome.closed_bodies.append(predecessor.code)
    people = list(session.exec(select(User).where(User.organization_id == predecessor.id)))
    for user in people:
        if accounts_choice == "move":
            user.organization_id = accounts_to.id
            outcome.accounts["moved"].append(user.username)
        else:
            user.active = False
            outcome.accounts["deactivated"].append(user.username)
        session.add(user)
    session.flush()
    accounts.end_sessions(session, [int(u.id or 0) for u in people])
    for target in session.exec(select(Target).where(Target.owner_id == predecessor.id)):
        target.owner_id = accounts_to.id
        session.add(target)
        outcome.targets += 1
    session.flush()


def _record(session: Session, actor: Actor, outcome: Outcome, entity_id: int | None) -> None:
    audit.record(
        session,
        actor=actor,
        action=f"reorganize_{outcome.kind}",
        entity="organization",
        entity_id=entity_id,
        after=outcome.as_json(),
    )


def _check_accounts(choice: str) -> AccountsChoice:
    for known in ACCOUNT_CHOICES:
        if choice == known:
            return known
    raise InvalidInput("err.reorg_accounts_choice", value=choice)


# ------------------------------------------------------------------------------ operations


def merge(
    session: Session,
    *,
    actor: Actor,
    sources: Sequence[str],
    into: str,
    on: date,
    new_name: str | None = None,
    new_kind: str | None = None,
    accounts: str = "move",
) -> Outcome:
    """`sources` end on `on` and `into` (an existing body, or a new one when `new_name` is
    given) takes over their open work, their accounts (or they are deactivated) and targets."""
    require(actor, Action.ADMINISTER)
    choice = _check_accounts(accounts)
    codes = _distinct_codes(sources)
    if not codes:
        raise InvalidInput("err.reorg_no_source")
    preds = [_body(session, code) for code in codes]
    for pred in preds:
        _check_day(session, pred, on)
    into_code = (into or "").strip().upper()
    if into_code in codes:
        raise InvalidInput("err.reorg_into_itself", body=into_code)
    existing = session.exec(select(Organization).where(Organization.code == into_code)).first()
    if existing is not None:
        if new_name:
            raise InvalidInput("err.reorg_new_exists", body=into_code)
        successor = existing
        _check_successor(session, successor, preds)
    else:
        if not new_name:
            _body(session, into_code)  # NotFound: one sentence naming the unknown code
        kind = new_kind or preds[0].kind
        if kind not in {k.value for k in OrgKind}:
            raise InvalidInput("err.org_kind_unknown", value=kind)
        successor = organizations.create_body(
            session, actor=actor, code=into_code, name=new_name or "", kind=kind
        )
        successor.started_on = on
        session.add(successor)
    outcome = Outcome(kind=SuccessionKind.MERGE.value, successors=[successor.code], effective_on=on)
    for pred in preds:
        for assignment, label in _open_assignments(session, pred):
            _take_over(session, outcome, assignment, label, pred, successor, on)
    for pred in preds:
        _close(session, outcome, pred, [successor], SuccessionKind.MERGE, on, choice, successor)
    _record(session, actor, outcome, successor.id)
    return outcome


def split(
    session: Session,
    *,
    actor: Actor,
    source: str,
    into: Sequence[str],
    on: date,
    plan: Mapping[str, str] | None = None,
    accounts: str = "move",
    accounts_to: str | None = None,
) -> Outcome:
    """`source` ends on `on`; each of its open assignments goes to the successor `plan`
    names for its task label (task label -> body code; with one successor, all go to it).
    Accounts and owned targets go to `accounts_to` (default: the first successor)."""
    require(actor, Action.ADMINISTER)
    choice = _check_accounts(accounts)
    pred = _body(session, source)
    _check_day(session, pred, on)
    codes = _distinct_codes(into)
    if not codes:
        raise InvalidInput("err.reorg_no_successor")
    successors = [_body(session, code) for code in codes]
    for successor in successors:
        _check_successor(session, successor, [pred])
    by_code = {s.code: s for s in successors}
    wanted = {
        (label or "").strip(): (code or "").strip().upper() for label, code in (plan or {}).items()
    }
    for label, code in wanted.items():
        if code not in by_code:
            raise InvalidInput("err.reorg_plan_body", label=label, body=code)
    held = _open_assignments(session, pred)
    labels = {label for _, label in held}
    for label in wanted:
        if label not in labels:
            raise InvalidInput("err.reorg_plan_task", label=label, body=pred.code)
    for assignment, label in held:
        if assignment.status != Status.DONE and label not in wanted and len(successors) > 1:
            raise InvalidInput("err.reorg_plan_gap", label=label, body=pred.code)
    keeper = by_code.get((accounts_to or "").strip().upper(), successors[0])
    if accounts_to and keeper.code != accounts_to.strip().upper():
        raise InvalidInput("err.reorg_plan_body", label="-", body=accounts_to)
    outcome = Outcome(kind=SuccessionKind.SPLIT.value, successors=codes, effective_on=on)
    for assignment, label in held:
        successor = by_code[wanted[label]] if label in wanted else successors[0]
        _take_over(session, outcome, assignment, label, pred, successor, on)
    _close(session, outcome, pred, successors, SuccessionKind.SPLIT, on, choice, keeper)
    _record(session, actor, outcome, pred.id)
    return outcome


def rename(session: Session, *, actor: Actor, code: str, name: str, on: date) -> Outcome:
    """From `on` the body is called `name`; views of earlier days keep the old name."""
    require(actor, Action.ADMINISTER)
    org = _body(session, code)
    _check_day(session, org, on)
    new = organizations._clean_name(name)
    if taken := organizations._name_taken(session, new, other_than=org.id):
        raise InvalidInput("err.org_name_taken", value=new, other=taken)
    former = session.exec(
        select(OrganizationName)
        .where(OrganizationName.organization_id == org.id)
        .order_by(col(OrganizationName.valid_until).desc())
    ).first()
    if former is not None and on <= former.valid_until:
        raise InvalidInput("err.reorg_before_rename", body=org.code, day=_day(former.valid_until))
    if new == org.name:
        raise InvalidInput("err.reorg_same_name", body=org.code)
    session.add(
        OrganizationName(
            organization_id=int(org.id or 0),
            name=org.name,
            valid_from=former.valid_until if former is not None else org.started_on,
            valid_until=on,
        )
    )
    before = org.name
    org.name = new
    outcome = Outcome(kind=SuccessionKind.RENAME.value, successors=[org.code], effective_on=on)
    audit.saved(
        session,
        actor,
        org,
        action="reorganize_rename",
        entity="organization",
        before={"name": before},
        after={**outcome.as_json(), "name": new},
    )
    return outcome


def read_plan(data: bytes, *, name: str = "plan.csv") -> dict[str, str]:
    """A split plan from CSV (UTF-8, comma or semicolon): task label, successor code per
    line; a first line that is not a task label is a header."""
    text = data.decode("utf-8-sig", errors="replace")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    plan: dict[str, str] = {}
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for number, row in enumerate(reader, 1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InvalidInput("err.reorg_plan_file", path=name, line=number)
        try:
            parse_task_label(cells[0])
        except InvalidInput:
            if number == 1:
                continue  # the header
            raise InvalidInput("err.reorg_plan_file", path=name, line=number) from None
        plan[cells[0]] = cells[1].upper()
    return plan


def open_work(session: Session, code: str) -> list[str]:
    """The task labels of a body's open assignments: what a split must give to someone."""
    body = organizations.get_body(session, code)
    return [
        label
        for assignment, label in _open_assignments(session, body)
        if assignment.status != Status.DONE
    ]
