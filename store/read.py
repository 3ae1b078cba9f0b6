"""Reading the store: one consistent snapshot for the dashboard and exports.

Everything is read inside one transaction (REPEATABLE READ on PostgreSQL, a
WAL snapshot on SQLite), so a reader never sees half of a refresh. On
PostgreSQL a refresh swaps in new tables (etl.bulk); the reader first locks the
tables it reads (ACCESS SHARE, which only the swap's brief exclusive lock
waits for), so its snapshot and the tables its names resolve to always match.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import geopandas as gpd
import pandas as pd
from sqlalchemy import Connection, Engine, func, select, text

from store.comparison_schema import MATERIALISED_TABLES
from store.engine import BatchChanged
from store.migrate import check_schema
from store.programme_read import ProgrammeSnapshot, read_programme
from store.programme_schema import PROGRAMME_TABLES
from store.schema import (
    SRID,
    Area,
    AreaNote,
    BatchFile,
    City,
    Comparator,
    ComparatorValue,
    Indicator,
    IndicatorValue,
    LoadBatch,
    to_shapely,
)

AREA_COLUMNS = ["code", "name", "level", "parent_code", "prioritized", "population", "area_km2",
                "priority"]
VALUE_COLUMNS = [
    "indicator_id", "area_code", "period", "sex", "age_group",
    "numerator", "denominator", "value", "lower_ci", "upper_ci", "sd",
    "status", "estimated",
]
NOTE_COLUMNS = [
    "area_code", "kind", "position", "title_sv", "title_pl", "title_en",
    "text_sv", "text_pl", "text_en", "source", "url",
]
COMPARATOR_COLUMNS = ["code", "kind", "name_sv", "name_pl", "name_en"]
COMPARATOR_VALUE_COLUMNS = [
    "comparator_code", "indicator_id", "period", "sex", "age_group", "value", "lower_ci",
    "upper_ci",
]
# Same order as the refresh's swap (etl.bulk.SWAPPED), so the two never deadlock.
SNAPSHOT_LOCK = text(
    "LOCK TABLE city, areas, indicators, indicator_values, area_notes, comparators, "
    "comparator_values, " + ", ".join((*PROGRAMME_TABLES, *MATERIALISED_TABLES))
    + ", load_batches IN ACCESS SHARE MODE"
)


@dataclass(frozen=True)
class Snapshot:
    """What the store holds, read at one instant."""

    city: dict[str, Any]
    areas: pd.DataFrame  # AREA_COLUMNS; includes the whole-city row (level == "city")
    catalogue: pd.DataFrame  # one row per indicator, columns as in store.schema.Indicator
    values: pd.DataFrame  # VALUE_COLUMNS
    batch_id: int | None  # latest succeeded load batch (cache key)
    geometries: gpd.GeoDataFrame | None = field(default=None)  # code, geometry (display)
    # NOTE_COLUMNS, ordered by area and position; empty (same columns) when the city has none
    notes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=NOTE_COLUMNS))
    # COMPARATOR_COLUMNS, ordered by code: the country, the region (kind national, regional)
    comparators: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=COMPARATOR_COLUMNS))
    # COMPARATOR_VALUE_COLUMNS, ordered by comparator, indicator, period, sex and age group
    comparator_values: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=COMPARATOR_VALUE_COLUMNS))
    # programmes, goals, targets, initiatives, institutions, places, self-assessment
    programme: ProgrammeSnapshot = field(default_factory=ProgrammeSnapshot)

    def estimated_values(self) -> pd.DataFrame:
        """The rows of ``values`` flagged as estimated."""
        values = self.values
        if "estimated" not in values.columns:
            return values.iloc[0:0]
        return values.loc[values["estimated"].fillna(False).astype(bool)]


def _frame(conn: Connection, stmt: Any, columns: list[str]) -> pd.DataFrame:
    return _records(conn.execute(stmt).all(), columns)


def _records(rows: Sequence[Any], columns: list[str]) -> pd.DataFrame:
    """A frame of driver rows, made of plain tuples: pandas asks each row for attributes a
    SQLAlchemy Row lacks, and every miss raises inside SQLAlchemy (756,000 values at 6,000
    areas: 3.9 s to convert as Rows, 1.1 s as tuples)."""
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=columns)


def latest_batch_id(engine: Engine) -> int | None:
    """Id of the last successful load batch; changes whenever the data change."""
    with engine.connect() as conn:
        return conn.execute(
            select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")
        ).scalar()


def read_geometries(conn: Connection, display: bool = True) -> gpd.GeoDataFrame:
    """Area geometries (display-simplified by default) in EPSG:4326, with the area columns."""
    col = Area.display_geom if display else Area.geom
    rows = conn.execute(select(Area.code, col)).all()
    return gpd.GeoDataFrame(
        {"code": [r[0] for r in rows]},
        geometry=[to_shapely(r[1]) for r in rows],
        crs=f"EPSG:{SRID}",
    )


class LazySnapshot(Snapshot):
    """A snapshot whose values and geometries are read when first used
    (``read_snapshot(lazy=True)``), from the same load batch: a refresh in between raises
    ``BatchChanged``, never mixes."""

    def __init__(self, *args: Any, loaders: dict[str, Callable[[], Any]] | None = None,
                 **kwargs: Any) -> None:
        object.__setattr__(self, "_loaders", dict(loaders or {}))
        object.__setattr__(self, "_lock", threading.Lock())  # one read, however many threads ask
        super().__init__(*args, **kwargs)

    def _lazy(self, name: str) -> Any:
        if self.__dict__.get("_" + name) is None and name in self.__dict__["_loaders"]:
            with self.__dict__["_lock"]:
                if self.__dict__.get("_" + name) is None:  # a refresh in between: raises
                    self.__dict__["_" + name] = self.__dict__["_loaders"][name]()
        return self.__dict__.get("_" + name)

    @property  # type: ignore[override]
    def values(self) -> pd.DataFrame:
        return self._lazy("values")  # type: ignore[no-any-return]

    @values.setter
    def values(self, frame: pd.DataFrame | None) -> None:
        self.__dict__["_values"] = frame

    def estimated_values(self) -> pd.DataFrame:
        """The estimated rows: of the values when they are read, else read alone."""
        if self.__dict__.get("_values") is not None or "estimated" not in self.__dict__["_loaders"]:
            return super().estimated_values()
        return self._lazy("estimated")  # type: ignore[no-any-return]

    @property  # type: ignore[override]
    def geometries(self) -> gpd.GeoDataFrame | None:
        return self._lazy("geometries")  # type: ignore[no-any-return]

    @geometries.setter
    def geometries(self, frame: gpd.GeoDataFrame | None) -> None:
        self.__dict__["_geometries"] = frame


def read_values(engine: Engine, batch_id: int | None, *where: Any) -> pd.DataFrame:
    """Every value (``VALUE_COLUMNS``) of load batch ``batch_id`` (those matching ``where``);
    ``BatchChanged`` when the store holds another batch's."""
    with engine.connect() as conn:
        rows = conn.execute(select(*[getattr(IndicatorValue, c) for c in VALUE_COLUMNS],
                                   IndicatorValue.batch_id).where(*where)).all()
        latest = conn.execute(
            select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")).scalar()
    frame = _records(rows, [*VALUE_COLUMNS, "batch_id"])
    if latest != batch_id or (frame["batch_id"] != batch_id).any():
        raise BatchChanged(f"load batch {latest} replaced batch {batch_id}")
    return frame.drop(columns="batch_id")


def read_batch_geometries(engine: Engine, batch_id: int | None) -> gpd.GeoDataFrame:
    """The display geometries of load batch ``batch_id``; ``BatchChanged`` when the store
    holds another batch's."""
    with engine.connect() as conn:
        geoms = read_geometries(conn)
        batches = set(conn.execute(select(Area.batch_id).distinct()).scalars())
        latest = conn.execute(
            select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")).scalar()
    if latest != batch_id or batches - {batch_id}:
        raise BatchChanged(f"load batch {latest} replaced batch {batch_id}")
    return geoms


def read_snapshot(engine: Engine, with_geometry: bool = False, lazy: bool = False) -> Snapshot:
    """Areas, catalogue, values, notes and comparators (and optionally display geometries) in
    one snapshot. With ``lazy`` the values (and the geometries) are read when first used (a web worker
    that reads the materialised comparison table may never need them).

    Raises StoreError, saying how to fix it, when the store is not at this
    version's schema (e.g. made by an older version and not upgraded yet).
    """
    check_schema(engine)
    opts = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**opts) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            conn.execute(SNAPSHOT_LOCK)  # before the first query fixes the snapshot
        city_row = conn.execute(select(City.__table__)).mappings().first()
        city = dict(city_row) if city_row is not None else {}
        areas = _frame(conn, select(*[getattr(Area, c) for c in AREA_COLUMNS]), AREA_COLUMNS)
        cat_cols = [c.name for c in Indicator.__table__.columns if c.name != "batch_id"]
        catalogue = _frame(conn, select(*[getattr(Indicator, c) for c in cat_cols]), cat_cols)
        values = None if lazy else _frame(
            conn, select(*[getattr(IndicatorValue, c) for c in VALUE_COLUMNS]), VALUE_COLUMNS
        )
        notes = _frame(
            conn,
            select(*[getattr(AreaNote, c) for c in NOTE_COLUMNS]).order_by(
                AreaNote.area_code, AreaNote.position
            ),
            NOTE_COLUMNS,
        )
        comparators, comparator_values = read_comparators(conn)
        programme = read_programme(conn)
        batch_id = conn.execute(
            select(func.max(LoadBatch.id)).where(LoadBatch.status == "succeeded")
        ).scalar()
        geoms = read_geometries(conn) if with_geometry and not lazy else None
    areas["prioritized"] = areas["prioritized"].astype(bool)
    texts = [c for c in NOTE_COLUMNS if c != "position"]
    notes[texts] = notes[texts].astype(object).where(notes[texts].notna(), None)
    parts = (city, areas, catalogue, values, batch_id, geoms, notes, comparators,
             comparator_values, programme)
    if lazy:
        loaders = {"values": partial(read_values, engine, batch_id),
                   # what a profile needs of the values (usually none or few rows)
                   "estimated": partial(read_values, engine, batch_id, IndicatorValue.estimated.is_(True))}
        if with_geometry:
            loaders["geometries"] = partial(read_batch_geometries, engine, batch_id)
        return LazySnapshot(*parts, loaders=loaders)
    return Snapshot(*parts)


def read_comparators(conn: Connection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The comparators (``COMPARATOR_COLUMNS``) and their values
    (``COMPARATOR_VALUE_COLUMNS``), in key order; texts None where empty."""
    comparators = _frame(
        conn, select(*[getattr(Comparator, c) for c in COMPARATOR_COLUMNS]).order_by(
            Comparator.code), COMPARATOR_COLUMNS)
    key = [getattr(ComparatorValue, c) for c in COMPARATOR_VALUE_COLUMNS[:5]]
    values = _frame(
        conn, select(*[getattr(ComparatorValue, c) for c in COMPARATOR_VALUE_COLUMNS]).order_by(
            *key), COMPARATOR_VALUE_COLUMNS)
    names = COMPARATOR_COLUMNS[2:]
    comparators[names] = comparators[names].astype(object).where(comparators[names].notna(), None)
    numbers = COMPARATOR_VALUE_COLUMNS[5:]
    values[numbers] = values[numbers].astype(float)
    return comparators, values


BATCH_COLUMNS = ["id", "city_code", "config_path", "started_at", "finished_at", "status",
                 "areas_loaded", "indicators_loaded", "values_loaded"]
"""What pages show of a load batch: everything but its (possibly long) error message."""


def read_batches(engine: Engine) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load batches (newest first, ``BATCH_COLUMNS``) and their source files."""
    bcols = BATCH_COLUMNS
    fcols = [c.name for c in BatchFile.__table__.columns]
    with engine.connect() as conn:
        batches = _frame(
            conn, select(*[getattr(LoadBatch, c) for c in bcols]).order_by(LoadBatch.id.desc()), bcols
        )
        files = _frame(conn, select(*[getattr(BatchFile, c) for c in fcols]), fcols)
    return batches, files
