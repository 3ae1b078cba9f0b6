"""The one schema of the atlas store.

Works on PostGIS (geometry columns with SRID 4326 and GiST indexes) and on an
embedded SQLite file (geometry kept as WKB in a BLOB). A store holds one city:
a refresh replaces its areas, catalogue and values in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import shapely
from geoalchemy2 import Geometry, WKBElement
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from store.base import NAMING as NAMING
from store.base import Base as Base

SRID = 4326
VALUE_TYPES = (
    "proportion", "percentage", "rate", "mean", "median", "count", "score",
    "dsr", "isr", "life_expectancy",
)
# Computed from counts and populations by age band (directly standardised rate,
# indirectly standardised ratio, life expectancy): their values come age-banded.
STANDARDISED_TYPES = ("dsr", "isr", "life_expectancy")
# The standard population of a dsr indicator (store.schema.Indicator.standard); NULL: esp2013.
STANDARDS = ("esp2013", "city")
# What a comparator is (store.schema.Comparator.kind); the ETL loads national and regional.
COMPARATOR_KINDS = ("national", "regional", "target")
POLARITIES = ("high_is_good", "low_is_good", "neutral")
SEXES = ("total", "female", "male")
# What an area note is, in the order a profile lists them (store.schema.AreaNote.kind).
NOTE_KINDS = ("resource", "arena", "initiative", "residents_view")



class MultiPolygonType(TypeDecorator[Any]):
    """MultiPolygon in EPSG:4326: PostGIS ``geometry`` or a WKB BLOB on SQLite.

    Python side: shapely geometries in, shapely geometries out.
    """

    impl = LargeBinary
    cache_ok = True
    # Read by GeoAlchemy2's DDL listeners, which see the PostGIS impl.
    geometry_type = "MULTIPOLYGON"
    srid = SRID
    dimension = 2
    spatial_index = False
    use_N_D_index = False
    use_typmod = None
    nullable = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        # GeoAlchemy2's DDL listeners call this with dialect=None.
        if dialect is not None and dialect.name == "postgresql":
            return dialect.type_descriptor(
                Geometry("MULTIPOLYGON", srid=SRID, spatial_index=False)
            )
        if dialect is None:
            return LargeBinary()
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, bytes | memoryview):
            value = shapely.from_wkb(bytes(value))
        if dialect.name == "postgresql":
            return shapely.to_wkb(shapely.set_srid(value, SRID), hex=True, include_srid=True)
        return shapely.to_wkb(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return to_shapely(value)


def to_shapely(value: Any) -> Any:
    """Shapely geometry from WKB bytes, hex (E)WKB text or a GeoAlchemy2 element."""
    if value is None or isinstance(value, shapely.Geometry):
        return value
    if isinstance(value, WKBElement):
        return shapely.from_wkb(bytes(value.data))
    if isinstance(value, memoryview):
        value = bytes(value)
    return shapely.from_wkb(value)


class City(Base):
    """The city this store holds (one row)."""

    __tablename__ = "city"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_sv: Mapped[str | None] = mapped_column(String(200))
    name_pl: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    # catalogue id of the measure the city ranks its areas by for the slope index of inequality
    deprivation_indicator: Mapped[str | None] = mapped_column(String(100))
    batch_id: Mapped[int | None] = mapped_column(Integer)


class Area(Base):
    """A district, neighbourhood or the whole city (level ``city``)."""

    __tablename__ = "areas"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(32), default="district")
    parent_code: Mapped[str | None] = mapped_column(String(64))
    prioritized: Mapped[bool] = mapped_column(Boolean, default=False)
    population: Mapped[float | None] = mapped_column(Float)
    area_km2: Mapped[float | None] = mapped_column(Float)
    # position in the city's [prioritized] codes (1, 2, ...); NULL for other areas
    priority: Mapped[int | None] = mapped_column(Integer)
    geom: Mapped[Any] = mapped_column(MultiPolygonType())
    display_geom: Mapped[Any] = mapped_column(MultiPolygonType())
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_areas_geom_gist", "geom", postgresql_using="gist").ddl_if(dialect="postgresql"),
        Index("ix_areas_level", "level"),
    )


class Indicator(Base):
    """The indicator catalogue."""

    __tablename__ = "indicators"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name_sv: Mapped[str] = mapped_column(String(300))
    name_pl: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    description_sv: Mapped[str | None] = mapped_column(Text)
    description_pl: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    domain: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str | None] = mapped_column(String(64))
    value_type: Mapped[str] = mapped_column(String(16))
    multiplier: Mapped[float] = mapped_column(Float, default=1.0)
    polarity: Mapped[str] = mapped_column(String(16), default="neutral")
    decimals: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str | None] = mapped_column(Text)
    definition: Mapped[str | None] = mapped_column(Text)
    # the text in each language; the plain column above is the text for every other one
    definition_sv: Mapped[str | None] = mapped_column(Text)
    definition_pl: Mapped[str | None] = mapped_column(Text)
    definition_en: Mapped[str | None] = mapped_column(Text)
    source_sv: Mapped[str | None] = mapped_column(Text)
    source_pl: Mapped[str | None] = mapped_column(Text)
    source_en: Mapped[str | None] = mapped_column(Text)
    unit_sv: Mapped[str | None] = mapped_column(String(64))
    unit_pl: Mapped[str | None] = mapped_column(String(64))
    unit_en: Mapped[str | None] = mapped_column(String(64))
    min_numerator: Mapped[float | None] = mapped_column(Float)
    min_denominator: Mapped[float | None] = mapped_column(Float)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    # the age group an area's profile counts (indicators.headline_age_groups); NULL: the rule
    headline_age_group: Mapped[str | None] = mapped_column(String(32))
    # the standard population of a dsr indicator (STANDARDS); NULL: esp2013
    standard: Mapped[str | None] = mapped_column(String(32))
    # the residents' own assessment (a survey of residents: trust, safety, belonging),
    # grouped under that heading in a profile with the survey's name
    residents_view: Mapped[bool | None] = mapped_column(Boolean)
    survey: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint(
            "value_type IN ('proportion','percentage','rate','mean','median','count','score',"
            "'dsr','isr','life_expectancy')",
            name="value_type",
        ),
        CheckConstraint("polarity IN ('high_is_good','low_is_good','neutral')", name="polarity"),
    )


class IndicatorValue(Base):
    """One value: indicator x area x period x sex x age group."""

    __tablename__ = "indicator_values"
    indicator_id: Mapped[str] = mapped_column(
        String(100), ForeignKey("indicators.id", ondelete="CASCADE")
    )
    area_code: Mapped[str] = mapped_column(String(64), ForeignKey("areas.code", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(32))
    sex: Mapped[str] = mapped_column(String(8), default="total")
    age_group: Mapped[str] = mapped_column(String(32), default="all")
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Float)
    lower_ci: Mapped[float | None] = mapped_column(Float)
    upper_ci: Mapped[float | None] = mapped_column(Float)
    sd: Mapped[float | None] = mapped_column(Float)  # standard deviation, for means
    status: Mapped[str | None] = mapped_column(String(64))
    # an estimate (areal interpolation, a share of a split area: etl.aggregate); NULL: not
    estimated: Mapped[bool | None] = mapped_column(Boolean)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        # The natural key is the primary key, area first: it also serves lookups by
        # area, so a bulk load builds one index (from rows sent in this order).
        PrimaryKeyConstraint("area_code", "indicator_id", "period", "sex", "age_group"),
        CheckConstraint("sex IN ('total','female','male')", name="sex"),
    )


class AreaNote(Base):
    """A line of an area's knowledge profile: a resource, an arena (meeting place), an
    ongoing initiative or the residents' own view, in up to three languages."""

    __tablename__ = "area_notes"
    area_code: Mapped[str] = mapped_column(String(64), ForeignKey("areas.code", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)  # order in the file, per area
    title_sv: Mapped[str | None] = mapped_column(Text)
    title_pl: Mapped[str | None] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    text_sv: Mapped[str | None] = mapped_column(Text)
    text_pl: Mapped[str | None] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint("area_code", "position"),
        CheckConstraint(
            "kind IN ('resource','arena','initiative','residents_view')", name="kind"
        ),
    )


class Comparator(Base):
    """An area outside the city that its values are compared with: the country, the region,
    or (later) a programme target."""

    __tablename__ = "comparators"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name_sv: Mapped[str | None] = mapped_column(String(200))
    name_pl: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("kind IN ('national','regional','target')", name="kind"),
    )


class ComparatorValue(Base):
    """A comparator's value: comparator x indicator x period x sex x age group."""

    __tablename__ = "comparator_values"
    comparator_code: Mapped[str] = mapped_column(
        String(64), ForeignKey("comparators.code", ondelete="CASCADE")
    )
    indicator_id: Mapped[str] = mapped_column(
        String(100), ForeignKey("indicators.id", ondelete="CASCADE")
    )
    period: Mapped[str] = mapped_column(String(32))
    sex: Mapped[str] = mapped_column(String(8), default="total")
    age_group: Mapped[str] = mapped_column(String(32), default="all")
    value: Mapped[float | None] = mapped_column(Float)
    lower_ci: Mapped[float | None] = mapped_column(Float)
    upper_ci: Mapped[float | None] = mapped_column(Float)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        PrimaryKeyConstraint("comparator_code", "indicator_id", "period", "sex", "age_group"),
        CheckConstraint("sex IN ('total','female','male')", name="sex"),
    )


class LoadBatch(Base):
    """One run of the ETL: what was loaded, when, and how it ended."""

    __tablename__ = "load_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    city_code: Mapped[str | None] = mapped_column(String(64))
    config_path: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # running | succeeded | failed | unchanged
    areas_loaded: Mapped[int | None] = mapped_column(Integer)
    indicators_loaded: Mapped[int | None] = mapped_column(Integer)
    values_loaded: Mapped[int | None] = mapped_column(Integer)
    message: Mapped[str | None] = mapped_column(Text)


class BatchFile(Base):
    """A source file of a load batch, with its SHA-256 and row count."""

    __tablename__ = "batch_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("load_batches.id", ondelete="CASCADE")
    )
    # boundaries | catalogue | table | source | notes | comparator | programme | places
    # | assessment
    kind: Mapped[str] = mapped_column(String(16))
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int | None] = mapped_column(Integer)


# The programme tables (targets, initiatives, places, self-assessment) join the metadata.
# The comparison table as each load materialises it (issue 14).
import store.comparison_schema  # noqa: E402
import store.programme_schema  # noqa: E402, F401

TABLES = Base.metadata.sorted_tables
