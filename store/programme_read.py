"""Reading the programme tables (store.programme_schema) into one ``ProgrammeSnapshot``.

Read by ``store.read.read_snapshot`` inside its snapshot, so programme, targets and
values always come from the same load batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, select

from store.base import Base
from store.programme_schema import PROGRAMME_TABLES

# Columns of each programme table as the snapshot and the ETL hold them (no batch_id).
PROGRAMME_COLUMNS: dict[str, list[str]] = {
    name: [c.name for c in Base.metadata.tables[name].columns if c.name != "batch_id"]
    for name in PROGRAMME_TABLES
}


def empty_frames() -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(columns=cols) for name, cols in PROGRAMME_COLUMNS.items()}


@dataclass(frozen=True)
class ProgrammeSnapshot:
    """Every programme table as a frame (``PROGRAMME_COLUMNS``), ordered by its key or
    position; empty frames (same columns) when the city has none."""

    frames: dict[str, pd.DataFrame] = field(default_factory=empty_frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    @property
    def empty(self) -> bool:
        return all(frame.empty for frame in self.frames.values())


def read_programme(conn: Connection) -> ProgrammeSnapshot:
    """The programme tables, each in key order; texts None where empty."""
    frames = {}
    for name, columns in PROGRAMME_COLUMNS.items():
        table = Base.metadata.tables[name]
        order = [table.c.position] if "position" in table.c else list(table.primary_key.columns)
        rows = conn.execute(select(*[table.c[c] for c in columns]).order_by(*order)).all()
        frame = pd.DataFrame.from_records(rows, columns=columns)
        text = [c for c in columns if frame[c].dtype == object]
        frame[text] = frame[text].astype(object).where(frame[text].notna(), None)
        frames[name] = frame
    return ProgrammeSnapshot(frames)
