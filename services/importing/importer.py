"""Importing a directive from its text: read, parse against the body list, save in one unit of
work. The command line and the import page both come through here.

    parsed = importer.parse_document(session, data, "ke-hoach.pdf")   # nothing written
    result = importer.save(session, actor=actor, parsed=parsed)        # everything or nothing
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import insert
from sqlmodel import Session, col, select

from models import (
    Assignment,
    AssignmentRole,
    Cadence,
    Directive,
    Organization,
    ReformArea,
    Section,
    Target,
    TargetKind,
    Task,
    pk,
)
from services.core import audit, clock, validation
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.permissions import Action, require
from services.importing.body_names import loose_fold
from services.importing.parser import (
    NUMBER_KINDS,
    ParsedDirective,
    ParsedSection,
    ParsedTask,
    ProposedTarget,
    as_json,
    parse_text,
)
from services.importing.reader import SourceText, read_document, read_pasted
from services.read.bodies import BodyRef, list_bodies

ProgressFn = Callable[[float], None]

__all__ = [
    "ImportResult",
    "ParsedDirective",
    "ParsedSection",
    "ParsedTask",
    "ProposedTarget",
    "add_named_body",
    "as_json",
    "parse_document",
    "parse_pasted",
    "save",
]


# A directive has 40 tasks, a plan a few hundred; each task fans out to up to 29 bodies.
MAX_TASKS = 1_000


def parse_source(
    source: SourceText, bodies: list[BodyRef], *, on_progress: ProgressFn | None = None
) -> ParsedDirective:
    parsed = parse_text(
        source.text,
        bodies,
        wrapped=source.wrapped,
        on_progress=on_progress,
        tables=source.tables,
    )
    _check_task_count(parsed.task_count)
    return parsed


def _check_task_count(n: int) -> None:
    validation.require_at_most(n, MAX_TASKS, "err.import_too_many_tasks")


def parse_document(
    session: Session,
    data: bytes,
    filename: str = "",
    *,
    on_progress: ProgressFn | None = None,
) -> ParsedDirective:
    """Read a file's bytes and parse them against the database's bodies. Writes nothing."""
    source = read_document(data, filename, on_progress=on_progress)
    return parse_source(source, list_bodies(session))


def parse_pasted(session: Session, text: str) -> ParsedDirective:
    return parse_source(read_pasted(text), list_bodies(session))


# ----------------------------------------------------------------------------- saving


@dataclass(frozen=True)
class ImportResult:
    directive_id: int
    code: str
    sections: int
    tasks: int
    lead_assignments: int
    partner_assignments: int
    targets: int

    def counts(self) -> dict[str, str | int]:
        """What the saved message says (imp.saved, cli.import_saved): the code and the counts."""
        return {
            "code": self.code,
            "sections": self.sections,
            "tasks": self.tasks,
            "leads": self.lead_assignments,
            "partners": self.partner_assignments,
            "targets": self.targets,
        }


_AREAS = {a.value for a in ReformArea}
_CADENCES = {c.value for c in Cadence}
_TARGET_KINDS = {k.value for k in TargetKind}
_VALUED = {TargetKind.AT_LEAST, TargetKind.AT_MOST, TargetKind.EXACTLY}
_STEPS = 20  # progress is reported about this many times, after each batch of tasks


def save(
    session: Session,
    *,
    actor: Actor,
    parsed: ParsedDirective,
    on_progress: ProgressFn | None = None,
) -> ImportResult:
    """Write the (possibly edited) directive with its sections, tasks, assignments and targets.
    Everything is checked before the first write; the caller's unit of work commits once, so
    an error or an interruption midway leaves nothing behind."""
    require(actor, Action.ADMINISTER)
    parsed = _cleaned(parsed)
    sections = [s for s in parsed.sections if s.include]
    orgs = _check(session, parsed, sections)

    directive = Directive(
        code=_new_code(session, parsed),
        kind=(parsed.kind or "").strip(),  # never empty: _check refused that above
        number=(parsed.number or "").strip() or None,
        title=parsed.title.strip(),
        issued_date=parsed.issued_date,
        issuer=(parsed.issuer or "")[:200],
        signer=(parsed.signer or "")[:200],
        preamble=parsed.preamble or "",
        original_text=parsed.original_text or "",
    )
    session.add(directive)
    session.flush()
    total = sum(len(s.tasks) for s in sections)
    section_rows = [
        Section(
            directive_id=pk(directive),
            ordinal=ordinal,
            label=(s.label or "").strip()[:20],
            heading=(s.heading or "").strip()[:500],
        )
        for ordinal, s in enumerate(sections, start=1)
    ]
    session.add_all(section_rows)
    session.flush()
    # (parsed task, its section, its row): written in batches, each flushed with its
    # assignments in a few multi-row INSERTs, progress reported after each batch
    pending = [
        (pt, s, pk(section), task_ordinal)
        for s, section in zip(sections, section_rows, strict=True)
        for task_ordinal, pt in enumerate(s.tasks, start=1)
    ]
    leads = partners = 0
    task_by_label: dict[str, Task] = {}
    leads_by_label: dict[str, list[str]] = {}
    size = max(10, len(pending) // _STEPS)
    for first in range(0, len(pending), size):
        batch = pending[first : first + size]
        rows = [
            Task(
                section_id=section_id,
                ordinal=task_ordinal,
                text=pt.text.strip(),
                area=pt.area,
                cadence=pt.cadence,
                due_date=pt.due_date,
            )
            for pt, _s, section_id, task_ordinal in batch
        ]
        session.add_all(rows)
        session.flush()
        # plain rows, one multi-row INSERT: thousands of assignments need no ORM objects
        assignments: list[dict[str, object]] = []
        for (pt, s, _section_id, _ordinal), task in zip(batch, rows, strict=True):
            task_by_label[pt.label] = task
            lead_codes = _unique(pt.leads or s.bodies)
            leads_by_label[pt.label] = lead_codes
            for code in lead_codes:
                assignments.append(
                    {
                        "task_id": task.id,
                        "organization_id": orgs[code].id,
                        "role": AssignmentRole.LEAD.value,
                    }
                )
                leads += 1
            for code in _unique(pt.partners):
                if code not in lead_codes:
                    assignments.append(
                        {
                            "task_id": task.id,
                            "organization_id": orgs[code].id,
                            "role": AssignmentRole.PARTNER.value,
                        }
                    )
                    partners += 1
        if assignments:
            session.execute(insert(Assignment), assignments)
        if on_progress:
            on_progress(min(first + size, total) / max(total, 1))
    for n, proposed in enumerate(parsed.targets, start=1):
        target_task = task_by_label.get(proposed.task_label)
        owners = leads_by_label.get(proposed.task_label, [])
        session.add(
            Target(
                directive_id=pk(directive),
                code=f"CT{n:02d}",
                name=_target_name(proposed.text),
                unit=proposed.unit[:20],
                kind=proposed.kind,
                direction=proposed.direction,
                value=proposed.value if proposed.kind in _VALUED else None,
                period_type=(
                    proposed.period_type if proposed.period_type in {"year", "quarter"} else "year"
                ),
                scope="per_body" if len(owners) > 1 else "province",
                owner_id=orgs[owners[0]].id if len(owners) == 1 else None,
                task_id=target_task.id if target_task else None,
                source_text=proposed.text,
            )
        )
    session.flush()
    result = ImportResult(
        directive_id=pk(directive),
        code=directive.code,
        sections=len(sections),
        tasks=total,
        lead_assignments=leads,
        partner_assignments=partners,
        targets=len(parsed.targets),
    )
    audit.changed(
        session,
        actor,
        directive,
        action="import",
        entity="directive",
        after={
            "code": directive.code,
            "kind": directive.kind,
            "number": directive.number,
            "title": directive.title,
            "sections": result.sections,
            "tasks": result.tasks,
            "lead_assignments": leads,
            "partner_assignments": partners,
            "targets": result.targets,
        },
    )
    return result


def _cleaned(parsed: ParsedDirective) -> ParsedDirective:
    """The parse (perhaps edited in the preview) with every text cleaned by the one rule, before
    it is checked: a document's control or invisible characters are not stored."""

    def line(value: str | None) -> str:
        return validation.clean(value, one_line=True)

    return replace(
        parsed,
        kind=line(parsed.kind) or None,
        number=line(parsed.number) or None,
        title=line(parsed.title),
        issuer=line(parsed.issuer),
        signer=line(parsed.signer),
        preamble=validation.clean(parsed.preamble),
        original_text=validation.clean(parsed.original_text),
        sections=[
            replace(
                s,
                label=line(s.label),
                heading=line(s.heading),
                tasks=[
                    replace(t, label=line(t.label), text=validation.clean(t.text)) for t in s.tasks
                ],
            )
            for s in parsed.sections
        ],
        targets=[
            replace(
                t,
                text=validation.clean(t.text),
                unit=line(t.unit),
                task_label=line(t.task_label),
            )
            for t in parsed.targets
        ],
    )


def _unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def _target_name(text: str) -> str:
    text = " ".join(text.split()).rstrip(";:")
    return text if len(text) <= 300 else text[:299] + "…"


def _check(
    session: Session, parsed: ParsedDirective, sections: list[ParsedSection]
) -> dict[str, Organization]:
    """Every refusal before the first write; returns the bodies by code."""
    if not (parsed.kind or "").strip():
        raise InvalidInput("err.import_no_kind")
    if not (parsed.title or "").strip():
        raise InvalidInput("err.import_no_title")
    for value, limit in ((parsed.kind, 40), (parsed.title, 500), (parsed.number, 60)):
        if len((value or "").strip()) > limit:
            raise InvalidInput("err.text_too_long", n=limit, start=(value or "")[:40])
    tasks = [t for s in sections for t in s.tasks]
    if not tasks:
        raise InvalidInput("err.import_no_tasks")
    _check_task_count(len(tasks))
    labels = [t.label for t in tasks]
    if len(set(labels)) != len(labels):
        raise InvalidInput("err.import_duplicate_label", label=_first_duplicate(labels))
    for s in sections:
        for t in s.tasks:
            if not (t.text or "").strip():
                raise InvalidInput("err.import_task_empty", label=t.label)
            if t.area not in _AREAS:
                raise InvalidInput("err.area_unknown", value=t.area, label=t.label)
            if t.cadence not in _CADENCES:
                raise InvalidInput("err.cadence_unknown", value=t.cadence, label=t.label)
    for target in parsed.targets:
        if target.kind not in _TARGET_KINDS:
            raise InvalidInput("err.target_kind_unknown", value=target.kind)
        if target.kind in _VALUED and target.value is None:
            raise InvalidInput("err.target_needs_value", text=target.text[:80])
    codes = {c for s in sections for c in s.bodies}
    codes |= {c for t in tasks for c in (*t.leads, *t.partners)}
    orgs: dict[str, Organization] = {}
    if codes:
        query = select(Organization).where(col(Organization.code).in_(codes))
        orgs = {o.code: o for o in session.exec(query)}
    for code in sorted(codes):
        if code not in orgs:
            raise InvalidInput("err.org_unknown", value=code)
        if not orgs[code].active:
            raise InvalidInput("err.org_inactive", value=orgs[code].name)
    if _duplicate(session, parsed):
        raise InvalidInput(
            "err.import_duplicate", kind=parsed.kind, what=parsed.number or parsed.title[:80]
        )
    return orgs


def _first_duplicate(labels: list[str]) -> str:
    seen: set[str] = set()
    for label in labels:
        if label in seen:
            return label
        seen.add(label)
    return ""


def _duplicate(session: Session, parsed: ParsedDirective) -> bool:
    """The same document imported twice: same kind and number, or same kind and title when it
    has no number."""
    kind = (parsed.kind or "").strip()
    number = (parsed.number or "").strip()
    query = select(Directive).where(Directive.kind == kind)
    if number:
        query = query.where(Directive.number == number)
    else:
        query = query.where(Directive.title == parsed.title.strip())
    return session.exec(query).first() is not None


def _new_code(session: Session, parsed: ParsedDirective) -> str:
    """A short unique code: the document's number when it has one ("15/KH-UBND"), else the
    kind's letters and the year ("KH-2022")."""
    if parsed.number:
        base = parsed.number.strip()
    else:
        letters = next((k for k, v in NUMBER_KINDS.items() if v == parsed.kind), "VB")
        year = (parsed.issued_date or clock.today()).year
        base = f"{letters}-{year}"
    base = re.sub(r"\s+", "", base)[:34]
    taken = set(session.exec(select(Directive.code).where(col(Directive.code).startswith(base))))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


# ----------------------------------------------------------------------------- unknown bodies


def add_named_body(session: Session, *, actor: Actor, name: str, kind: str) -> str:
    """Add a body the preview found named but not listed ("Sở Dân tộc và Tôn giáo"), with a
    code made from its initials ("SDTVTG", "SDTVTG2" when taken); returns the code. The
    administration service checks the role, the name and the kind, and writes the audit event;
    the caller's unit of work commits."""
    from services.admin import organizations

    letters = "".join(
        w[0] for w in loose_fold(name).split() if w[0].isalnum() and w not in {"va", "&"}
    ).upper()
    stem = (letters or "CQ")[:16]
    if len(stem) < 2:
        stem = f"{stem}X"
    taken = set(session.exec(select(Organization.code)).all())
    code, n = stem, 1
    while code in taken:
        n += 1
        code = f"{stem}{n}"
    organizations.create_body(session, actor=actor, code=code, name=name, kind=kind)
    return code
