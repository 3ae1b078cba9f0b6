"""Frames as the database drivers take them: chunks of row tuples, None for missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

CHUNK_ROWS = 100_000


def column_values(series: pd.Series) -> list[Any]:
    """Values as Python objects with None for missing (what the drivers expect)."""
    if pd.api.types.is_float_dtype(series.dtype):
        arr = series.to_numpy(dtype=float)
        missing = np.isnan(arr)
        if not missing.any():
            return arr.tolist()
        if missing.all():
            return [None] * len(arr)
        out = arr.astype(object)
        out[missing] = None
        return out.tolist()
    missing = series.isna().to_numpy()
    values = series.to_numpy(dtype=object)
    if missing.any():
        values = values.copy()
        values[missing] = None
    return values.tolist()


def row_chunks(
    frame: pd.DataFrame, columns: list[str], extra: dict[str, Any]
) -> Iterator[list[tuple[Any, ...]]]:
    """Chunks of row tuples in ``columns`` order (``extra`` fills constant columns)."""
    for start in range(0, len(frame), CHUNK_ROWS):
        part = frame.iloc[start : start + CHUNK_ROWS]
        cols = [[extra[c]] * len(part) if c in extra else column_values(part[c]) for c in columns]
        yield list(zip(*cols, strict=True))
