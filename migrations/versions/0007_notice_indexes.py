"""indexes for the notices' run (manage.py notify): the reports of the last days, the proposals
still waiting (partial), a task's partners, near deadlines and the period last reported, so that
a run reads what is due rather than every assignment and report

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WITH_PROPOSALS = "proposals <> ''"


def upgrade() -> None:
    op.create_index('ix_task_due_date', 'task', ['due_date'])
    op.create_index('ix_assignment_role_task', 'assignment', ['role', 'task_id'])
    op.create_index('ix_assignment_due_date_override', 'assignment', ['due_date_override'])
    op.create_index('ix_assignment_last_period', 'assignment', ['last_period'])
    op.create_index('ix_report_created', 'progressreport', ['created_at'])
    op.create_index(
        'ix_report_with_proposals',
        'progressreport',
        ['id'],
        sqlite_where=sa.text(WITH_PROPOSALS),
        postgresql_where=sa.text(WITH_PROPOSALS),
    )


def downgrade() -> None:
    op.drop_index('ix_report_with_proposals', table_name='progressreport')
    op.drop_index('ix_report_created', table_name='progressreport')
    op.drop_index('ix_assignment_last_period', table_name='assignment')
    op.drop_index('ix_assignment_due_date_override', table_name='assignment')
    op.drop_index('ix_assignment_role_task', table_name='assignment')
    op.drop_index('ix_task_due_date', table_name='task')
