"""materialised at load: the comparison table, its cells and dtypes; the display geometry

The ETL computes the engine's comparison table in the load batch and writes it beside the
values (comparison_rows, keyed for a map's and an indicator's reads, indexed by area for a
profile's), with a summary per indicator × period × sex × age group (comparison_cells)
and each column's pandas dtype (comparison_columns); and the areas' outlines as the
browser gets them (display_geometries: gzipped GeoJSON, bounds). A store upgraded to this revision
holds no comparisons until its next load (or `wellbeing db materialise`); until then the
dashboard computes them as before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 07:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('comparison_rows',
    sa.Column('indicator_id', sa.Text(), nullable=False),
    sa.Column('domain', sa.Text(), nullable=True),
    sa.Column('area_code', sa.Text(), nullable=False),
    sa.Column('level', sa.Text(), nullable=True),
    sa.Column('prioritized', sa.Boolean(), nullable=True),
    sa.Column('period', sa.Text(), nullable=False),
    sa.Column('sex', sa.Text(), nullable=False),
    sa.Column('age_group', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('lower_ci95', sa.Float(), nullable=True),
    sa.Column('upper_ci95', sa.Float(), nullable=True),
    sa.Column('lower_ci998', sa.Float(), nullable=True),
    sa.Column('upper_ci998', sa.Float(), nullable=True),
    sa.Column('numerator', sa.Float(), nullable=True),
    sa.Column('denominator', sa.Float(), nullable=True),
    sa.Column('city_value', sa.Float(), nullable=True),
    sa.Column('city_lower_ci95', sa.Float(), nullable=True),
    sa.Column('city_upper_ci95', sa.Float(), nullable=True),
    sa.Column('difference', sa.Float(), nullable=True),
    sa.Column('ratio', sa.Float(), nullable=True),
    sa.Column('compared_to_city', sa.Text(), nullable=True),
    sa.Column('compared_to_rest_of_city', sa.Text(), nullable=True),
    sa.Column('trend', sa.Text(), nullable=True),
    sa.Column('gap_trend', sa.Text(), nullable=True),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('quintile', sa.Integer(), nullable=True),
    sa.Column('status', sa.Text(), nullable=True),
    sa.Column('polarity', sa.Text(), nullable=True),
    sa.Column('value_type', sa.Text(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('decimals', sa.Integer(), nullable=True),
    sa.Column('is_latest', sa.Boolean(), nullable=True),
    sa.Column('city_source', sa.Text(), nullable=True),
    sa.Column('city_discrepancy', sa.Float(), nullable=True),
    sa.Column('rest_value', sa.Float(), nullable=True),
    sa.Column('headline_age_group', sa.Text(), nullable=True),
    sa.Column('ci998_source', sa.Text(), nullable=True),
    sa.Column('comparison_basis', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('indicator_id', 'period', 'sex', 'age_group', 'area_code', name=op.f('pk_comparison_rows')),
    )
    op.create_table('comparison_cells',
    sa.Column('indicator_id', sa.Text(), nullable=False),
    sa.Column('period', sa.Text(), nullable=False),
    sa.Column('sex', sa.Text(), nullable=False),
    sa.Column('age_group', sa.Text(), nullable=False),
    sa.Column('headline_age_group', sa.Text(), nullable=True),
    sa.Column('is_latest', sa.Boolean(), nullable=False),
    sa.Column('areas_compared', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('indicator_id', 'period', 'sex', 'age_group', name=op.f('pk_comparison_cells')),
    )
    op.create_table('comparison_columns',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('dtype', sa.Text(), nullable=False),
    sa.Column('categories', sa.Text(), nullable=True),
    sa.Column('ordered', sa.Boolean(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_comparison_columns')),
    )
    op.create_index('ix_comparison_rows_area', 'comparison_rows', ['area_code', 'indicator_id'])
    op.create_table('display_geometries',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('gzipped', sa.LargeBinary(), nullable=False),
    sa.Column('lon_min', sa.Float(), nullable=False),
    sa.Column('lat_min', sa.Float(), nullable=False),
    sa.Column('lon_max', sa.Float(), nullable=False),
    sa.Column('lat_max', sa.Float(), nullable=False),
    sa.Column('decimals', sa.Integer(), nullable=False),
    sa.Column('tolerance', sa.Float(), nullable=False),
    sa.Column('vertices', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_display_geometries')),
    )


def downgrade() -> None:
    op.drop_table('display_geometries')
    op.drop_index('ix_comparison_rows_area', table_name='comparison_rows')
    op.drop_table('comparison_columns')
    op.drop_table('comparison_cells')
    op.drop_table('comparison_rows')
