"""Duplicate rows across an indicator's tables: the same indicator, area, period, sex and
age group twice. Each later row is reported with the row it repeats (file and line)."""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd

from etl.checks import ProblemLog
from etl.errors import Problem
from etl.keys import KEY_COLUMNS


def _row_keys(values: pd.DataFrame) -> tuple[pd.Series, np.ndarray]:
    """One int64 per row identifying its key (from the category codes), and complete-key rows."""
    codes = [values[c].cat.codes.to_numpy().astype(np.int64) for c in KEY_COLUMNS]
    sizes = [len(values[c].cat.categories) + 1 for c in KEY_COLUMNS]
    complete = np.logical_and.reduce([c >= 0 for c in codes])
    if float(np.prod(np.array(sizes, dtype=float))) >= 2**62:  # would overflow: let pandas hash
        return pd.Series(pd.MultiIndex.from_arrays(codes).factorize()[0]), complete
    key = np.zeros(len(values), dtype=np.int64)
    for column, size in zip(codes, sizes, strict=True):
        key = key * size + (column + 1)
    return pd.Series(key), complete


def check_duplicates(values: pd.DataFrame, log: ProblemLog) -> None:
    """Rows with the same indicator, area, period, sex and age group; names both rows."""
    key, complete = _row_keys(values)  # rows with unknown codes are reported already
    dup = key.duplicated(keep="first").to_numpy() & complete
    if not dup.any():
        return
    both = key.duplicated(keep=False).to_numpy() & complete
    first = values.loc[both & ~dup, [*KEY_COLUMNS, "file", "line"]]
    later = values.loc[dup, [*KEY_COLUMNS, "file", "line"]]
    for file, group in later.groupby("file", observed=True, sort=False):
        kind = "duplicate key"
        shown = group.head(log.room(str(file), kind))
        pairs = shown.astype({c: object for c in KEY_COLUMNS}).merge(
            first.astype({c: object for c in KEY_COLUMNS}),
            on=KEY_COLUMNS,
            suffixes=("", "_first"),
            how="left",
        )
        log.add(
            kind,
            len(group),
            [
                Problem(
                    str(file),
                    "duplicate row: same indicator, area, period, sex and age group as "
                    + (
                        f"row {r.line_first}"
                        if r.file_first == file
                        else f"{r.file_first} row {r.line_first}"
                    ),
                    "keep one of the two rows (or give them different periods, sexes or age groups)",
                    row=int(cast(int, r.line)),
                    value="/".join(str(getattr(r, c)) for c in KEY_COLUMNS),
                )
                for r in pairs.itertuples()
            ],
        )
