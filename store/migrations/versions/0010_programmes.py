"""programmes: targets, initiatives and institutions, places, the self-assessment

The programme register (programmes, goals and the indicators that measure them), targets
per indicator (city-wide or per area), initiatives with their areas and partner
institutions, places (resources and arenas as points) with their categories, and the
cross-sector collaboration self-assessment (statements and anonymous answers by round).
Also areas.priority (the city's order of its prioritized areas) and the catalogue's
residents_view and survey (the residents' own assessment). All replaced with the city.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 03:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessment_statements',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('dimension', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_sv', sa.Text(), nullable=False),
    sa.Column('text_pl', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("dimension IN ('needs','values','participation','motivation','willingness','practices')", name=op.f('ck_assessment_statements_dimension')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_statements'))
    )
    op.create_table('institutions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("type IN ('municipal_department','school','social_welfare','labour_office','police','health_care','ngo','housing_company','business','residents_group')", name=op.f('ck_institutions_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institutions'))
    )
    op.create_table('place_categories',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name_sv', sa.String(length=200), nullable=False),
    sa.Column('name_pl', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_place_categories'))
    )
    op.create_table('programmes',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('name_pl', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('description_sv', sa.Text(), nullable=True),
    sa.Column('description_pl', sa.Text(), nullable=True),
    sa.Column('description_en', sa.Text(), nullable=True),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes'))
    )
    op.create_table('assessment_answers',
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('respondent', sa.Integer(), nullable=False),
    sa.Column('sector', sa.String(length=32), nullable=False),
    sa.Column('department', sa.String(length=300), nullable=True),
    sa.Column('statement_id', sa.String(length=32), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("sector IN ('education','social_welfare','health_care','employment','urban_planning','culture_leisure','safety','housing','ngo','other')", name=op.f('ck_assessment_answers_sector')),
    sa.CheckConstraint('score IS NULL OR (score >= 1 AND score <= 5)', name=op.f('ck_assessment_answers_score')),
    sa.ForeignKeyConstraint(['statement_id'], ['assessment_statements.id'], name=op.f('fk_assessment_answers_statement_id_assessment_statements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round', 'respondent', 'statement_id', name=op.f('pk_assessment_answers'))
    )
    op.create_table('goal_indicators',
    sa.Column('programme_id', sa.String(length=64), nullable=False),
    sa.Column('goal_id', sa.String(length=64), nullable=False),
    sa.Column('indicator_id', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_goal_indicators_indicator_id_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('programme_id', 'goal_id', 'indicator_id', name=op.f('pk_goal_indicators'))
    )
    op.create_table('initiatives',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.String(length=64), nullable=True),
    sa.Column('goal_id', sa.String(length=64), nullable=True),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('name_pl', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('description_sv', sa.Text(), nullable=True),
    sa.Column('description_pl', sa.Text(), nullable=True),
    sa.Column('description_en', sa.Text(), nullable=True),
    sa.Column('sector', sa.String(length=32), nullable=False),
    sa.Column('lead_institution', sa.String(length=64), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('budget', sa.Float(), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("sector IN ('education','employment','community_life','housing','health','safety','environment')", name=op.f('ck_initiatives_sector')),
    sa.CheckConstraint("status IN ('planned','ongoing','completed','stopped')", name=op.f('ck_initiatives_status')),
    sa.ForeignKeyConstraint(['lead_institution'], ['institutions.id'], name=op.f('fk_initiatives_lead_institution_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_initiatives_programme_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiatives'))
    )
    op.create_table('places',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('area_code', sa.String(length=64), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['area_code'], ['areas.code'], name=op.f('fk_places_area_code_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['category'], ['place_categories.code'], name=op.f('fk_places_category_place_categories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    op.create_table('programme_goals',
    sa.Column('programme_id', sa.String(length=64), nullable=False),
    sa.Column('goal_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name_sv', sa.String(length=300), nullable=False),
    sa.Column('name_pl', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_programme_goals_programme_id_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('programme_id', 'goal_id', name=op.f('pk_programme_goals'))
    )
    op.create_table('targets',
    sa.Column('indicator_id', sa.String(length=100), nullable=False),
    sa.Column('area_code', sa.String(length=64), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=False),
    sa.Column('age_group', sa.String(length=32), nullable=False),
    sa.Column('programme_id', sa.String(length=64), nullable=True),
    sa.Column('goal_id', sa.String(length=64), nullable=True),
    sa.Column('baseline_period', sa.String(length=32), nullable=False),
    sa.Column('baseline_value', sa.Float(), nullable=False),
    sa.Column('target_period', sa.String(length=32), nullable=False),
    sa.Column('target_value', sa.Float(), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("direction IN ('increase','decrease')", name=op.f('ck_targets_direction')),
    sa.CheckConstraint("sex IN ('total','female','male')", name=op.f('ck_targets_sex')),
    sa.ForeignKeyConstraint(['area_code'], ['areas.code'], name=op.f('fk_targets_area_code_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_targets_indicator_id_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('indicator_id', 'area_code', 'sex', 'age_group', name=op.f('pk_targets'))
    )
    op.create_table('initiative_areas',
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('area_code', sa.String(length=64), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['area_code'], ['areas.code'], name=op.f('fk_initiative_areas_area_code_areas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_areas_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'area_code', name=op.f('pk_initiative_areas'))
    )
    op.create_table('initiative_partners',
    sa.Column('initiative_id', sa.String(length=64), nullable=False),
    sa.Column('institution_id', sa.String(length=64), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_partners_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_initiative_partners_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'institution_id', name=op.f('pk_initiative_partners'))
    )
    op.add_column('areas', sa.Column('priority', sa.Integer(), nullable=True))
    op.add_column('indicators', sa.Column('residents_view', sa.Boolean(), nullable=True))
    op.add_column('indicators', sa.Column('survey', sa.Text(), nullable=True))



def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN, on SQLite (3.35+) too: a batch rebuild of areas or
    # indicators would cascade to every value (see 0007)
    op.drop_column('indicators', 'survey')
    op.drop_column('indicators', 'residents_view')
    op.drop_column('areas', 'priority')

    op.drop_table('initiative_partners')
    op.drop_table('initiative_areas')
    op.drop_table('targets')
    op.drop_table('programme_goals')
    op.drop_table('places')
    op.drop_table('initiatives')
    op.drop_table('goal_indicators')
    op.drop_table('assessment_answers')
    op.drop_table('programmes')
    op.drop_table('place_categories')
    op.drop_table('institutions')
    op.drop_table('assessment_statements')
