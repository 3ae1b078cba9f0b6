"""indicators: definition, source and unit per language

definition_sv/_pl/_en, source_sv/_pl/_en and unit_sv/_pl/_en, all nullable: the
catalogue's text in each language (docs/catalogue.md). The plain definition, source and
unit stay: they are the text for every language that has none of its own. Adding
nullable columns (and dropping them) needs no table rebuild, on SQLite either.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 01:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

LANGS = ('sv', 'pl', 'en')
FIELDS = (('definition', sa.Text), ('source', sa.Text), ('unit', lambda: sa.String(length=64)))


def upgrade() -> None:
    for field, kind in FIELDS:
        for lang in LANGS:
            op.add_column('indicators', sa.Column(f'{field}_{lang}', kind(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN, on SQLite (3.35+) too: a batch rebuild of indicators
    # would cascade to every value (see 0007)
    for field, _ in reversed(FIELDS):
        for lang in reversed(LANGS):
            op.drop_column('indicators', f'{field}_{lang}')
