"""bodies change: a body's first and last day, successions (merge, split), former names valid
until a day, assignments held from/until a day and the links that carry an assignment's history
to its successor
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'


def upgrade() -> None:
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ended_on', sa.Date(), nullable=True))
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('held_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('held_until', sa.Date(), nullable=True))
    op.create_table(
        'succession',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('predecessor_id', sa.Integer(), nullable=False),
        sa.Column('successor_id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('effective_on', sa.Date(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['predecessor_id'], ['organization.id']),
        sa.ForeignKeyConstraint(['successor_id'], ['organization.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('predecessor_id', 'successor_id'),
    )
    op.create_index('ix_succession_predecessor_id', 'succession', ['predecessor_id'])
    op.create_index('ix_succession_successor_id', 'succession', ['successor_id'])
    op.create_table(
        'organization_name',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=True),
        sa.Column('valid_until', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['organization_id'], ['organization.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(
        'ix_organization_name_organization_id', 'organization_name', ['organization_id']
    )
    op.create_table(
        'assignment_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('from_assignment_id', sa.Integer(), nullable=False),
        sa.Column('to_assignment_id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('effective_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['from_assignment_id'], ['assignment.id']),
        sa.ForeignKeyConstraint(['to_assignment_id'], ['assignment.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('from_assignment_id'),
    )
    op.create_index('ix_assignment_link_to_assignment_id', 'assignment_link', ['to_assignment_id'])


def downgrade() -> None:
    op.drop_index('ix_assignment_link_to_assignment_id', table_name='assignment_link')
    op.drop_table('assignment_link')
    op.drop_index('ix_organization_name_organization_id', table_name='organization_name')
    op.drop_table('organization_name')
    op.drop_index('ix_succession_successor_id', table_name='succession')
    op.drop_index('ix_succession_predecessor_id', table_name='succession')
    op.drop_table('succession')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('held_until')
        batch_op.drop_column('held_from')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_column('ended_on')
        batch_op.drop_column('started_on')
