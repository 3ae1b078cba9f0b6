"""indicators: an optional headline age group, the one an area's profile counts

For an indicator published only in several age bands (no `all`), the catalogue
names the band that speaks for it (indicators.headline_age_groups).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 21:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('headline_age_group', sa.String(length=32), nullable=True))


def downgrade() -> None:
    # Not in batch mode: on SQLite a batch drop recreates the table, and dropping the old
    # indicators table would cascade to every value (foreign keys are on). A plain
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+) keeps the rows.
    op.drop_column('indicators', 'headline_age_group')
