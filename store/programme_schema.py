"""Programme monitoring: what the city is doing in its areas (issue #13).

Programmes with goals and the indicators that measure them, targets (city-wide or per
area), initiatives with their areas and institutions, places (resources and arenas as
points) and the cross-sector collaboration self-assessment. All are part of the city: a
refresh replaces them with the rest, in the same transaction (etl.load, etl.bulk.SWAPPED).
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from store.base import Base

# The sectors of integrated work (URBACT CoNet), in the order a profile lists them.
SECTORS = (
    "education", "employment", "community_life", "housing", "health", "safety", "environment",
)
# The institutions that cooperate around a family's needs (Kooperacja 3D), typed.
INSTITUTION_TYPES = (
    "municipal_department", "school", "social_welfare", "labour_office", "police",
    "health_care", "ngo", "housing_company", "business", "residents_group",
)
INITIATIVE_STATUSES = ("planned", "ongoing", "completed", "stopped")
# Which way a target lies from its baseline.
TARGET_DIRECTIONS = ("increase", "decrease")
# Where a self-assessment respondent works (Healthy Boost: cross-sector collaboration).
RESPONDENT_SECTORS = (
    "education", "social_welfare", "health_care", "employment", "urban_planning",
    "culture_leisure", "safety", "housing", "ngo", "other",
)
# The self-assessment's six dimensions, in the questionnaire's order.
DIMENSIONS = ("needs", "values", "participation", "motivation", "willingness", "practices")


def _in(column: str, allowed: tuple[str, ...]) -> str:
    return f"{column} IN (" + ",".join(f"'{a}'" for a in allowed) + ")"


class Programme(Base):
    """A programme of the city (e.g. Gdańsk's social integration programme)."""

    __tablename__ = "programmes"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name_sv: Mapped[str] = mapped_column(String(300))
    name_pl: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    description_sv: Mapped[str | None] = mapped_column(Text)
    description_pl: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(Integer)


class ProgrammeGoal(Base):
    """A goal of a programme."""

    __tablename__ = "programme_goals"
    programme_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("programmes.id", ondelete="CASCADE"))
    goal_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)
    name_sv: Mapped[str] = mapped_column(String(300))
    name_pl: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("programme_id", "goal_id"),)


class GoalIndicator(Base):
    """An indicator that measures a goal."""

    __tablename__ = "goal_indicators"
    programme_id: Mapped[str] = mapped_column(String(64))
    goal_id: Mapped[str] = mapped_column(String(64))
    indicator_id: Mapped[str] = mapped_column(
        String(100), ForeignKey("indicators.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("programme_id", "goal_id", "indicator_id"),)


class Target(Base):
    """A target of an indicator, city-wide (area_code = the city's code) or for one area."""

    __tablename__ = "targets"
    indicator_id: Mapped[str] = mapped_column(
        String(100), ForeignKey("indicators.id", ondelete="CASCADE"))
    area_code: Mapped[str] = mapped_column(String(64), ForeignKey("areas.code", ondelete="CASCADE"))
    sex: Mapped[str] = mapped_column(String(8), default="total")
    age_group: Mapped[str] = mapped_column(String(32), default="all")
    programme_id: Mapped[str | None] = mapped_column(String(64))
    goal_id: Mapped[str | None] = mapped_column(String(64))
    baseline_period: Mapped[str] = mapped_column(String(32))
    baseline_value: Mapped[float] = mapped_column(Float)
    target_period: Mapped[str] = mapped_column(String(32))
    target_value: Mapped[float] = mapped_column(Float)
    direction: Mapped[str] = mapped_column(String(16))  # TARGET_DIRECTIONS
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint("indicator_id", "area_code", "sex", "age_group"),
        CheckConstraint(_in("direction", TARGET_DIRECTIONS), name="direction"),
        CheckConstraint("sex IN ('total','female','male')", name="sex"),
    )


class Institution(Base):
    """An institution that leads or takes part in initiatives."""

    __tablename__ = "institutions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(32))  # INSTITUTION_TYPES
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (CheckConstraint(_in("type", INSTITUTION_TYPES), name="type"),)


class Initiative(Base):
    """An initiative (action) of a programme, in one or more areas."""

    __tablename__ = "initiatives"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    programme_id: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("programmes.id", ondelete="CASCADE"))
    goal_id: Mapped[str | None] = mapped_column(String(64))
    name_sv: Mapped[str] = mapped_column(String(300))
    name_pl: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    description_sv: Mapped[str | None] = mapped_column(Text)
    description_pl: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str] = mapped_column(String(32))  # SECTORS
    lead_institution: Mapped[str] = mapped_column(
        String(64), ForeignKey("institutions.id", ondelete="CASCADE"))
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)  # NULL: open-ended
    status: Mapped[str] = mapped_column(String(16))  # INITIATIVE_STATUSES
    budget: Mapped[float | None] = mapped_column(Float)  # in the city's currency
    participants: Mapped[int | None] = mapped_column(Integer)  # people reached
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint(_in("sector", SECTORS), name="sector"),
        CheckConstraint(_in("status", INITIATIVE_STATUSES), name="status"),
    )


class InitiativeArea(Base):
    """An area an initiative runs in."""

    __tablename__ = "initiative_areas"
    initiative_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("initiatives.id", ondelete="CASCADE"))
    area_code: Mapped[str] = mapped_column(String(64), ForeignKey("areas.code", ondelete="CASCADE"))
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("initiative_id", "area_code"),)


class InitiativePartner(Base):
    """An institution taking part in an initiative besides its lead."""

    __tablename__ = "initiative_partners"
    initiative_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("initiatives.id", ondelete="CASCADE"))
    institution_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("institutions.id", ondelete="CASCADE"))
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (PrimaryKeyConstraint("initiative_id", "institution_id"),)


class PlaceCategory(Base):
    """A category of places (schools, libraries, meeting places...), named per language."""

    __tablename__ = "place_categories"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name_sv: Mapped[str] = mapped_column(String(200))
    name_pl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    batch_id: Mapped[int | None] = mapped_column(Integer)


class Place(Base):
    """A resource or arena as a point (WGS 84), with the area it lies in (NULL: outside)."""

    __tablename__ = "places"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    category: Mapped[str] = mapped_column(
        String(64), ForeignKey("place_categories.code", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    area_code: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("areas.code", ondelete="CASCADE"))
    batch_id: Mapped[int | None] = mapped_column(Integer)


class AssessmentStatement(Base):
    """A statement of the collaboration self-assessment questionnaire."""

    __tablename__ = "assessment_statements"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(32))  # DIMENSIONS
    position: Mapped[int] = mapped_column(Integer)
    text_sv: Mapped[str] = mapped_column(Text)
    text_pl: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (CheckConstraint(_in("dimension", DIMENSIONS), name="dimension"),)


class AssessmentAnswer(Base):
    """One respondent's score (1-5) of one statement in one round; no names are stored:
    a respondent is a number within the round."""

    __tablename__ = "assessment_answers"
    round: Mapped[int] = mapped_column(Integer)  # the year of the round
    respondent: Mapped[int] = mapped_column(Integer)
    sector: Mapped[str] = mapped_column(String(32))  # RESPONDENT_SECTORS
    department: Mapped[str | None] = mapped_column(String(300))
    statement_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessment_statements.id", ondelete="CASCADE"))
    score: Mapped[int | None] = mapped_column(Integer)  # NULL: not answered
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint("round", "respondent", "statement_id"),
        CheckConstraint(_in("sector", RESPONDENT_SECTORS), name="sector"),
        CheckConstraint("score IS NULL OR (score >= 1 AND score <= 5)", name="score"),
    )


# The programme tables in the order a load writes them (parents first).
PROGRAMME_TABLES = (
    "programmes", "programme_goals", "goal_indicators", "targets", "institutions",
    "initiatives", "initiative_areas", "initiative_partners", "place_categories", "places",
    "assessment_statements", "assessment_answers",
)
