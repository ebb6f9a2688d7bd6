"""The body list from a file: one line per body (code, name, kind, predecessor codes, effective
date, source), applied in one transaction through the reorganisation services.

- no predecessor: the body is created from the effective date if its code is new; an existing
  body with another name is renamed from that date; the same body as it stands is left alone;
- its own code as the only predecessor: renamed from the date (the old name kept before);
- other predecessors: they are merged into it from the date (it is created when new).
A body named as the predecessor of two lines would be split: that takes a plan of who gets
each open task, so the file refuses it (`manage.py reorganize split --plan`, or the page).
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

from models import Organization
from services.admin import organizations, reorganize
from services.core.actor import Actor
from services.core.errors import InvalidInput
from services.core.periods import parse_day
from services.core.permissions import Action, require

COLUMNS = ("code", "name", "kind", "predecessors", "effective_on")
_SPLIT_CODES = re.compile(r"[\s,;|]+")
MAX_LINES = 2000


@dataclass(frozen=True)
class BodyLine:
    line: int
    code: str
    name: str
    kind: str
    predecessors: tuple[str, ...]
    effective_on: date | None
    source: str = ""


@dataclass
class FileOutcome:
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    operations: list[reorganize.Outcome] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        accounts: dict[str, list[str]] = {"moved": [], "deactivated": []}
        for op in self.operations:
            for key in accounts:
                accounts[key] += op.accounts[key]
        return {
            "created": self.created,
            "renamed": self.renamed,
            "unchanged": len(self.unchanged),
            "moved_assignments": sum(op.moved_assignments for op in self.operations),
            "merged_assignments": sum(op.merged_assignments for op in self.operations),
            "closed_bodies": [c for op in self.operations for c in op.closed_bodies],
            "accounts": accounts,
        }


def read_body_file(data: bytes, *, name: str = "bodies.csv") -> list[BodyLine]:
    """The lines of a CSV body list (UTF-8, comma or semicolon, a header naming at least
    code, name, kind; predecessors, effective_on and source optional)."""
    text = data.decode("utf-8-sig", errors="replace")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if not {"code", "name", "kind"} <= set(header):
        raise InvalidInput("err.body_file_header", path=name)
    reader.fieldnames = header
    out: list[BodyLine] = []
    for row in reader:
        number = reader.line_num
        if number > MAX_LINES:
            raise InvalidInput("err.body_file_long", path=name, n=MAX_LINES)
        cells = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        day = cells.get("effective_on", "")
        try:
            effective = parse_day(day) if day else None
        except InvalidInput:
            raise InvalidInput("err.body_file_line", path=name, line=number, value=day) from None
        out.append(
            BodyLine(
                line=number,
                code=cells.get("code", "").upper(),
                name=cells.get("name", ""),
                kind=cells.get("kind", ""),
                predecessors=tuple(
                    c for c in _SPLIT_CODES.split(cells.get("predecessors", "").upper()) if c
                ),
                effective_on=effective,
                source=cells.get("source", ""),
            )
        )
    return out


def apply_body_file(session: Session, *, actor: Actor, lines: list[BodyLine]) -> FileOutcome:
    """Every line, in one unit of work (the caller's): a refusal of any line leaves nothing."""
    require(actor, Action.ADMINISTER)
    named: dict[str, int] = {}
    for ln in lines:
        for pred in ln.predecessors:
            if pred != ln.code and pred in named:
                raise InvalidInput("err.body_file_split", body=pred, line=ln.line)
            named[pred] = ln.line
        if ln.predecessors and ln.effective_on is None:
            raise InvalidInput("err.body_file_no_day", line=ln.line, body=ln.code)
    outcome = FileOutcome()
    for ln in lines:
        existing = session.exec(select(Organization).where(Organization.code == ln.code)).first()
        if ln.predecessors == (ln.code,) or (
            not ln.predecessors and existing is not None and existing.name != ln.name
        ):
            if existing is None or ln.effective_on is None:
                raise InvalidInput("err.body_file_no_day", line=ln.line, body=ln.code)
            outcome.operations.append(
                reorganize.rename(
                    session, actor=actor, code=ln.code, name=ln.name, on=ln.effective_on
                )
            )
            outcome.renamed.append(ln.code)
        elif ln.predecessors:
            if ln.effective_on is None:  # refused above already; this tells the type checker
                raise InvalidInput("err.body_file_no_day", line=ln.line, body=ln.code)
            outcome.operations.append(
                reorganize.merge(
                    session,
                    actor=actor,
                    sources=list(ln.predecessors),
                    into=ln.code,
                    on=ln.effective_on,
                    new_name=ln.name if existing is None else None,
                    new_kind=ln.kind if existing is None else None,
                )
            )
            if existing is None:
                outcome.created.append(ln.code)
        elif existing is None:
            body = organizations.create_body(
                session, actor=actor, code=ln.code, name=ln.name, kind=ln.kind, note=ln.source
            )
            body.started_on = ln.effective_on
            session.add(body)
            session.flush()
            outcome.created.append(ln.code)
        else:
            outcome.unchanged.append(ln.code)
    return outcome
