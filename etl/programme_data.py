"""What a load writes of the programme tables (store.programme_schema), already validated.

Filled by the readers of ``[programme]`` (programmes, goals, targets, institutions,
initiatives), ``[[places]]`` and ``[[assessments]]``; written by ``etl.load`` in the city's
transaction, parents first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from store.programme_read import PROGRAMME_COLUMNS, empty_frames
from store.programme_schema import PROGRAMME_TABLES


@dataclass(frozen=True)
class ProgrammeData:
    """Frames keyed by programme table (``store.programme_read.PROGRAMME_COLUMNS``)."""

    frames: dict[str, pd.DataFrame] = field(default_factory=empty_frames)

    def with_frames(self, **frames: pd.DataFrame) -> ProgrammeData:
        """A copy with these tables replaced (each must have the table's columns)."""
        for name, frame in frames.items():
            missing = set(PROGRAMME_COLUMNS[name]) - set(frame.columns)
            if missing:
                raise ValueError(f"{name} frame lacks columns {sorted(missing)}")
        return ProgrammeData(self.frames | frames)

    def tables(self) -> list[tuple[str, pd.DataFrame, list[str]]]:
        """(store table, frame, columns) of what a load writes, parents first."""
        return [(name, self.frames[name], PROGRAMME_COLUMNS[name]) for name in PROGRAMME_TABLES]
