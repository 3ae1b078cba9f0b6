"""What a load materialises for the readers (issue 14): the comparison table, computed once
per load batch by the ETL and read in slices by the dashboard, the exports and the API;
and the areas' display geometry for the browser.

- ``comparison_rows``: the engine's comparison table (``indicators.contract``'s columns),
  one row per indicator × area × period × sex × age group, with ``position`` (the engine's
  row order) and ``batch_id``. Its primary key serves a map (one indicator, period, sex
  and age group) and an indicator's rows; an index on the area serves a profile.
- ``comparison_cells``: one row per indicator × period × sex × age group: which periods,
  sexes and age groups an indicator has, its headline age group, whether the period is
  its latest, how many areas the cell compares with the city (hundreds of rows: what a
  worker reads when it starts).
- ``comparison_columns``: each column's pandas dtype (categories and their order
  included), so that a slice read back has exactly the engine's dtypes.

All three are replaced with the city's values in the same swap, so a reader never sees one
batch's values with another batch's comparisons.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    Table,
    Text,
)

from store.base import Base

TEXT_COLUMNS = (
    "indicator_id", "domain", "area_code", "level", "period", "sex", "age_group",
    "compared_to_city", "compared_to_rest_of_city", "trend", "gap_trend", "status", "polarity",
    "value_type", "unit", "city_source", "headline_age_group", "ci998_source", "comparison_basis",
)
BOOL_COLUMNS = ("prioritized", "is_latest")
INT_COLUMNS = ("rank", "quintile", "decimals")
ROW_KEY = ("indicator_id", "period", "sex", "age_group", "area_code")
CELL_KEY = ("indicator_id", "period", "sex", "age_group")


def _type(name: str) -> type:
    if name in TEXT_COLUMNS:
        return Text
    if name in BOOL_COLUMNS:
        return Boolean
    if name in INT_COLUMNS:
        return Integer
    return Float


# The engine's columns in its order (indicators.contract TABLE_COLUMNS + EXTRA_COLUMNS; the
# store imports nothing above it, so tests/store/test_comparison_store.py keeps them equal).
ROW_COLUMNS = [
    "indicator_id", "domain", "area_code", "level", "prioritized", "period", "sex", "age_group",
    "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator", "denominator",
    "city_value", "city_lower_ci95", "city_upper_ci95", "difference", "ratio",
    "compared_to_city", "compared_to_rest_of_city", "trend", "gap_trend", "rank", "quintile",
    "status", "polarity", "value_type", "unit", "decimals", "is_latest",
    "city_source", "city_discrepancy", "rest_value", "headline_age_group", "ci998_source",
    "comparison_basis",
]


comparison_rows = Table(
    "comparison_rows",
    Base.metadata,
    *[Column(name, _type(name), nullable=name not in ROW_KEY) for name in ROW_COLUMNS],
    Column("position", Integer, nullable=False),
    Column("batch_id", Integer),
    PrimaryKeyConstraint(*ROW_KEY),
    Index("ix_comparison_rows_area", "area_code", "indicator_id"),
)

comparison_cells = Table(
    "comparison_cells",
    Base.metadata,
    *[Column(name, Text, nullable=False) for name in CELL_KEY],
    Column("headline_age_group", Text),
    Column("is_latest", Boolean, nullable=False),
    # non-city rows of their latest period judged against the city (not_compared and
    # benchmark are not judgements)
    Column("areas_compared", Integer, nullable=False),
    Column("rows", Integer, nullable=False),
    Column("batch_id", Integer),
    PrimaryKeyConstraint(*CELL_KEY),
)

comparison_columns = Table(
    "comparison_columns",
    Base.metadata,
    Column("name", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("dtype", Text, nullable=False),  # pandas dtype name (category, Int32, float64, ...)
    Column("categories", Text),  # JSON list for a category column
    Column("ordered", Boolean),
    Column("batch_id", Integer),
    PrimaryKeyConstraint("name"),
)

# The areas' outlines for the browser (store.display_geometry), made once per load: the
# gzipped compact GeoJSON the map fetches, with its bounds and how it was simplified.
display_geometries = Table(
    "display_geometries",
    Base.metadata,
    Column("name", Text, nullable=False),  # "areas": the mapped areas
    Column("gzipped", LargeBinary, nullable=False),
    Column("lon_min", Float, nullable=False),
    Column("lat_min", Float, nullable=False),
    Column("lon_max", Float, nullable=False),
    Column("lat_max", Float, nullable=False),
    Column("decimals", Integer, nullable=False),
    Column("tolerance", Float, nullable=False),
    Column("vertices", Integer, nullable=False),
    Column("batch_id", Integer),
    PrimaryKeyConstraint("name"),
)

# Swapped after the values, in this order (etl.bulk.SWAPPED, store.read.SNAPSHOT_LOCK).
MATERIALISED_TABLES = ("comparison_rows", "comparison_cells", "comparison_columns",
                       "display_geometries")
CELL_COLUMNS = [*CELL_KEY, "headline_age_group", "is_latest", "areas_compared", "rows"]
