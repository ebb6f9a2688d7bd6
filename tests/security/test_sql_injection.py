"""Issue 11, "keep what held": SQL typed into text fields, names looked up, filters and an
imported document is stored and compared as text, on SQLite and PostgreSQL: no table is dropped,
no row appears or disappears that the action did not mean, nothing matches that should not.
"""

import pytest
from sqlalchemy import func, inspect
from sqlmodel import select

from models import (
    AuditEvent,
    Directive,
    ProgressReport,
    Section,
    Task,
    User,
    session_scope,
)
from services.accounts import own, users
from services.admin import directives, organizations
from services.core.errors import DomainError, NotFound
from services.importing import importer
from services.install.stats import database_counts
from services.read import audit_log
from services.reporting.reports import ReportInput
from tests.services.reporting_db import actor
from tests.services.test_reporting import submit

PAYLOADS = [
    "'; DROP TABLE organization; --",
    "x' OR '1'='1",
    '"; DELETE FROM "user"; --',
    "1); DROP TABLE task; --",
    "Robert'); DROP TABLE progressreport;--",
    "%' OR 1=1 --",
    '\' UNION SELECT password_hash, username FROM "user" --',
    "'); UPDATE \"user\" SET role='secretariat' WHERE username='snv'; --",
]
ALL = " ".join(PAYLOADS[:3])  # a display name holds 200 characters


# the tables a typed statement would drop, empty or fill
TABLES = ("users", "organizations", "directives", "sections", "tasks", "reports")


def _tables_and_counts(engine) -> dict[str, int]:
    with session_scope(engine) as s:
        counts = database_counts(s)
    return {name: counts[name] for name in TABLES}


def _roles(engine) -> dict[str, str]:
    with session_scope(engine) as s:
        return dict(s.exec(select(User.username, User.role)).all())


def test_typed_sql_is_stored_as_typed_and_changes_nothing_else(db):
    before, roles = _tables_and_counts(db), _roles(db)
    tables = set(inspect(db).get_table_names())
    office = actor(db, "vanphong")
    report = submit(
        db,
        ReportInput(
            period="2022-Q4",
            status="in_progress",
            percent=40,
            result="\n".join(PAYLOADS),
            difficulties=PAYLOADS[0],
            proposals=PAYLOADS[2],
            evidence_number=PAYLOADS[1],
        ),
        code="SNV",
        username="snv",
    )
    with session_scope(db) as s:
        organizations.rename_body(s, actor=office, code="SNV", name=PAYLOADS[1])
        users.update_user(s, actor=office, username="xem", role="viewer", display_name=ALL)
        task_id = s.exec(select(Task.id).order_by(Task.id)).first()
        task = s.get(Task, task_id)
        directives.update_task(
            s,
            actor=office,
            task_id=task_id,
            text=PAYLOADS[3],
            area=task.area,
            cadence=task.cadence,
            due_date=task.due_date,
        )
    with session_scope(db) as s:
        stored = s.get(ProgressReport, report.id)
        assert stored.result == "\n".join(PAYLOADS)
        assert (stored.difficulties, stored.proposals, stored.evidence_number) == (
            PAYLOADS[0],
            PAYLOADS[2],
            PAYLOADS[1],
        )
        assert organizations.get_body(s, "SNV").name == PAYLOADS[1]
        assert s.exec(select(User.display_name).where(User.username == "xem")).one() == ALL
        assert s.get(Task, task_id).text == PAYLOADS[3]
    after = _tables_and_counts(db)
    assert after == {**before, "reports": before["reports"] + 1}
    assert _roles(db) == roles  # snv is still a body account
    assert set(inspect(db).get_table_names()) == tables


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sql_in_a_name_looked_up_matches_nothing(db, payload):
    office = actor(db, "vanphong")
    with pytest.raises(DomainError) as refused:
        own.sign_in(  # an address of its own: three failures from one address make it wait
            username=payload,
            password="laichau2021",
            address=f"10.9.8.{PAYLOADS.index(payload) + 1}",
            engine=db,
        )
    assert refused.value.code == "auth.failed"
    with session_scope(db) as s:
        assert own.session_user(s, username=payload, epoch=0) is None
        found = audit_log.events(s, actor=office, filters=audit_log.AuditFilters(username=payload))
        assert found == []
    with session_scope(db) as s, pytest.raises(NotFound):
        organizations.get_body(s, payload)
    with session_scope(db) as s:
        assert s.exec(select(func.count()).select_from(User)).one() >= 30


def test_sql_in_an_imported_document_is_text(db):
    before = _tables_and_counts(db)
    document = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 99/KH-UBND\nKẾ HOẠCH\n"
        f"Về kiểm thử {PAYLOADS[0]}\n"
        f"1. Sở Nội vụ {PAYLOADS[1]}:\n"
        + "".join(f"- Nhiệm vụ {n}: {p}\n" for n, p in enumerate(PAYLOADS, start=1))
    )
    with session_scope(db) as s:
        parsed = importer.parse_pasted(s, document)
        result = importer.save(s, actor=actor(db, "vanphong"), parsed=parsed)
    with session_scope(db) as s:
        directive = s.get(Directive, result.directive_id)
        texts = s.exec(
            select(Task.text).join(Section).where(Section.directive_id == directive.id)
        ).all()
        events = s.exec(select(AuditEvent).where(AuditEvent.entity_id == directive.id)).all()
    assert PAYLOADS[0] in directive.title
    assert sorted(texts) == sorted(f"Nhiệm vụ {n}: {p}" for n, p in enumerate(PAYLOADS, 1))
    assert any(e.action == "import" for e in events)
    after = _tables_and_counts(db)
    assert after["directives"] == before["directives"] + 1
    assert after["tasks"] == before["tasks"] + len(PAYLOADS)
    assert {k: after[k] for k in ("users", "organizations", "reports")} == {
        k: before[k] for k in ("users", "organizations", "reports")
    }
