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
from services.importing import reader

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

    def counts(self) -> dict[str, int]:
        """The numbers a summary of the change gives: bodies added, renamed and kept,
        assignments moved to a successor and merged into one it had."""
        summary = self.as_json()
        return {
            "created": len(summary["created"]),
            "renamed": len(summary["renamed"]),
            "unchanged": summary["unchanged"],
            "moved": summary["moved_assignments"],
            "merged": summary["merged_assignments"],
        }

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


class BodyFileProblems(InvalidInput):
    """Every problem of a body list at once, each one sentence naming its line: the error
    itself reads as the first (its key and parameters), `problems` holds them all."""

    def __init__(self, problems: list[InvalidInput]) -> None:
        super().__init__(problems[0].code, **problems[0].params)
        self.problems = problems


def _refuse(problems: list[InvalidInput]) -> None:
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise BodyFileProblems(problems)


def _csv_rows(data: bytes) -> list[tuple[str, ...]]:
    text = data.decode("utf-8-sig", errors="replace")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    return [tuple(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_body_file(data: bytes, *, name: str = "bodies.csv") -> list[BodyLine]:
    """The lines of a body list: a CSV (UTF-8, comma or semicolon) or an Excel workbook's first
    sheet (read as text within services.importing.reader's limits), a header naming at least
    code, name, kind; predecessors, effective_on and source optional. Every problem is found
    before any is reported (BodyFileProblems); a formula is refused, never evaluated."""
    rows = reader.read_sheet(data) if reader.is_xlsx(data) else _csv_rows(data)
    if len(rows) > MAX_LINES + 1:
        raise InvalidInput("err.body_file_long", path=name, n=MAX_LINES)
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if not {"code", "name", "kind"} <= set(header):
        raise InvalidInput("err.body_file_header", path=name)
    out: list[BodyLine] = []
    problems: list[InvalidInput] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {k: (v or "").strip() for k, v in zip(header, row, strict=False) if k}
        if not any(cells.values()):
            continue
        formula = next((v for v in cells.values() if v.startswith("=")), None)
        if formula is not None:
            problems.append(
                InvalidInput("err.body_file_formula", path=name, line=number, value=formula[:40])
            )
            continue
        if not cells.get("code") or not cells.get("name"):
            problems.append(InvalidInput("err.body_file_blank", path=name, line=number))
            continue
        day = cells.get("effective_on", "")
        try:
            effective = parse_day(day) if day else None
        except InvalidInput:
            problems.append(InvalidInput("err.body_file_line", path=name, line=number, value=day))
            continue
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
    _refuse(problems)
    return out


def apply_body_file(session: Session, *, actor: Actor, lines: list[BodyLine]) -> FileOutcome:
    """Every line, in one unit of work (the caller's): a refusal of any line leaves nothing."""
    require(actor, Action.ADMINISTER)
    named: dict[str, int] = {}
    problems: list[InvalidInput] = []
    for ln in lines:
        for pred in ln.predecessors:
            if pred != ln.code and pred in named:
                problems.append(InvalidInput("err.body_file_split", body=pred, line=ln.line))
            named[pred] = ln.line
        if ln.predecessors and ln.effective_on is None:
            problems.append(InvalidInput("err.body_file_no_day", line=ln.line, body=ln.code))
    _refuse(problems)
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
