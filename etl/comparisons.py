"""The comparison table materialised at load (issue 14).

A load computes the engine's comparison table from the rows it is about to write and
writes it, in the same transaction, to ``comparison_rows`` with its cells and dtypes
(``store.comparison_schema``), so web workers read slices instead of each computing the
whole table. On the Dask scheduler named by ``WELLBEING_DASK_SCHEDULER`` when one is set
(``compute``), in this process otherwise; with the run-time disclosure settings.

``materialise(engine)`` does the same for a store whose city was written without it (a
store upgraded from an earlier version, a synthetic city): it reads the snapshot and
replaces the three tables in one transaction.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, Table, delete, insert, text

from etl.boundaries import AREA_COLUMNS
from etl.bulk import copy_frame, staging
from etl.comparison_parts import table_parts
from etl.frame_rows import row_chunks
from store.comparison_schema import (
    BOOL_COLUMNS,
    CELL_COLUMNS,
    CELL_KEY,
    INT_COLUMNS,
    MATERIALISED_TABLES,
    ROW_COLUMNS,
    ROW_KEY,
    TEXT_COLUMNS,
    comparison_rows,
)
from store.display_geometry import display_geometry
from store.schema import SRID, Base

NOT_JUDGED = ("not_compared", "benchmark")
log = logging.getLogger(__name__)
CITY_LEVEL = "city"


def write_load(conn: Connection, values: pd.DataFrame, catalogue: pd.DataFrame,
               areas: gpd.GeoDataFrame, city_code: str, batch_id: int) -> int:
    """Make and write what a load of these rows materialises (``areas`` as
    ``etl.boundaries`` reads them), in ``conn``'s transaction; the comparison rows written."""
    plain = pd.DataFrame({c: areas[c] for c in AREA_COLUMNS}).astype({"prioritized": bool})
    outlines = gpd.GeoDataFrame({"code": areas["code"].astype(str).to_numpy()},
                                geometry=areas["display_geometry"].to_numpy(), crs=f"EPSG:{SRID}")
    codes = areas.loc[areas["level"].astype(str) != CITY_LEVEL, "code"].astype(str).tolist()
    return write_materialised(conn, table_parts(values, catalogue, plain, city_code), outlines,
                              codes, batch_id)


def write_materialised(conn: Connection, parts: Iterable[pd.DataFrame], outlines: gpd.GeoDataFrame,
                       codes: list[str], batch_id: int | None) -> int:
    """Write the comparison table part by part (each let go once written), then its cells,
    its dtypes and the mapped areas' (``codes``) display geometry; the rows written."""
    started = time.perf_counter()
    cells, dtypes, written = [], None, 0
    for part in parts:
        rows = part.reindex(columns=[*ROW_COLUMNS, "position"])
        _write_rows(conn, rows, batch_id)
        cells.append(cells_of(rows))
        dtypes = dtypes if dtypes is not None else dtypes_of(part)
        written += len(rows)
    every = pd.concat(cells, ignore_index=True) if cells else pd.DataFrame(columns=CELL_COLUMNS)
    if len(every):  # the city rows came last: their cells are the parts' cells
        every = every.groupby(list(CELL_KEY), sort=True, dropna=False).agg(
            headline_age_group=("headline_age_group", "first"), is_latest=("is_latest", "any"),
            areas_compared=("areas_compared", "sum"), rows=("rows", "sum")).reset_index()
    found = {"comparison_cells": every[CELL_COLUMNS],
             "comparison_columns": dtypes if dtypes is not None else dtypes_of(pd.DataFrame()),
             "display_geometries": display_row(outlines, codes)}
    for name, frame in found.items():
        _write_small(conn, name, frame, batch_id)
    seconds = time.perf_counter() - started
    log.info("comparison table of %d rows and display geometry made and written in %.2f s",
             written, seconds, extra={"materialise_s": seconds})
    return written


def display_row(outlines: gpd.GeoDataFrame, codes: list[str]) -> pd.DataFrame:
    """The display geometry of the mapped areas as a ``display_geometries`` row."""
    shown = display_geometry(outlines, codes=codes)
    lon_min, lat_min, lon_max, lat_max = shown.bounds
    return pd.DataFrame([{"name": "areas", "gzipped": shown.gzipped, "lon_min": lon_min,
                          "lat_min": lat_min, "lon_max": lon_max, "lat_max": lat_max,
                          "decimals": shown.decimals, "tolerance": shown.tolerance,
                          "vertices": shown.vertices}])


def cells_of(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator × period × sex × age group (``CELL_COLUMNS``)."""
    if rows.empty:
        return pd.DataFrame(columns=CELL_COLUMNS)
    keys = pd.DataFrame({k: rows[k].astype(str) for k in CELL_KEY})
    judged = (rows["level"].astype(str) != CITY_LEVEL) & ~rows["compared_to_city"].astype(str).isin(
        NOT_JUDGED)
    latest = rows["is_latest"].fillna(False).astype(bool)
    work = keys.assign(
        headline_age_group=rows["headline_age_group"].astype(object).where(
            rows["headline_age_group"].notna(), None),
        is_latest=latest, areas_compared=(judged & latest).astype(np.int64), rows=1)
    cells = work.groupby(list(CELL_KEY), sort=True, dropna=False).agg(
        headline_age_group=("headline_age_group", "first"), is_latest=("is_latest", "any"),
        areas_compared=("areas_compared", "sum"), rows=("rows", "sum")).reset_index()
    return cells[CELL_COLUMNS]


def dtypes_of(table: pd.DataFrame) -> pd.DataFrame:
    """Each stored column's pandas dtype, with a category column's categories and order."""
    records = []
    for position, name in enumerate(ROW_COLUMNS):
        dtype = table[name].dtype if name in table.columns else np.dtype(object)
        categorical = isinstance(dtype, pd.CategoricalDtype)
        records.append({
            "name": name, "position": position,
            "dtype": "category" if categorical else str(dtype),
            "categories": json.dumps([str(c) for c in dtype.categories]) if categorical else None,
            "ordered": bool(dtype.ordered) if categorical else None,
        })
    return pd.DataFrame.from_records(records)


def _write_rows(conn: Connection, rows: pd.DataFrame, batch_id: int | None) -> None:
    """Comparison rows: binary COPY on PostgreSQL (into the staging table during a load;
    into the table ``clear_comparisons`` truncated otherwise), else INSERTs."""
    if conn.dialect.name == "postgresql":
        types = {c: _pg_type(c) for c in ROW_COLUMNS} | {"position": "int4", "batch_id": "int4"}
        name = staging("comparison_rows") if _staging(conn) else "comparison_rows"
        copy_frame(conn, name, rows.assign(batch_id=batch_id), types, list(ROW_KEY), lambda n: None)
        return
    _insert_all(conn, _target(conn, comparison_rows), rows, batch_id)


def _write_small(conn: Connection, name: str, frame: pd.DataFrame, batch_id: int | None) -> None:
    _insert_all(conn, _target(conn, Base.metadata.tables[name]), frame, batch_id)


def _staging(conn: Connection) -> bool:
    """Whether this transaction fills staging tables (a load on PostgreSQL), not the live ones."""
    return bool(conn.info.get("staged"))


def _target(conn: Connection, model: Table) -> Any:
    if not _staging(conn):
        return model
    from sqlalchemy import column, table

    return table(staging(model.name), *[column(c.name) for c in model.columns])


def clear_comparisons(conn: Connection) -> None:
    """Delete what the last load materialised (SQLite's refresh, ``materialise``; a load on
    PostgreSQL swaps the tables instead). PostgreSQL truncates, so that the COPY that
    follows in the same transaction may freeze its rows (readers wait for the commit)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("TRUNCATE " + ", ".join(MATERIALISED_TABLES)))
        return
    for name in reversed(MATERIALISED_TABLES):
        conn.execute(delete(Base.metadata.tables[name]))


def materialise(engine: Engine) -> int:
    """Compute the store's comparison table and replace the stored one; the row count.

    For a store whose city was written without it. One transaction: on failure the store
    keeps what it had.
    """
    from store.read import read_snapshot  # the store's reader (etl writes; this reads first)

    snap = read_snapshot(engine, with_geometry=True)
    areas = snap.areas
    codes = areas.loc[areas["level"].astype(str) != CITY_LEVEL, "code"].astype(str).tolist()
    parts = table_parts(snap.values, snap.catalogue, areas, str(snap.city.get("code", "")))
    with engine.begin() as conn:
        clear_comparisons(conn)
        return write_materialised(conn, parts, snap.geometries, codes, snap.batch_id)


def materialise_if_missing(engine: Engine) -> int | None:
    """``materialise`` a store holding a city but not its comparison table (one upgraded
    from before issue 14); the rows written, or None when there was nothing to do."""
    from store.comparison_read import read_comparison_index
    from store.read import latest_batch_id

    if latest_batch_id(engine) is None or read_comparison_index(engine).materialised:
        return None
    return materialise(engine)


def _pg_type(column: str) -> str:
    if column in TEXT_COLUMNS:
        return "text"
    if column in BOOL_COLUMNS:
        return "bool"
    if column in INT_COLUMNS:
        return "int4"
    return "float8"


def _insert_all(conn: Connection, model: Any, frame: pd.DataFrame, batch_id: int | None) -> None:  # type: ignore[no-untyped-def]
    """Rows in chunks: positional through the driver on SQLite, as dicts elsewhere."""
    columns = [c.name for c in model.columns]
    extra = {"batch_id": batch_id}
    if conn.dialect.name == "sqlite":
        stmt = str(insert(model).compile(dialect=conn.dialect, column_keys=columns))
        for chunk in row_chunks(frame, columns, extra):
            conn.exec_driver_sql(stmt, chunk)
        return
    for chunk in row_chunks(frame, columns, extra):
        if chunk:
            conn.execute(insert(model), [dict(zip(columns, row, strict=True)) for row in chunk])
