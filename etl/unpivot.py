"""``period_from_columns``: years as column suffixes (``Antal 2020``, ``Antal 2021``) become rows.

Each column whose whole name matches the pattern gives one row per source row:
the pattern's group is the period, the cell goes to one value column, and the
other columns are repeated. Rows keep their source line, so a bad cell is still
reported on the row the analyst sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from etl.config_keys import PeriodColumns
from etl.errors import Problem, excerpt, listing
from etl.readers import TextTable

Chunks = Iterator[tuple[pd.DataFrame, np.ndarray]]


def _long(chunks: Chunks, kept: list[str], matched: list[str], periods: list[str],
          spec: PeriodColumns) -> Chunks:
    k = len(matched)
    for frame, lines in chunks:
        out = frame[kept].loc[frame.index.repeat(k)].reset_index(drop=True)
        out[spec.period] = np.tile(np.asarray(periods, dtype=object), len(frame))
        out[spec.value] = frame[matched].to_numpy(dtype=object).ravel()
        yield out, np.repeat(lines, k)


def _fail(table: TextTable, message: str, fix: str) -> TextTable:
    table.problems.append(Problem(table.file, message, fix, row=table.header_line,
                                  column="period_from_columns"))
    table.columns = []
    return table


def unpivot(table: TextTable, spec: PeriodColumns) -> TextTable:
    """``table`` with its period columns turned into rows (changed in place and returned)."""
    rx = re.compile(spec.pattern)
    found = [(c, m.group(1)) for c in table.columns if (m := rx.fullmatch(c)) is not None]
    example = "e.g. pattern = \"Antal (\\\\d{4})\" for 'Antal 2020', 'Antal 2021'"
    if not found:
        return _fail(table, f"period_from_columns pattern {excerpt(spec.pattern)} matches none of the "
                     f"{len(table.columns)} column(s)", f"write a pattern that matches the whole name of "
                     f"each period column ({example})")
    matched, periods = [c for c, _ in found], [p.strip() for _, p in found]
    twice = sorted({p for p in periods if periods.count(p) > 1})
    if twice or "" in periods:
        return _fail(table, f"period_from_columns gives the period(s) {listing(twice or [''])} to more "
                     f"than one column, or none ({listing(matched)})",
                     "make the pattern's group ( ) capture a different period for each column")
    kept = [c for c in table.columns if c not in matched]
    clash = [n for n in (spec.period, spec.value) if n in kept]
    if clash:
        return _fail(table, f"period_from_columns would add column(s) {listing(clash)}, which the file "
                     "already has", "name them otherwise: period_from_columns = { pattern = ..., "
                     "value = \"...\", period = \"...\" }")
    source: Callable[[TextTable], Chunks] = table._source
    table.columns = [*kept, spec.period, spec.value]
    table._source = lambda t: _long(source(t), kept, matched, periods, spec)
    return table
