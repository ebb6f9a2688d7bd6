"""the audit log is append-only in the database: UPDATE and DELETE (and, on PostgreSQL,
TRUNCATE) of audit_event are refused by triggers

A later migration that recreates audit_event (SQLite batch mode copies it into a new table)
drops these triggers with the old table and must create them again;
tests/security/test_audit_append_only.py checks that they exist at head.
"""

from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'

MESSAGE = 'audit_event is append-only'

SQLITE_TRIGGERS = {
    'audit_event_no_update': 'BEFORE UPDATE',
    'audit_event_no_delete': 'BEFORE DELETE',
}


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name, when in SQLITE_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} {when} ON audit_event "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_update_delete ON audit_event")
    op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
