"""public-health methods: standardised value types, the standard, deprivation, comparators

indicators: value types dsr, isr and life_expectancy (their values come by age band) and
the standard population of a dsr indicator (`standard`: esp2013 or city; NULL: esp2013).
city: the catalogue id of the deprivation measure the slope index of inequality ranks
areas by. comparators and comparator_values: the country's or the region's values of the
city's indicators (and, later, programme targets), replaced with the rest of the city on
every refresh (on PostgreSQL swapped in like the others).

On SQLite a new check constraint means a new indicators table (batch mode), and with
foreign keys on, dropping the old one would cascade to every value: the values are kept
aside in a temporary table and put back, in the migration's one transaction.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

OLD_TYPES = "'proportion','percentage','rate','mean','median','count','score'"
NEW_TYPES = OLD_TYPES + ",'dsr','isr','life_expectancy'"
KEPT = 'indicator_values_kept_0007'


def _keep_values() -> bool:
    """SQLite: copy the values aside before the indicators table is rebuilt."""
    if op.get_bind().dialect.name != 'sqlite':
        return False
    op.execute(f'CREATE TEMP TABLE {KEPT} AS SELECT * FROM indicator_values')
    return True


def _put_values_back() -> None:
    op.execute(f'INSERT INTO indicator_values SELECT * FROM {KEPT}')
    op.execute(f'DROP TABLE {KEPT}')


def _value_types(types: str, standard: bool) -> None:
    """Rebuild the value_type check (and add or drop the standard column)."""
    kept = _keep_values()
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        if standard:
            batch_op.add_column(sa.Column('standard', sa.String(length=32), nullable=True))
        else:
            batch_op.drop_column('standard')
        batch_op.drop_constraint(op.f('ck_indicators_value_type'), type_='check')
        batch_op.create_check_constraint(op.f('ck_indicators_value_type'),
                                         f'value_type IN ({types})')
    if kept:
        _put_values_back()


def upgrade() -> None:
    _value_types(NEW_TYPES, standard=True)
    with op.batch_alter_table('city', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deprivation_indicator', sa.String(length=100),
                                      nullable=True))
    op.create_table('comparators',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name_sv', sa.String(length=200), nullable=True),
    sa.Column('name_pl', sa.String(length=200), nullable=True),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('national','regional','target')",
                       name=op.f('ck_comparators_kind')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_comparators'))
    )
    op.create_table('comparator_values',
    sa.Column('comparator_code', sa.String(length=64), nullable=False),
    sa.Column('indicator_id', sa.String(length=100), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=False),
    sa.Column('age_group', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('lower_ci', sa.Float(), nullable=True),
    sa.Column('upper_ci', sa.Float(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("sex IN ('total','female','male')",
                       name=op.f('ck_comparator_values_sex')),
    sa.ForeignKeyConstraint(['comparator_code'], ['comparators.code'],
                            name=op.f('fk_comparator_values_comparator_code_comparators'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'],
                            name=op.f('fk_comparator_values_indicator_id_indicators'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('comparator_code', 'indicator_id', 'period', 'sex', 'age_group',
                            name=op.f('pk_comparator_values'))
    )


def downgrade() -> None:
    op.drop_table('comparator_values')
    op.drop_table('comparators')
    # Not in batch mode (see 0005): a plain DROP COLUMN keeps the city row.
    op.drop_column('city', 'deprivation_indicator')
    # Indicators of the new types cannot exist in the older schema: they go, with their values.
    op.execute(f"DELETE FROM indicators WHERE value_type NOT IN ({OLD_TYPES})")
    _value_types(OLD_TYPES, standard=False)
