"""A plan whose tasks are in an appendix table (.xlsx and .docx; SYNTHETIC tables, see
tests/unit/test_import_tables.py) imports into a real database, SQLite and PostgreSQL: one task
per row, its own lead and partner assignments, its deadline; the sections are the table's
groups."""

from sqlmodel import select

from models import Assignment, AssignmentRole, Section, Task, session_scope
from services.importing import importer
from tests.services.test_import import OFFICE, bodies_only  # noqa: F401  (fixture)
from tests.unit.test_import_tables import make_docx, make_xlsx

# the seed's bodies: 20 provincial, 8 districts, Bưu điện; no communes
PROVINCIAL = 20


def _saved(engine, data: bytes, name: str):
    with session_scope(engine) as s:
        parsed = importer.parse_document(s, data, name)
        result = importer.save(s, actor=OFFICE, parsed=parsed)
    with session_scope(engine) as s:
        sections = s.exec(select(Section).where(Section.directive_id == result.directive_id)).all()
        tasks = s.exec(
            select(Task)
            .join(Section, Task.section_id == Section.id)
            .where(Section.directive_id == result.directive_id)
            .order_by(Task.id)
        ).all()
        roles = [
            sorted(
                a.role
                for a in s.exec(select(Assignment).where(Assignment.task_id == task.id)).all()
            )
            for task in tasks
        ]
        return (
            result,
            [x.heading for x in sections],
            [(x.text[:12], x.due_date, x.cadence) for x in tasks],
            roles,
        )


def test_a_sheet_of_tasks_imports_one_task_per_row(bodies_only):  # noqa: F811
    result, headings, tasks, roles = _saved(bodies_only, make_xlsx(), "phu-luc.xlsx")
    assert headings == ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"]
    assert (result.sections, result.tasks) == (2, 6)
    assert [t[1].isoformat() if t[1] else None for t in tasks] == [
        "2025-06-30",
        None,
        "2025-06-30",
        None,
        "2025-09-30",
        "2025-06-30",
    ]
    assert [t[2] for t in tasks] == ["once", "continuous", "once", "periodic", "once", "once"]
    lead, partner = AssignmentRole.LEAD, AssignmentRole.PARTNER
    # row 1: Sở Tư pháp leads, every other department supports ("Các sở, ban, ngành")
    assert roles[0].count(lead) == 1 and roles[0].count(partner) == PROVINCIAL - 1
    assert roles[2] == sorted([lead, partner])  # VP UBND leads, Sở KH&CN supports
    assert roles[3] == [lead]  # "Các sở, ngành có liên quan" is no one in particular


def test_a_word_table_imports_the_same_tasks(bodies_only):  # noqa: F811
    result, headings, tasks, _roles = _saved(bodies_only, make_docx(), "ke-hoach.docx")
    assert headings == ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"]
    assert result.tasks == 6 and tasks[3][2] == "periodic"  # "Định kỳ hằng quý"


def test_a_body_named_in_a_plan_is_added_with_a_free_code(bodies_only):  # noqa: F811
    import pytest

    from models import Organization
    from services.core.actor import Actor
    from services.core.errors import DomainError

    with session_scope(bodies_only) as s:
        code = importer.add_named_body(
            s, actor=OFFICE, name="Sở Dân tộc và Tôn giáo", kind="provincial"
        )
        again = importer.add_named_body(
            s, actor=OFFICE, name="Sở Du lịch Thể thao", kind="provincial"
        )
    assert (code, again) == ("SDTTG", "SDLTT")
    with session_scope(bodies_only) as s:
        org = s.exec(select(Organization).where(Organization.code == code)).one()
        assert (org.name, org.kind, org.active) == ("Sở Dân tộc và Tôn giáo", "provincial", True)
    with pytest.raises(DomainError), session_scope(bodies_only) as s:  # the same name again
        importer.add_named_body(s, actor=OFFICE, name="SỞ DÂN TỘC VÀ TÔN GIÁO", kind="provincial")
    viewer = Actor(id=None, username="xem", role="viewer")
    with pytest.raises(DomainError), session_scope(bodies_only) as s:
        importer.add_named_body(s, actor=viewer, name="Sở Ngoại vụ mới", kind="provincial")
