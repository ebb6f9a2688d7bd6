"""notices (once per recipient, kind, subject and occasion), users' e-mail addresses, closing a
reporting period and each body's reporting for it
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'


def upgrade() -> None:
    op.create_table(
        'notice',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column('occasion', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('link', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('read_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('emailed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('claim', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column('claimed_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
        sa.Column('next_attempt_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_id', 'kind', 'subject', 'occasion', name='uq_notice_once'),
    )
    op.create_index('ix_notice_user_read', 'notice', ['user_id', 'read_at'])
    op.create_index('ix_notice_unsent', 'notice', ['emailed_at', 'user_id'])
    op.create_table(
        'period_result',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('period_id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('expected', sa.Integer(), nullable=False),
        sa.Column('on_time', sa.Integer(), nullable=False),
        sa.Column('late', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['organization_id'], ['organization.id']),
        sa.ForeignKeyConstraint(['period_id'], ['reportingperiod.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('period_id', 'organization_id'),
    )
    op.create_index('ix_period_result_period_id', 'period_result', ['period_id'])
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True))
    with op.batch_alter_table('reportingperiod', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('reportingperiod', schema=None) as batch_op:
        batch_op.drop_column('closed_at')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('email')
    op.drop_index('ix_period_result_period_id', table_name='period_result')
    op.drop_table('period_result')
    op.drop_index('ix_notice_unsent', table_name='notice')
    op.drop_index('ix_notice_user_read', table_name='notice')
    op.drop_table('notice')
