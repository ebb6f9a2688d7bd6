"""indexes for the leaders' weekly digest: the proposals still waiting, oldest first (the partial
index of 0007 now ordered by the day they were raised), and the reports that completed a task,
latest first (partial: only the reports with status done)
"""

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'

WITH_PROPOSALS = "proposals <> ''"
DONE = "status = 'done'"


def _partial(name: str, columns: list[str], condition: str) -> None:
    """An index of progressreport over only the rows that meet `condition` (both backends)."""
    where = sa.text(condition)
    op.create_index(name, 'progressreport', columns, sqlite_where=where, postgresql_where=where)


def upgrade() -> None:
    op.drop_index('ix_report_with_proposals', table_name='progressreport')
    _partial('ix_report_with_proposals', ['created_at', 'id'], WITH_PROPOSALS)
    _partial('ix_report_done', ['created_at', 'id'], DONE)


def downgrade() -> None:
    op.drop_index('ix_report_done', table_name='progressreport')
    op.drop_index('ix_report_with_proposals', table_name='progressreport')
    _partial('ix_report_with_proposals', ['id'], WITH_PROPOSALS)
