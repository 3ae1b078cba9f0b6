"""area_notes: what a knowledge profile lists about an area besides its indicators

Resources, arenas (meeting places), ongoing initiatives and the residents' own
view, in sv, pl and en, from the city's optional notes file. Replaced with the
rest of the city on every refresh (on PostgreSQL swapped in like the others).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 21:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('area_notes',
    sa.Column('area_code', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_sv', sa.Text(), nullable=True),
    sa.Column('title_pl', sa.Text(), nullable=True),
    sa.Column('title_en', sa.Text(), nullable=True),
    sa.Column('text_sv', sa.Text(), nullable=True),
    sa.Column('text_pl', sa.Text(), nullable=True),
    sa.Column('text_en', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('resource','arena','initiative','residents_view')",
                       name=op.f('ck_area_notes_kind')),
    sa.ForeignKeyConstraint(['area_code'], ['areas.code'], name=op.f('fk_area_notes_area_code_areas'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('area_code', 'position', name=op.f('pk_area_notes'))
    )


def downgrade() -> None:
    op.drop_table('area_notes')
