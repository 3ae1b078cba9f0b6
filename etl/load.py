"""Loading a city into the store: one transaction, recorded in load batches.

A refresh replaces the city (notes, values, catalogue, areas, city row, and the
comparison table and display geometry it materialises for the readers: etl.comparisons)
in ONE transaction, so readers see either the old city or the new one. On PostgreSQL
it COPYs into new tables and swaps them in at the end (etl.bulk.staged), so
readers keep reading the old city, unblocked, until the commit; on SQLite it
deletes and inserts (readers keep their WAL snapshot). The batch row is written first (status ``running``) and updated to
``succeeded`` inside that transaction; when the load fails the data are rolled
back and the batch is marked ``failed`` with the message, in a transaction of
its own. PostGIS takes the rows through COPY (psycopg 3); SQLite through
executemany.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import Connection, Engine, Table, column, delete, insert, select, table, update
from sqlalchemy.sql.expression import TableClause

from etl.boundaries import AREA_COLUMNS
from etl.bulk import copy_frame, copy_rows, staged, staging
from etl.comparators import ComparatorData
from etl.comparisons import clear_comparisons, write_load
from etl.config import CityConfig
from etl.errors import EtlError, Problem, reason, stored_message
from etl.frame_rows import CHUNK_ROWS, row_chunks
from etl.programme_data import ProgrammeData
from store.programme_schema import PROGRAMME_TABLES
from store.read import NOTE_COLUMNS, VALUE_COLUMNS
from store.schema import (
    SRID,
    Area,
    AreaNote,
    Base,
    BatchFile,
    City,
    Comparator,
    ComparatorValue,
    Indicator,
    IndicatorValue,
    LoadBatch,
)

TABLES = Base.metadata.tables
Advance = Callable[[int], None]


@dataclass(frozen=True)
class SourceFile:
    """A source file of a load: its kind, path, SHA-256 and rows read."""

    kind: str  # boundaries | catalogue | table
    path: Path
    sha256: str | None  # None when the file is missing
    rows: int | None = None


@dataclass(frozen=True)
class CityData:
    """Everything one load writes, already validated."""

    cfg: CityConfig
    areas: gpd.GeoDataFrame  # etl.boundaries.read_boundaries output
    catalogue: pd.DataFrame  # store.schema.Indicator columns without batch_id
    values: pd.DataFrame  # store.read.VALUE_COLUMNS
    files: list[SourceFile]
    fingerprint: str
    notes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=NOTE_COLUMNS))
    comparators: ComparatorData = field(default_factory=ComparatorData)
    programme: ProgrammeData = field(default_factory=ProgrammeData)


@dataclass(frozen=True)
class LoadResult:
    """What a run did: the batch, the counts, and whether anything changed."""

    batch_id: int
    status: str  # succeeded | unchanged
    areas: int
    indicators: int
    values: int
    message: str
    unchanged: bool = False
    warnings: list[Problem] = field(default_factory=list)


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes (None when it does not exist)."""
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_files(cfg: CityConfig) -> list[SourceFile]:
    """The configuration's source files with their SHA-256."""
    return [SourceFile(kind, path, file_sha256(path)) for kind, path in cfg.files()]


def fingerprint(cfg: CityConfig, files: list[SourceFile]) -> str:
    """One SHA-256 over the config's content and every source file's SHA-256."""
    digest = hashlib.sha256(cfg.source.read_bytes())
    for f in files:
        digest.update(f"{f.kind}:{f.path.name}:{f.sha256}".encode())
    return digest.hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PreviousLoad:
    id: int
    finished_at: datetime | None
    areas_loaded: int | None
    indicators_loaded: int | None
    values_loaded: int | None


def previous_load(engine: Engine, fingerprint: str) -> PreviousLoad | None:
    """The load that holds these exact files, if it is what the store holds now."""
    with engine.connect() as conn:
        row = conn.execute(
            select(
                LoadBatch.id,
                LoadBatch.finished_at,
                LoadBatch.areas_loaded,
                LoadBatch.indicators_loaded,
                LoadBatch.values_loaded,
                LoadBatch.fingerprint,
            )
            .where(LoadBatch.status == "succeeded")
            .order_by(LoadBatch.id.desc())
            .limit(1)
        ).first()
    if row is None or row.fingerprint != fingerprint:
        return None
    return PreviousLoad(*row[:5])


def record_batch(
    engine: Engine,
    cfg: CityConfig,
    fingerprint: str,
    status: str,
    message: str | BaseException | None = None,
) -> int:
    """Insert a batch row in its own transaction (running, failed or unchanged); the
    message is kept short (etl.errors.stored_message)."""
    now = _now()
    with engine.begin() as conn:
        return int(
            conn.execute(
                insert(LoadBatch)
                .values(
                    city_code=cfg.code,
                    config_path=str(cfg.source),
                    fingerprint=fingerprint,
                    started_at=now,
                    finished_at=None if status == "running" else now,
                    status=status,
                    message=None if message is None else stored_message(message),
                )
                .returning(LoadBatch.id)
            ).scalar_one()
        )


def mark_failed(engine: Engine, batch_id: int, message: str) -> None:
    """After a rollback: mark the batch failed with the message."""
    with engine.begin() as conn:
        conn.execute(
            update(LoadBatch)
            .where(LoadBatch.id == batch_id)
            .values(status="failed", finished_at=_now(), message=stored_message(message))
        )


def load_city(engine: Engine, data: CityData, advance: Advance | None = None,
              after: Callable[[Connection], None] | None = None) -> LoadResult:
    """Replace the store's city with ``data`` atomically; record the batch either way.
    ``after`` runs last in the load's transaction (a many-city store's registry)."""
    batch_id = record_batch(engine, data.cfg, data.fingerprint, "running")
    try:
        with engine.begin() as conn:
            replace_city(conn, data, batch_id, advance or (lambda n: None))
            if after is not None:
                after(conn)
    except Exception as exc:
        message = f"load failed and was rolled back; the previous data are untouched: {_cause(exc)}"
        mark_failed(engine, batch_id, message)
        if isinstance(exc, EtlError):
            raise
        raise EtlError(message) from exc
    counts = (area_count(data), len(data.catalogue), len(data.values))
    return LoadResult(
        batch_id,
        "succeeded",
        *counts,
        message=f"Loaded batch {batch_id}: {counts[0]} areas, {counts[1]} indicators, {counts[2]} values.",
    )


def area_count(data: CityData) -> int:
    """The city's areas, not counting the whole-city row."""
    return int((data.areas["level"].astype(str) != "city").sum())


def _cause(error: Exception) -> str:
    """What went wrong, for people: an ETL error as it is; a driver's error by its first line
    and type, never the SQL statement or the data it was sent (SQLAlchemy wraps the
    driver's error in ``orig``; a COPY raises the driver's own)."""
    if isinstance(error, EtlError):
        return str(error)
    driver = getattr(error, "orig", None) or error
    return f"{reason(driver)} ({type(driver).__name__})"


def replace_city(conn: Connection, data: CityData, batch_id: int, advance: Advance) -> None:
    """Inside one transaction: replace the old city with the new, finish the batch."""
    if conn.dialect.name == "postgresql":
        with staged(conn):
            _insert_city(conn, data, batch_id, advance)
    else:
        clear_comparisons(conn)
        for name in reversed(PROGRAMME_TABLES):
            conn.execute(delete(TABLES[name]))
        for model in (ComparatorValue, Comparator, AreaNote, IndicatorValue, Indicator, Area, City):
            conn.execute(delete(model))
        _insert_city(conn, data, batch_id, advance)
    conn.execute(
        insert(BatchFile),
        [
            {
                "batch_id": batch_id,
                "kind": f.kind,
                "path": str(f.path),
                "sha256": f.sha256 or "",
                "rows": f.rows,
            }
            for f in data.files
        ],
    )
    conn.execute(
        update(LoadBatch)
        .where(LoadBatch.id == batch_id)
        .values(
            status="succeeded",
            finished_at=_now(),
            areas_loaded=area_count(data),
            indicators_loaded=len(data.catalogue),
            values_loaded=len(data.values),
        )
    )


def target(conn: Connection, model: Table) -> TableClause:
    """Where a load writes ``model``'s rows: its staging table on PostgreSQL."""
    if conn.dialect.name != "postgresql":
        return model
    return table(staging(model.name), *[column(c.name) for c in model.columns])


def _insert_city(conn: Connection, data: CityData, batch_id: int, advance: Advance) -> None:
    cfg = data.cfg
    conn.execute(
        insert(target(conn, TABLES["city"])).values(
            code=cfg.code,
            name=cfg.name,
            name_sv=cfg.names["sv"],
            name_pl=cfg.names["pl"],
            name_en=cfg.names["en"],
            synthetic=cfg.synthetic,
            deprivation_indicator=cfg.deprivation,
            batch_id=batch_id,
        )
    )
    insert_areas(conn, data.areas, batch_id)
    insert_catalogue(conn, data.catalogue, batch_id)
    insert_notes(conn, data.notes, batch_id)
    for name, frame, columns in data.comparators.tables():
        insert_small(conn, name, frame, columns, batch_id)
    insert_values(conn, data.values, batch_id, advance)
    for name, frame, columns in data.programme.tables():
        insert_small(conn, name, frame, columns, batch_id)
    # what the readers would each compute: the comparison table, the outlines (issue 14)
    write_load(conn, data.values, data.catalogue, data.areas, cfg.code, batch_id)


def insert_small(
    conn: Connection, table: str, frame: pd.DataFrame, columns: list[str], batch_id: int
) -> None:
    """A small table (catalogue, notes: hundreds of rows) in one INSERT, also on PostgreSQL."""
    records = [
        dict(zip(columns, row, strict=True)) | {"batch_id": batch_id}
        for chunk in row_chunks(frame, columns, {})
        for row in chunk
    ]
    if records:
        conn.execute(insert(target(conn, TABLES[table])), records)


def insert_notes(conn: Connection, notes: pd.DataFrame, batch_id: int) -> None:
    insert_small(conn, "area_notes", notes, NOTE_COLUMNS, batch_id)


# Binary COPY of the values, encoded column-wise (etl.copyformat), in primary-key order.
_TEXT = (*VALUE_COLUMNS[:5], "status")
VALUE_TYPES = {c: "text" if c in _TEXT else "float8" for c in VALUE_COLUMNS} | {
    "estimated": "bool", "batch_id": "int4"}


def insert_values(conn: Connection, values: pd.DataFrame, batch_id: int, advance: Advance) -> None:
    columns = [*VALUE_COLUMNS, "batch_id"]
    if conn.dialect.name != "postgresql":
        bulk_insert(conn, TABLES["indicator_values"], columns, values, {"batch_id": batch_id}, advance)
        return
    key = [c.name for c in TABLES["indicator_values"].primary_key.columns]
    # Measures no row has (often CIs, SD, status) stay out of the COPY: NULL by default.
    types = {c: t for c, t in VALUE_TYPES.items() if c in key or c == "batch_id" or values[c].notna().any()}
    frame = values.assign(batch_id=batch_id)
    copy_frame(conn, staging("indicator_values"), frame, types, key, advance, CHUNK_ROWS)


def insert_catalogue(conn: Connection, catalogue: pd.DataFrame, batch_id: int) -> None:
    table_cols = [c.name for c in Indicator.__table__.columns if c.name != "batch_id"]
    columns = [c for c in table_cols if c in catalogue.columns]
    insert_small(conn, "indicators", catalogue, columns, batch_id)


# Binary COPY of the areas: geometries travel as EWKB bytes, no hex text to parse.
AREA_TYPES = ["text", "text", "text", "text", "bool", "float8", "float8", "int4", "bytea", "bytea",
              "int4"]


def insert_areas(conn: Connection, areas: gpd.GeoDataFrame, batch_id: int) -> None:
    frame = pd.DataFrame({c: areas[c] for c in AREA_COLUMNS})
    frame["prioritized"] = frame["prioritized"].astype(bool)
    postgis = conn.dialect.name == "postgresql"
    for name, arr in (
        ("geom", areas.geometry.to_numpy()),
        ("display_geom", areas["display_geometry"].to_numpy()),
    ):
        frame[name] = (
            shapely.to_wkb(shapely.set_srid(arr, SRID), include_srid=True)
            if postgis
            else shapely.to_wkb(arr)
        )
    columns = [*AREA_COLUMNS, "geom", "display_geom", "batch_id"]
    types = AREA_TYPES if postgis else None
    bulk_insert(
        conn, TABLES["areas"], columns, frame, {"batch_id": batch_id}, lambda n: None, types
    )


def bulk_insert(
    conn: Connection,
    table: Table,
    columns: list[str],
    frame: pd.DataFrame,
    extra: dict[str, Any],
    advance: Advance,
    types: list[str] | None = None,
) -> None:
    """COPY on PostgreSQL (binary when ``types`` are given), executemany elsewhere."""
    if conn.dialect.name == "postgresql":
        copy_rows(conn, staging(table.name), columns, row_chunks(frame, columns, extra), advance, types)
        return
    stmt = str(insert(table).compile(dialect=conn.dialect, column_keys=columns))
    for chunk in row_chunks(frame, columns, extra):
        conn.exec_driver_sql(stmt, chunk)
        advance(len(chunk))
