"""The audit log is append-only in the database itself, not by convention: UPDATE and DELETE
(and TRUNCATE on PostgreSQL) of audit_event are refused by triggers that a migration creates,
whoever sends them (the app's ORM, raw SQL, a crafted report). On SQLite and PostgreSQL."""

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DatabaseError
from sqlmodel import select

from models import AuditEvent, session_scope
from services.core import audit
from services.core.actor import SYSTEM
from services.install import seed


@pytest.fixture
def logged(engine):
    """A database with the reference seed: one 'seed' event in the log."""
    with session_scope(engine) as s:
        seed.seed_reference(s, actor=SYSTEM)
    return engine


def _log(engine) -> list[tuple[int, str, str]]:
    with session_scope(engine) as s:
        return [(e.id, e.username, e.action) for e in s.exec(select(AuditEvent))]


def test_an_audit_row_cannot_be_changed_or_removed(logged):
    before = _log(logged)
    assert [a for _, _, a in before] == ["seed"]
    attempts = [
        update(AuditEvent).values(username="ai-do", action="xoa-dau-vet"),
        delete(AuditEvent),
        delete(AuditEvent).where(AuditEvent.action == "seed"),
        text("UPDATE audit_event SET after = NULL"),
        text("DELETE FROM audit_event"),
    ]
    if logged.dialect.name == "postgresql":
        attempts.append(text("TRUNCATE audit_event"))
    for statement in attempts:
        with pytest.raises(DatabaseError, match="append-only"), session_scope(logged) as s:
            s.exec(statement)
    # through the ORM, as a careless service would
    with pytest.raises(DatabaseError, match="append-only"), session_scope(logged) as s:
        event = s.exec(select(AuditEvent)).one()
        event.action = "khac"
        s.add(event)
    with pytest.raises(DatabaseError, match="append-only"), session_scope(logged) as s:
        s.delete(s.exec(select(AuditEvent)).one())
    assert _log(logged) == before


def test_appending_still_works(logged):
    with session_scope(logged) as s:
        audit.record(s, actor=SYSTEM, action="check", entity="database", entity_id=None)
    assert [a for _, _, a in _log(logged)] == ["seed", "check"]


def test_the_triggers_are_there_at_head(engine):
    """A later migration that recreates audit_event (SQLite batch mode) drops its triggers:
    this says so before such a database reaches anyone."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            found = conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_event'"
                )
            ).scalars()
            assert set(found) == {"audit_event_no_update", "audit_event_no_delete"}
        else:
            found = conn.execute(
                text(
                    "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                    "AND tgrelid = 'audit_event'::regclass AND tgenabled <> 'D'"
                )
            ).scalars()
            assert set(found) == {"audit_event_no_update_delete", "audit_event_no_truncate"}
