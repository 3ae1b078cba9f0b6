"""indicator_values: the natural key, area first, becomes the primary key

No surrogate id and no separate area index: one index to build on a bulk load
instead of three, and no sequence tied to the table, so a PostgreSQL load can
build a new table and swap it in.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 18:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

KEY = ['area_code', 'indicator_id', 'period', 'sex', 'age_group']
UNIQUE = ['indicator_id', 'area_code', 'period', 'sex', 'age_group']


def upgrade() -> None:
    with op.batch_alter_table('indicator_values', schema=None, recreate='auto') as batch_op:
        batch_op.drop_index('ix_values_area')
        batch_op.drop_constraint('key', type_='unique')
        batch_op.drop_constraint('pk_indicator_values', type_='primary')
        batch_op.drop_column('id')
        batch_op.create_primary_key('pk_indicator_values', KEY)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    with op.batch_alter_table('indicator_values', schema=None, recreate='auto') as batch_op:
        batch_op.drop_constraint('pk_indicator_values', type_='primary')
        batch_op.add_column(sa.Column(
            'id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
            autoincrement=True, nullable=sqlite,
            server_default=None if sqlite else sa.Identity(),
        ))
        batch_op.create_unique_constraint('key', UNIQUE)
        batch_op.create_index('ix_values_area', ['area_code'], unique=False)
        if sqlite:  # an INTEGER PRIMARY KEY numbers the copied rows itself
            batch_op.create_primary_key('pk_indicator_values', ['id'])
    if not sqlite:
        op.create_primary_key('pk_indicator_values', 'indicator_values', ['id'])
