"""indicator_values: an optional standard deviation, for t-distribution CIs of means

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 19:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sd', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.drop_column('sd')
