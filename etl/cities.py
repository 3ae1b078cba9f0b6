"""A city's entry in a many-city store's registry (issue 14, item 3; ``store.cities``).

After a city's load, the registry gets what the level above needs of it: its names, the
number of its areas and indicators, its outline, its indicators, and its own values (the
whole-city rows of the comparison table) beside its national comparator's values, judged
against them as Fingertips judges an area against England (``indicators.comparators``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import Connection

from indicators.comparators import judge_against
from store.cities import city_of, write_city
from store.comparison_schema import comparison_rows
from store.read import read_comparators, read_geometries
from store.schema import City, Indicator, LoadBatch

SUMMARY_COLUMNS = ["indicator_id", "period", "sex", "age_group", "value", "lower_ci95", "upper_ci95",
                   "lower_ci998", "upper_ci998", "polarity", "value_type"]
INDICATOR_COLUMNS = ["id", "name_sv", "name_pl", "name_en", "domain", "unit", "value_type",
                     "polarity", "decimals"]
# A municipality's outline on a country's map (290 of them for Sweden): simplified to about
# 200 m and kept to 4 decimals (about 10 m), a few KB each
OUTLINE_TOLERANCE = 0.002  # degrees
OUTLINE_GRID = 1e-4  # degrees


def summarise(conn: Connection, slug: str) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame]:
    """City ``slug``'s registry entry, indicators and values, read in ``conn`` (its own tables)."""
    city = conn.execute(select(City)).mappings().first()
    if city is None:
        raise ValueError(f"city {slug!r} has no loaded data")
    batch = conn.execute(select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")).scalar()
    comparators, comparator_values = read_comparators(conn)
    national = comparators.loc[comparators["kind"] == "national"].head(1)
    catalogue = pd.DataFrame.from_records(
        conn.execute(select(*[getattr(Indicator, c) for c in INDICATOR_COLUMNS])).all(),
        columns=INDICATOR_COLUMNS)
    values = _own_values(conn, str(city["code"]), national, comparator_values)
    shapes = read_geometries(conn, display=True)  # every area's: counted, then outlined
    areas = shapes.loc[shapes["code"] != str(city["code"])]
    outline, bounds = _outline(areas)
    entry = {
        "slug": slug, "code": city["code"],
        **{f"name_{lang}": city[f"name_{lang}"] or city["name"] for lang in ("sv", "pl", "en")},
        "national_code": national["code"].iloc[0] if len(national) else None,
        **{f"national_name_{lang}": national[f"name_{lang}"].iloc[0] if len(national) else None
           for lang in ("sv", "pl", "en")},
        "batch_id": batch, "loaded_at": datetime.now(UTC).replace(tzinfo=None),
        "areas": len(areas), "indicators": len(catalogue),
        "outline": outline, **dict(zip(("min_x", "min_y", "max_x", "max_y"), bounds, strict=True)),
    }
    return entry, catalogue.rename(columns={"id": "indicator_id"}), values


def _own_values(conn: Connection, code: str, national: pd.DataFrame,
                comparator_values: pd.DataFrame) -> pd.DataFrame:
    """The whole-city rows of the comparison table, with the national value and judgement."""
    rows = comparison_rows.c
    found = pd.DataFrame.from_records(
        conn.execute(select(*[rows[c] for c in SUMMARY_COLUMNS]).where(rows.area_code == code)).all(),
        columns=SUMMARY_COLUMNS)
    for name in ("indicator_id", "period", "sex", "age_group", "polarity", "value_type"):
        found[name] = found[name].astype(str)
    for name in SUMMARY_COLUMNS[4:9]:
        found[name] = pd.to_numeric(found[name], errors="coerce").astype(float)
    out = found[["indicator_id", "period", "sex", "age_group", "value"]].assign(
        lower_ci=found["lower_ci95"], upper_ci=found["upper_ci95"],
        national_value=np.nan, compared_to_national=None)
    if len(national) and len(found):
        judged = judge_against(found, str(national["code"].iloc[0]), comparator_values=comparator_values)
        out["national_value"] = judged["comparator_value"].to_numpy()
        has = ~pd.isna(out["national_value"])
        out["compared_to_national"] = judged["compared_to_comparator"].astype(object).where(has, None)
    return out


def _outline(areas: gpd.GeoDataFrame) -> tuple[str | None, tuple[float | None, ...]]:
    """The municipality's outline (its ``areas``' union, simplified) as GeoJSON, and its bounds."""
    shapes = areas.loc[areas.geometry.notna()]
    if not len(shapes):
        return None, (None, None, None, None)
    whole = shapely.union_all(shapely.make_valid(shapes.geometry.to_numpy()))
    whole = shapely.simplify(whole, OUTLINE_TOLERANCE, preserve_topology=True)
    whole = shapely.set_precision(whole, OUTLINE_GRID)
    return json.dumps(shapely.geometry.mapping(whole)), tuple(float(b) for b in whole.bounds)


def register(main: Engine, engine: Engine, conn: Connection | None = None) -> None:
    """Write city ``engine``'s registry rows into the store ``main``: in ``conn`` (the
    load's transaction, on PostgreSQL, where the registry is on the city's search path),
    else after the load, in a transaction of ``main`` (SQLite: another file)."""
    slug = city_of(engine)
    if slug is None:
        return
    if conn is not None:
        write_city(conn, *summarise(conn, slug))
        return
    with engine.connect() as read:
        found = summarise(read, slug)
    with main.begin() as write:  # the registry's tables: made by etl.pipeline.run
        write_city(write, *found)
