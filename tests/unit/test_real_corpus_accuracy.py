"""How well the importer reads the real documents of tests/fixtures/real/ against their
hand-checked expected results (issue 16): every document's task count and sections exact,
and body matching over the whole corpus at a precision of at least 0.98 and a recall of at
least 0.95. A body is counted once per task and role (lead or partner); a class token of the
expected result ("@all_provincial") stands for every body of that kind in the document's list.
The figures are printed (pytest -s) and quoted in the README."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from services.importing.parser import ParsedDirective, parse_text
from services.importing.reader import read_document
from services.read.bodies import BodyRef

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
EXPECTED = sorted(REAL.glob("*.expected.json"))
TOKENS = {"@all_provincial": "provincial", "@all_district": "district", "@all_commune": "commune"}


def _bodies(expected: dict) -> list[BodyRef]:
    return [
        BodyRef(code=f"B{i:03d}", name=b["name"], kind=b["kind"], sort_order=i)
        for i, b in enumerate(expected["bodies"])
    ]


def _codes(names: list[str], bodies: list[BodyRef]) -> set[str]:
    out: set[str] = set()
    for name in names:
        if name in TOKENS:
            out |= {b.code for b in bodies if b.kind == TOKENS[name]}
        else:
            out |= {b.code for b in bodies if b.name == name}
    return out


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse(expected: dict) -> tuple[ParsedDirective, list[BodyRef]]:
    bodies = _bodies(expected)
    path = REAL / expected["file"]
    source = read_document(path.read_bytes(), path.name)
    return parse_text(source.text, bodies, wrapped=source.wrapped), bodies


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


def parsed_tasks(parsed: ParsedDirective) -> list[tuple[str, set[str], set[str], object]]:
    """(text, leads, partners, task) of the tasks the preview offers by default."""
    out = []
    for section in parsed.sections:
        if not section.include:
            continue
        for task in section.tasks:
            leads = set(task.leads or section.bodies)
            out.append((_space(task.text), leads, set(task.partners), task))
    return out


def _last_label(label: str) -> str | None:
    """The section's own label: "II.1." -> "1.", "Điều 3." -> "Điều 3."."""
    parts = re.findall(r"Điều \d+\.|Phần \S+|Mục \S+|[^.]+\.", label)
    return parts[-1] if parts else (label or None)


def score_document(path: Path, score: Score) -> list[str]:
    """Adds the document's body pairs to `score`; returns what is wrong with its sections
    (label and heading) and tasks (count, text, deadline, cadence)."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    parsed, bodies = parse(expected)
    got = parsed_tasks(parsed)
    wanted = [t for s in expected["sections"] for t in s["tasks"]]
    problems = []
    if len(got) != len(wanted):
        problems.append(f"{len(got)} tasks, expected {len(wanted)}")
    remaining = list(got)
    for task in wanted:
        want_leads = _codes(task["lead"], bodies)
        # "phối hợp với các sở, ban, ngành": every other body of the kind
        want_partners = _codes(task["partners"], bodies) - want_leads
        match = next((g for g in remaining if task["text_start"] in g[0][:200]), None)
        if match is None:
            problems.append(f"no task {task['text_start']!r}")
            score.false_neg += len(want_leads) + len(want_partners)
            continue
        remaining.remove(match)
        _text, leads, partners, parsed_task = match
        for role, have, want in (("lead", leads, want_leads), ("partner", partners, want_partners)):
            score.true_pos += len(have & want)
            score.false_pos += len(have - want)
            score.false_neg += len(want - have)
            names = {b.code: b.name for b in bodies}
            for code in have ^ want:
                sign = "+" if code in have else "-"
                where = task["text_start"][:40]
                score.misses.append(f"{path.name}: {role} {sign}{names[code]} in {where!r}")
        cadence = parsed_task.recurrence or parsed_task.cadence  # quarterly is periodic
        if cadence != task["cadence"]:
            problems.append(f"cadence {cadence} != {task['cadence']} in {task['text_start']!r}")
        deadline = parsed_task.due_date.isoformat() if parsed_task.due_date else None
        if deadline != task["deadline"]:
            problems.append(f"deadline {deadline} != {task['deadline']} in {task['text_start']!r}")
    want_sections = [(x["label"], x["heading"]) for x in expected["sections"] if x["tasks"]]
    got_sections = [
        (_last_label(x.label), x.heading.rstrip(": ") or None)
        for x in parsed.sections
        if x.include and x.tasks
    ]
    if got_sections != want_sections:
        problems.append(f"sections {got_sections} != {want_sections}")
    for extra in remaining:
        problems.append(f"extra task {extra[0][:60]!r}")
        score.false_pos += len(extra[1]) + len(extra[2])
    return problems


def test_real_corpus_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    score = Score()
    report: dict[str, list[str]] = {}
    for path in EXPECTED:
        report[path.name.removesuffix(".expected.json")] = score_document(path, score)
    exact = sum(1 for p in report.values() if not p)
    with capsys.disabled():
        print(
            f"\nreal corpus: {len(report)} documents, {exact} with sections and tasks exact; "
            f"bodies precision {score.precision:.3f}, recall {score.recall:.3f} "
            f"({score.true_pos} right, {score.false_pos} wrong, {score.false_neg} missed)"
        )
        for name, problems in report.items():
            for problem in problems:
                print(f"  {name}: {problem}")
        for miss in score.misses:
            print(f"  {miss}")
    assert exact == len(report)
    assert score.precision >= 0.98
    assert score.recall >= 0.95
