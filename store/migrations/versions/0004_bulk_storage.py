"""PostGIS: geometries stored uncompressed, the values' key index packed full

Geometries are coordinates, which pglz barely compresses (59 MB to 57 MB for
6,000 national-scale areas) at a fourfold cost in load time and a cost on every
read: EXTERNAL storage keeps them out of line, uncompressed. The values' primary
key is rebuilt whole on every refresh and never updated in place, so its pages
are packed full (fillfactor 100): a smaller index, built faster. SQLite: nothing.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 20:10:00
"""
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(
        'ALTER TABLE areas ALTER COLUMN geom SET STORAGE EXTERNAL, '
        'ALTER COLUMN display_geom SET STORAGE EXTERNAL'
    )
    op.execute('ALTER INDEX pk_indicator_values SET (fillfactor = 100)')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('ALTER INDEX pk_indicator_values RESET (fillfactor)')
    op.execute(
        'ALTER TABLE areas ALTER COLUMN geom SET STORAGE MAIN, '
        'ALTER COLUMN display_geom SET STORAGE MAIN'
    )
