"""indicator_values.estimated: values the ETL estimated rather than read

True for a value computed by areal interpolation (a source's areas that do not nest
in the city's areas), or from a share of a source area that a crosswalk splits
between several areas; NULL for every other value (read, summed or derived exactly).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.add_column(sa.Column('estimated', sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.drop_column('estimated')
