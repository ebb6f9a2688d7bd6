"""Importing into a real database (SQLite and PostgreSQL): the round trip of the seed text,
edits from the preview, refusals that write nothing, an import stopped midway."""

import dataclasses
from collections import Counter

import pytest
from sqlalchemy import func
from sqlmodel import select

import seed_data
from models import (
    Assignment,
    AssignmentRole,
    AuditEvent,
    Directive,
    Organization,
    Section,
    Target,
    Task,
    session_scope,
)
from services.admin import directives, organizations
from services.core.actor import Actor
from services.core.errors import InvalidInput, PermissionDenied
from services.importing import importer
from services.read import outline
from tests.conftest import ROOT

OFFICE = Actor(id=None, username="vanphong", role="secretariat")
FIXTURES = ROOT / "tests" / "fixtures"


def add_bodies(engine) -> None:
    """The 29 bodies of seed_data, through the administration service: an empty database
    that knows its bodies and nothing else."""
    with session_scope(engine) as s:
        for row in seed_data.load_organizations():
            organizations.create_body(
                s, actor=OFFICE, code=row["code"], name=row["name"], kind=row["kind"]
            )


@pytest.fixture
def bodies_only(engine):
    add_bodies(engine)
    return engine


def counts(engine) -> dict[str, int]:
    with session_scope(engine) as s:
        return {
            table.__name__: int(s.exec(select(func.count()).select_from(table)).one())
            for table in (Directive, Section, Task, Assignment, Target, AuditEvent)
        }


def seed_text() -> bytes:
    return seed_data.load_directive_text().encode("utf-8")


def test_seed_text_round_trip_has_the_structure_of_seed_data(bodies_only):
    with session_scope(bodies_only) as s:
        parsed = importer.parse_document(s, seed_text(), "chi-thi-cchc-lai-chau.txt")
        result = importer.save(s, actor=OFFICE, parsed=parsed)
    assert (result.sections, result.tasks) == (8, 40)
    assert (result.lead_assignments, result.partner_assignments) == (13 * 28 + 27, 7)
    expected = seed_data.load_directive()
    section_one = {r["code"] for r in seed_data.load_organizations() if r["in_section_1"] == "yes"}
    with session_scope(bodies_only) as s:
        directive = s.get(Directive, result.directive_id)
        assert directive.kind == "Chỉ thị" and directive.title == expected["title"]
        assert directive.number is None and directive.issued_date is None
        assert directive.preamble == expected["preamble"]
        assert directive.signer == "Trần Tiến Dũng"
        assert directive.original_text.startswith("CHỈ THỊ")
        sections = outline.sections_of(s, result.directive_id)
        tasks = directives.tasks_of(s, result.directive_id)
    assert [(x.label, x.heading) for x in sections] == [
        (x["label"], x["heading"]) for x in expected["sections"]
    ]
    want = {
        f"{sec['ordinal']}.{t['ordinal']}": (sec, t)
        for sec in expected["sections"]
        for t in sec["tasks"]
    }
    assert [t.label for t in tasks] == list(want)
    for row in tasks:
        sec, task = want[row.label]
        assert row.text == task["text"], row.label
        leads = section_one if sec["lead"] == seed_data.ALL_BODIES else {sec["lead"]}
        assert set(row.leads) == leads, row.label
        assert sorted(row.partners) == sorted(task["partners"]), row.label
    # the proposed targets point at their tasks; the per-body ones belong to every body
    with session_scope(bodies_only) as s:
        targets = s.exec(select(Target).where(Target.directive_id == result.directive_id)).all()
        by_id = {t.id: t for t in s.exec(select(Task))}
        labels = {row.id: row.label for row in tasks}
        found = {(labels[x.task_id], x.kind, x.value) for x in targets if x.task_id in by_id}
        assert ("2.1", "at_least", 30.0) in found and ("1.5", "exactly", 100.0) in found
        one_five = next(x for x in targets if labels.get(x.task_id) == "1.5")
        assert (one_five.scope, one_five.owner_id) == ("per_body", None)
        snv = s.exec(select(Organization).where(Organization.code == "SNV")).one()
        two_one = next(x for x in targets if labels.get(x.task_id) == "2.1")
        assert (two_one.scope, two_one.owner_id) == ("province", snv.id)
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "import")).one()
        assert event.after["tasks"] == 40 and event.username == "vanphong"


def test_the_same_text_twice_is_refused_and_nothing_changes(bodies_only):
    with session_scope(bodies_only) as s:
        importer.save(s, actor=OFFICE, parsed=importer.parse_document(s, seed_text(), "a.txt"))
    before = counts(bodies_only)
    with pytest.raises(InvalidInput) as err, session_scope(bodies_only) as s:
        importer.save(s, actor=OFFICE, parsed=importer.parse_document(s, seed_text(), "a.txt"))
    assert err.value.code == "err.import_duplicate" and "đã có trong hệ thống" in str(err.value)
    assert counts(bodies_only) == before


def test_only_the_secretariat_imports(bodies_only):
    before = counts(bodies_only)
    body = Actor(id=None, username="snv", role="body", organization_id=1)
    with pytest.raises(PermissionDenied), session_scope(bodies_only) as s:
        importer.save(s, actor=body, parsed=importer.parse_document(s, seed_text(), "a.txt"))
    assert counts(bodies_only) == before


def test_an_import_stopped_midway_leaves_nothing_behind(bodies_only):
    before = counts(bodies_only)
    seen: list[float] = []

    def stop_halfway(fraction: float) -> None:
        seen.append(fraction)
        if fraction >= 0.5:
            raise KeyboardInterrupt  # the user closed the page, the server stopped...

    with pytest.raises(KeyboardInterrupt), session_scope(bodies_only) as s:
        parsed = importer.parse_document(s, seed_text(), "a.txt")
        importer.save(s, actor=OFFICE, parsed=parsed, on_progress=stop_halfway)
    assert seen and 0.5 <= seen[-1] < 1.0  # it had written sections and tasks already
    assert counts(bodies_only) == before


def test_text_without_an_outline_saves_nothing(bodies_only):
    before = counts(bodies_only)
    with session_scope(bodies_only) as s:
        parsed = importer.parse_pasted(s, "CHỈ THỊ\nVề việc thử\nMột đoạn không có mục nào.")
    assert parsed.task_count == 0
    with pytest.raises(InvalidInput) as err, session_scope(bodies_only) as s:
        importer.save(s, actor=OFFICE, parsed=parsed)
    assert err.value.code == "err.import_no_tasks"
    assert counts(bodies_only) == before


def test_the_edited_preview_is_what_is_saved(bodies_only):
    with session_scope(bodies_only) as s:
        parsed = importer.parse_document(
            s, (FIXTURES / "ke-hoach-cchc-2022.txt").read_bytes(), "kh.txt"
        )
    # aims are left out by default; the office keeps "Yêu cầu", edits a task, adds a partner,
    # drops another task, and gives the plan a new title
    sections = {x.label: x for x in parsed.sections}
    sections["I.2."].include = True
    first = sections["II.1."].tasks[0]
    sections["II.1."].tasks[0] = dataclasses.replace(
        first, text=first.text + " (đã sửa)", partners=["SNV"], cadence="annual"
    )
    del sections["II.1."].tasks[1]
    parsed.title = "Kế hoạch CCHC năm 2022 (bản sửa)"
    with session_scope(bodies_only) as s:
        result = importer.save(s, actor=OFFICE, parsed=parsed)
        tasks = directives.tasks_of(s, result.directive_id)
        directive = s.get(Directive, result.directive_id)
    assert directive.title == "Kế hoạch CCHC năm 2022 (bản sửa)"
    assert directive.number == "15/KH-UBND" and directive.code == "15/KH-UBND"
    assert result.sections == 7  # I.1. left out
    edited = next(t for t in tasks if t.text.endswith("(đã sửa)"))
    assert edited.leads == ("STP",) and edited.partners == ("SNV",) and edited.cadence == "annual"
    assert not any(t.text.startswith("Kiểm soát chặt chẽ") for t in tasks)
    assert sum(1 for t in tasks if t.text.startswith("Các nhiệm vụ phải cụ thể")) == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda p: setattr(p, "title", "  "), "err.import_no_title"),
        (lambda p: setattr(p, "kind", None), "err.import_no_kind"),
        (lambda p: setattr(p.sections[1].tasks[0], "text", ""), "err.import_task_empty"),
        (lambda p: setattr(p.sections[1].tasks[0], "area", "khac"), "err.area_unknown"),
        (lambda p: setattr(p.sections[1], "bodies", ["KHONGCO"]), "err.org_unknown"),
        (lambda p: setattr(p.sections[2].tasks[0], "label", "2.1"), "err.import_duplicate_label"),
        (lambda p: setattr(p.targets[0], "value", None), "err.target_needs_value"),
    ],
)
def test_bad_edits_are_refused_before_anything_is_written(bodies_only, change, code):
    with session_scope(bodies_only) as s:
        parsed = importer.parse_document(s, seed_text(), "a.txt")
    change(parsed)
    before = counts(bodies_only)
    with pytest.raises(InvalidInput) as err, session_scope(bodies_only) as s:
        importer.save(s, actor=OFFICE, parsed=parsed)
    assert err.value.code == code
    assert counts(bodies_only) == before


def test_an_inactive_body_is_not_fanned_out_to(bodies_only):
    with session_scope(bodies_only) as s:
        organizations.set_body_active(s, actor=OFFICE, code="HMT", active=False)
    with session_scope(bodies_only) as s:
        parsed = importer.parse_document(s, seed_text(), "a.txt")
        result = importer.save(s, actor=OFFICE, parsed=parsed)
        leads = Counter(
            s.exec(
                select(Organization.code)
                .join(Assignment)
                .join(Task)
                .join(Section)
                .where(
                    Section.directive_id == result.directive_id,
                    Assignment.role == AssignmentRole.LEAD,
                )
            ).all()
        )
    assert result.lead_assignments == 13 * 27 + 27
    assert "HMT" not in leads


def test_a_pdf_imports_with_its_number_and_date(bodies_only):
    with session_scope(bodies_only) as s:
        parsed = importer.parse_document(
            s, (FIXTURES / "chi-thi-09-2022.pdf").read_bytes(), "ct.pdf"
        )
        result = importer.save(s, actor=OFFICE, parsed=parsed)
        directive = s.get(Directive, result.directive_id)
    assert (directive.kind, directive.number, directive.issued_date.isoformat()) == (
        "Chỉ thị",
        "09/CT-UBND",
        "2022-08-05",
    )
    assert (result.sections, result.tasks) == (3, 5)
    assert result.lead_assignments == 2 + 2 * 28 + 1
    assert result.partner_assignments == 2  # Văn phòng UBND tỉnh (1.1), Bưu điện tỉnh (3.1)
