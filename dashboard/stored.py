"""The comparison table as the load materialised it, read in slices (issue 14).

A worker of a store whose load wrote the comparison table (``store.comparison_schema``)
reads the small index when it starts (cells and dtypes) and then only the rows a page
needs: one indicator × period × sex for a map, one area for a profile, one indicator for
its page. Each answer is what the in-memory table gave for the same question (same
rows, order, columns and dtypes; tests/dashboard/test_stored_slices.py compares the two
on every key), so the pages cannot tell the two apart.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from indicators import headline_age_groups
from presentation.redaction import redact
from store.comparison_read import ComparisonIndex, read_comparison_rows

# Rows of ``rows_where`` answers a worker keeps per load batch, the most recently used
# first: an area's profile file reads its spines' peers (every area of its level, a few
# indicators and periods), the same answer for every area of that level; at 6,000 areas
# it is 36,000 rows, read in 0.5 s (benchmarks.load).
KEPT_ROWS = 200_000


class StoredComparisons:
    """Slices of one load batch's materialised comparison table."""

    def __init__(self, engine: Engine, index: ComparisonIndex, ui_columns: list[str]) -> None:
        self.engine = engine
        self.index = index
        self.ui_columns = [c for c in ui_columns if c in index.dtypes]
        cells = index.cells
        self._headline = headline_age_groups(cells) if len(cells) else pd.Series(dtype=object)
        headline = cells["indicator_id"].map(self._headline)
        self._shown = cells[cells["age_group"] == headline]  # the pages' cells: headline ages
        self._age_groups = values_by_indicator(cells, "age_group")
        self._kept: OrderedDict[tuple[Any, ...], pd.DataFrame] = OrderedDict()
        self._kept_lock = threading.Lock()

    def headline(self) -> pd.Series:
        """``indicators.headline_age_groups`` of the whole table (from its cells)."""
        return self._headline

    def whole(self) -> pd.DataFrame:
        """The whole table (for the pages and files that need every row)."""
        return read_comparison_rows(self.engine, self.index)

    def group(self, name: str, key: Any) -> pd.DataFrame:
        """The ``dashboard.model.GROUPS`` group ``key``: headline age rows, UI columns."""
        where: dict[str, Any]
        if name == "by_area":
            frame = self._read(self.ui_columns, area_code=key)
            headline = frame["indicator_id"].astype(str).map(self._headline)
            frame = frame[frame["age_group"].astype(str) == headline]
            return redact(frame.reset_index(drop=True))
        columns = self.ui_columns
        if name in ("slices", "spine"):
            indicator, period, sex = key
            where = {"indicator_id": indicator, "period": period, "sex": sex}
            columns = ["level", "value", "status"] if name == "spine" else columns
        elif name == "by_indicator":
            indicator, where = key, {"indicator_id": key}
        else:  # by_area_indicator
            area, indicator = key
            where = {"area_code": area, "indicator_id": indicator}
        age = self._headline.get(indicator)
        if age is None:
            return self._read(columns, indicator_id="").iloc[0:0]
        return redact(self._read(columns, **where, age_group=age))

    def whole_group(self, keys: list[str], key: Any) -> pd.DataFrame:
        """Every column of the rows where ``keys`` equal ``key`` (redacted)."""
        values = key if isinstance(key, tuple) else (key,)
        return redact(self._read(None, **dict(zip(keys, values, strict=True))))

    def present(self, column: str) -> dict[str, list[str]]:
        """Per indicator the sorted values of ``column`` in its headline age group."""
        return values_by_indicator(self._shown, column)

    def age_groups(self) -> dict[str, list[str]]:
        """Per indicator every age group it has (made with the batch: not to be changed)."""
        return self._age_groups

    def compared_indicators(self) -> set[str]:
        """Indicators whose latest period compares at least one area with the city."""
        cells = self.index.cells
        useful = cells[cells["areas_compared"] > 0]
        return set(useful["indicator_id"].astype(str))

    def rows_where(self, **where: list[str]) -> pd.DataFrame:
        """Every column of the rows whose columns are in the given values (not redacted)."""
        if any(not values for values in where.values()):
            return self._read(None, indicator_id=[])  # nothing asked: no rows, the columns
        key = tuple(sorted((name, frozenset(map(str, values))) for name, values in where.items()))
        with self._kept_lock:
            frame = self._kept.get(key)
            if frame is not None:
                self._kept.move_to_end(key)
        if frame is None:
            frame = self._read(None, **where)
            with self._kept_lock:
                self._kept[key] = frame
                total = sum(len(f) for f in self._kept.values())
                while total > KEPT_ROWS and len(self._kept) > 1:
                    total -= len(self._kept.popitem(last=False)[1])
        return frame.copy()  # the caller's to change

    def _read(self, columns: list[str] | None, **where: Any) -> pd.DataFrame:
        frame = read_comparison_rows(self.engine, self.index, columns, **where)
        return frame if columns is None else frame[[c for c in columns if c in frame.columns]]


def values_by_indicator(cells: pd.DataFrame, column: str) -> dict[str, list[str]]:
    """Per indicator the sorted distinct values of ``column`` (of cells or a whole table)."""
    if cells.empty:
        return {}
    pairs = cells[["indicator_id", column]].astype(str).drop_duplicates()
    return {str(k): sorted(v.tolist()) for k, v in pairs.groupby("indicator_id")[column]}


def compared_in(table: pd.DataFrame) -> set[str]:
    """Indicators whose latest rows in a whole in-memory table compare at least one area
    with the city (``compared_indicators`` of a table that was not materialised)."""
    if not len(table) or not {"is_latest", "compared_to_city", "level"} <= set(table.columns):
        return set()
    latest = table.loc[table["is_latest"].astype(bool) & (table["level"].astype(str) != "city")]
    judged = ~latest["compared_to_city"].astype(str).isin(("not_compared", "benchmark"))
    return set(latest.loc[judged, "indicator_id"].astype(str))


def rows_in(table: pd.DataFrame, **where: list[str]) -> pd.DataFrame:
    """The rows of an in-memory table whose columns are in the given values."""
    keep = pd.Series(True, index=table.index)
    for name, values in where.items():
        keep &= table[name].astype(str).isin([str(v) for v in values])
    return table[keep].reset_index(drop=True)


def group_index(table: pd.DataFrame, keys: list[str]) -> dict[Any, Any]:
    """Row positions of each group of an in-memory table (positions, not copies)."""
    if table.empty:
        return {}
    by = keys[0] if len(keys) == 1 else keys
    return dict(table.groupby(by, sort=False, observed=True).indices)
