"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 17:26:08.996297
"""
from alembic import op
import sqlalchemy as sa
import store.schema


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('areas',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=False),
    sa.Column('parent_code', sa.String(length=64), nullable=True),
    sa.Column('prioritized', sa.Boolean(), nullable=False),
    sa.Column('population', sa.Float(), nullable=True),
    sa.Column('area_km2', sa.Float(), nullable=True),
    sa.Column('geom', store.schema.MultiPolygonType(), nullable=False),
    sa.Column('display_geom', store.schema.MultiPolygonType(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_areas'))
    )
    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.create_index('ix_areas_level', ['level'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.create_index('ix_areas_geom_gist', 'areas', ['geom'], unique=False, postgresql_using='gist')

    op.create_table('city',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_sv', sa.String(length=200), nullable=True),
    sa.Column('name_pl', sa.String(length=200), nullable=True),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('synthetic', sa.Boolean(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_city'))
    )
    op.create_table('indicators',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('name_pl', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('description_sv', sa.Text(), nullable=True),
    sa.Column('description_pl', sa.Text(), nullable=True),
    sa.Column('description_en', sa.Text(), nullable=True),
    sa.Column('domain', sa.String(length=64), nullable=False),
    sa.Column('unit', sa.String(length=64), nullable=True),
    sa.Column('value_type', sa.String(length=16), nullable=False),
    sa.Column('multiplier', sa.Float(), nullable=False),
    sa.Column('polarity', sa.String(length=16), nullable=False),
    sa.Column('decimals', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('definition', sa.Text(), nullable=True),
    sa.Column('min_numerator', sa.Float(), nullable=True),
    sa.Column('min_denominator', sa.Float(), nullable=True),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("polarity IN ('high_is_good','low_is_good','neutral')", name=op.f('ck_indicators_polarity')),
    sa.CheckConstraint("value_type IN ('proportion','percentage','rate','mean','median','count','score')", name=op.f('ck_indicators_value_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators'))
    )
    op.create_table('load_batches',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('city_code', sa.String(length=64), nullable=True),
    sa.Column('config_path', sa.Text(), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('areas_loaded', sa.Integer(), nullable=True),
    sa.Column('indicators_loaded', sa.Integer(), nullable=True),
    sa.Column('values_loaded', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_load_batches'))
    )
    op.create_table('batch_files',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['load_batches.id'], name=op.f('fk_batch_files_batch_id_load_batches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_batch_files'))
    )
    op.create_table('indicator_values',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('indicator_id', sa.String(length=100), nullable=False),
    sa.Column('area_code', sa.String(length=64), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=False),
    sa.Column('age_group', sa.String(length=32), nullable=False),
    sa.Column('numerator', sa.Float(), nullable=True),
    sa.Column('denominator', sa.Float(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('lower_ci', sa.Float(), nullable=True),
    sa.Column('upper_ci', sa.Float(), nullable=True),
    sa.Column('status', sa.String(length=64), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("sex IN ('total','female','male')", name=op.f('ck_indicator_values_sex')),
    sa.ForeignKeyConstraint(['area_code'], ['areas.code'], name=op.f('fk_indicator_values_area_code_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_indicator_values_indicator_id_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_values')),
    sa.UniqueConstraint('indicator_id', 'area_code', 'period', 'sex', 'age_group', name='key')
    )
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.create_index('ix_values_area', ['area_code'], unique=False)


def downgrade() -> None:
    op.drop_table('indicator_values')
    op.drop_table('batch_files')
    op.drop_table('load_batches')
    op.drop_table('indicators')
    op.drop_table('city')
    op.drop_table('areas')
