"""Reading the comparison table the load materialised (``store.comparison_schema``).

``read_comparison_index`` is what a web worker reads when it starts (the cells and the
dtypes: hundreds of rows). ``read_comparison_rows`` reads a slice (a map's cell, an area,
an indicator; or everything) with exactly the engine's dtypes, and checks that every row
comes from the batch the caller is showing: a refresh between the caller's version check
and the read raises ``BatchChanged`` (the caller reloads), so no page ever mixes batches.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, func, select

from store.comparison_schema import (
    CELL_COLUMNS,
    comparison_cells,
    comparison_columns,
    comparison_rows,
    display_geometries,
)
from store.display_geometry import DisplayGeometry
from store.engine import BatchChanged
from store.migrate import check_schema
from store.read import SNAPSHOT_LOCK
from store.schema import LoadBatch

SMALL = 2000  # rows a slice converts value by value (more: pandas' vectorised paths)
ROW_KEYS = ("indicator_id", "area_code", "period", "sex", "age_group", "is_latest", "level")


@dataclass(frozen=True)
class ComparisonIndex:
    """The materialised table's cells and column dtypes, for one load batch."""

    batch_id: int | None
    cells: pd.DataFrame  # CELL_COLUMNS, in key order
    dtypes: dict[str, Any]  # column → pandas dtype, in the engine's column order

    @property
    def materialised(self) -> bool:
        """True when the store holds this batch's comparison table."""
        return bool(self.dtypes)


def read_comparison_index(engine: Engine) -> ComparisonIndex:
    """The latest succeeded batch and, when its comparisons were materialised, their index."""
    check_schema(engine)  # an older store is refused with the fix, as every read is
    opts = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**opts) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            conn.execute(SNAPSHOT_LOCK)  # as read_snapshot: never a swapped-in table half seen
        batch = conn.execute(
            select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")).scalar()
        meta = conn.execute(select(comparison_columns).order_by(comparison_columns.c.position)).all()
        cells = conn.execute(select(*[comparison_cells.c[c] for c in CELL_COLUMNS], comparison_cells.c.batch_id)
                             .order_by(*[comparison_cells.c[c] for c in CELL_COLUMNS[:4]])).all()
    stale = batch is None or any(row.batch_id != batch for row in meta) or any(
        row.batch_id != batch for row in cells)
    if stale or not meta:  # written without comparisons (an upgraded store, a synthetic city)
        return ComparisonIndex(batch, pd.DataFrame(columns=CELL_COLUMNS), {})
    frame = pd.DataFrame.from_records([tuple(r)[:-1] for r in cells], columns=CELL_COLUMNS)
    frame["is_latest"] = frame["is_latest"].astype(bool)
    return ComparisonIndex(batch, frame, {row.name: _dtype(row) for row in meta})


def read_comparison_rows(engine: Engine, index: ComparisonIndex, columns: Sequence[str] | None = None,
                         **where: Any) -> pd.DataFrame:
    """The rows matching ``where`` (column = value, or column in a list/tuple), in the
    engine's order, with its dtypes; ``columns`` (default all) in the engine's order.

    Raises ``BatchChanged`` when a row (or, for no rows, the store) is of another batch.
    """
    wanted = [c for c in index.dtypes if columns is None or c in columns]
    stmt = select(*[comparison_rows.c[c] for c in wanted], comparison_rows.c.batch_id)
    for name, value in where.items():
        col = comparison_rows.c[name]
        stmt = stmt.where(col.in_(list(value)) if isinstance(value, list | tuple | set) else col == value)
    with engine.connect() as conn:
        rows = _fetch(conn, stmt.order_by(comparison_rows.c.position))
        if not rows:
            batch = conn.execute(
                select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")).scalar()
            if batch != index.batch_id:
                raise BatchChanged(f"load batch {batch} replaced batch {index.batch_id}")
    columns = list(zip(*rows, strict=True)) if rows else [()] * (len(wanted) + 1)
    batches = np.asarray(columns[-1], dtype=object)
    if len(batches) and (batches != index.batch_id).any():
        raise BatchChanged(f"rows of another load batch than {index.batch_id}")
    data = {name: np.asarray(values, dtype=object) for name, values in zip(wanted, columns, strict=False)}
    return conform(data, len(rows), index.dtypes)


def read_display_geometry(engine: Engine, batch_id: int | None) -> DisplayGeometry | None:
    """The mapped areas' display geometry the load of ``batch_id`` made, or None (a store
    written without it, or a refresh in between: the caller makes it)."""
    with engine.connect() as conn:
        row = conn.execute(select(display_geometries).where(display_geometries.c.name == "areas")).first()
    if row is None or row.batch_id != batch_id:
        return None
    return DisplayGeometry.of_gzipped(bytes(row.gzipped), (row.lon_min, row.lat_min, row.lon_max,
                                      row.lat_max), row.decimals, row.tolerance, row.vertices)


def _fetch(conn: Connection, stmt: Any) -> list[tuple[Any, ...]]:
    """The statement's rows as the driver gives them (plain tuples: a slice of 6,000 rows
    in a third of the time SQLAlchemy's result rows take; the types are set by ``conform``)."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:  # qmark / format styles (SQLite)
        params = [params[name] for name in compiled.positiontup]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), params)
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def conform(data: dict[str, np.ndarray], n: int, dtypes: dict[str, Any]) -> pd.DataFrame:
    """Columns of driver values (object arrays of ``n``) in the engine's dtypes (None → NaN /
    <NA> / missing category). A slice's columns are few rows each: numpy's conversions, not
    a Series per column, where they give the same values."""
    out: dict[str, Any] = {}
    for name, values in data.items():
        dtype = dtypes[name]
        if isinstance(dtype, pd.CategoricalDtype):
            out[name] = pd.Categorical.from_codes(_codes(values, dtype), dtype=dtype)
        elif str(dtype) in ("float64", "float32"):
            out[name] = _floats(values, dtype)
        elif str(dtype) == "bool":  # None is False
            out[name] = np.fromiter((bool(v) for v in values), dtype=bool, count=n)
        else:
            out[name] = pd.Series(values).astype(dtype).array
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def _codes(values: np.ndarray, dtype: pd.CategoricalDtype) -> np.ndarray:
    """The categories' codes of ``values`` (-1: not a category, None): looked up in a dict
    for a few values, by the categories' hash index for many."""
    if len(values) > SMALL:
        return dtype.categories.get_indexer(values)
    code = _category_codes(dtype)
    return np.fromiter((code.get(v, -1) for v in values), dtype=np.intp, count=len(values))


@functools.lru_cache(maxsize=64)  # a batch has about 20 categorical columns
def _category_codes(dtype: pd.CategoricalDtype) -> dict[Any, int]:
    return {value: i for i, value in enumerate(dtype.categories)}


def _floats(values: np.ndarray, dtype: Any) -> np.ndarray:
    """Numbers as floats, None as NaN; anything else not a number as NaN (as ``to_numeric``
    with ``errors="coerce"`` gives), taking the slower path only then."""
    try:
        return np.asarray(values, dtype=dtype)
    except (TypeError, ValueError):
        return pd.to_numeric(pd.Series(values), errors="coerce").astype(dtype).to_numpy()


def _dtype(row: Any) -> Any:
    if row.dtype == "category":
        return pd.CategoricalDtype(pd.Index(json.loads(row.categories or "[]"), dtype=object),
                                 ordered=bool(row.ordered))
    return pd.api.types.pandas_dtype(row.dtype)
