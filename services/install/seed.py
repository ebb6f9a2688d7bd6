"""Loading the real directive (idempotent) and the demo installation."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

import seed_data
from models import (
    AppSetting,
    Assignment,
    AssignmentRole,
    Directive,
    Organization,
    OrgKind,
    ReportingPeriod,
    Section,
    Target,
    Task,
    pk,
)
from services.core import audit, clock, periods
from services.core.actor import Actor
from services.core.labels import task_label
from services.core.permissions import Action, require

SECTION_ONE_KINDS = (OrgKind.PROVINCIAL, OrgKind.DISTRICT)


@dataclass
class SeedResult:
    added: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, n: int = 1) -> None:
        self.added[what] = self.added.get(what, 0) + n

    @property
    def changed(self) -> bool:
        return any(self.added.values())

    def finish(self, session: Session, actor: Actor, action: str) -> "SeedResult":
        """Record what the run added (if anything) as one audit event, and write it all."""
        if self.changed:
            audit.record(
                session,
                actor=actor,
                action=action,
                entity="database",
                entity_id=None,
                after=dict(self.added),
            )
        session.flush()
        return self


def seed_reference(session: Session, *, actor: Actor, today: date | None = None) -> SeedResult:
    """Bodies, the directive with its assignments and targets, and a current reporting period.
    A second run adds nothing. `actor`: the secretariat (the command line's SYSTEM)."""
    require(actor, Action.ADMINISTER)
    result = SeedResult()
    orgs = _seed_organizations(session, result)
    _seed_directive(session, orgs, result)
    if session.exec(select(ReportingPeriod)).first() is None:
        ensure_periods(session, [periods.quarter_of(today or clock.today())], current=None)
        result.add("reporting_periods")
    return result.finish(session, actor, "seed")


def _seed_organizations(session: Session, result: SeedResult) -> dict[str, Organization]:
    existing = {o.code: o for o in session.exec(select(Organization))}
    for order, row in enumerate(seed_data.load_organizations(), start=1):
        if row["code"] in existing:
            continue
        org = Organization(
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            sort_order=order,
            note=row["evidence"],
        )
        session.add(org)
        existing[org.code] = org
        result.add("organizations")
    session.flush()
    return existing


def _seed_directive(session: Session, orgs: dict[str, Organization], result: SeedResult) -> None:
    data = seed_data.load_directive()
    if session.exec(select(Directive).where(Directive.code == data["code"])).first():
        return
    directive = Directive(
        code=data["code"],
        kind=data["kind"],
        number=data["number"],
        title=data["title"],
        issued_date=date.fromisoformat(data["issued_date"]) if data["issued_date"] else None,
        issuer=data["issuer"],
        signer=data["signer"],
        preamble=data["preamble"],
        original_text=seed_data.load_directive_text(),
    )
    session.add(directive)
    session.flush()
    result.add("directives")
    bodies_of_section_one = section_one(orgs)
    tasks_by_label: dict[str, Task] = {}
    for s in data["sections"]:
        section = section_row(pk(directive), s)
        session.add(section)
        session.flush()
        result.add("sections")
        leads = bodies_of_section_one if s["lead"] == seed_data.ALL_BODIES else [orgs[s["lead"]]]
        for t in s["tasks"]:
            task = task_row(pk(section), t)
            session.add(task)
            session.flush()
            result.add("tasks")
            tasks_by_label[task_label(s["ordinal"], t["ordinal"])] = task
            lead_ids = {o.id for o in leads}
            for org in leads:
                session.add(
                    Assignment(task_id=pk(task), organization_id=pk(org), role=AssignmentRole.LEAD)
                )
                result.add("lead_assignments")
            for code in t["partners"]:
                if orgs[code].id not in lead_ids:
                    session.add(
                        Assignment(
                            task_id=pk(task),
                            organization_id=pk(orgs[code]),
                            role=AssignmentRole.PARTNER,
                        )
                    )
                    result.add("partner_assignments")
    for tg in data["targets"]:
        session.add(target_row(pk(directive), tg, orgs, tasks_by_label[tg["task"]].id))
        result.add("targets")
    session.flush()


def section_one(orgs: dict[str, Organization]) -> list[Organization]:
    """The active bodies section 1 of the directive fans out to (provincial and district)."""
    return [o for o in orgs.values() if o.kind in SECTION_ONE_KINDS and o.active]


def section_row(directive_id: int, s: dict[str, Any]) -> Section:
    """A section of the directive, from the seed data."""
    return Section(directive_id=directive_id, **_columns(s, "ordinal label heading"))


def _columns(data: dict[str, Any], names: str) -> dict[str, Any]:
    """The seed data's values for the columns `names` (space-separated), stored as they are."""
    return {name: data[name] for name in names.split()}


def task_row(section_id: int, t: dict[str, Any]) -> Task:
    """A task of a section, from the seed data."""
    return Task(
        section_id=section_id,
        **_columns(t, "ordinal text area cadence"),
        due_date=date.fromisoformat(t["due_date"]) if t["due_date"] else None,
    )


def target_row(
    directive_id: int, tg: dict[str, Any], orgs: dict[str, Organization], task_id: int | None
) -> Target:
    """A target of the directive, from the seed data (its owner a body, or every body)."""
    return Target(
        directive_id=directive_id,
        **_columns(tg, "code name unit kind direction value period_type scope"),
        owner_id=None if tg["owner"] == seed_data.ALL_BODIES else orgs[tg["owner"]].id,
        task_id=task_id,
        source_text=tg["source"],
    )


def ensure_periods(session: Session, codes: list[str], *, current: str | None) -> None:
    """Create the quarters that are missing; make `current` (or the latest, if none is
    current yet) the current one. Reports are due 10 days after a quarter ends."""
    existing = {p.code: p for p in session.exec(select(ReportingPeriod))}
    for code in codes:
        if code not in existing:
            start, end = periods.bounds(code)
            deadline = date.fromordinal(end.toordinal() + 10)
            existing[code] = ReportingPeriod(
                code=code, starts_on=start, ends_on=end, report_deadline=deadline
            )
            session.add(existing[code])
    if current is None and not any(p.is_current for p in existing.values()):
        current = max(existing)
    if current is not None:
        for p in existing.values():
            p.is_current = p.code == current
    session.flush()


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(AppSetting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(AppSetting, key) or AppSetting(key=key)
    row.value = value
    session.add(row)
