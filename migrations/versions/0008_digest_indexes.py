"""indexes for the leaders' weekly digest: the proposals still waiting, oldest first (the partial
index of 0007 now ordered by the day they were raised), and the reports that completed a task,
latest first (partial: only the reports with status done)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'

WITH_PROPOSALS = "proposals <> ''"
DONE = "status = 'done'"


def upgrade() -> None:
    op.drop_index('ix_report_with_proposals', table_name='progressreport')
    op.create_index(
        'ix_report_with_proposals',
        'progressreport',
        ['created_at', 'id'],
        sqlite_where=sa.text(WITH_PROPOSALS),
        postgresql_where=sa.text(WITH_PROPOSALS),
    )
    op.create_index(
        'ix_report_done',
        'progressreport',
        ['created_at', 'id'],
        sqlite_where=sa.text(DONE),
        postgresql_where=sa.text(DONE),
    )


def downgrade() -> None:
    op.drop_index('ix_report_done', table_name='progressreport')
    op.drop_index('ix_report_with_proposals', table_name='progressreport')
    op.create_index(
        'ix_report_with_proposals',
        'progressreport',
        ['id'],
        sqlite_where=sa.text(WITH_PROPOSALS),
        postgresql_where=sa.text(WITH_PROPOSALS),
    )
