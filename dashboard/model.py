"""The atlas as the dashboard and the exports see it: a cached read of the store.

The snapshot and the comparison table are computed once per load batch and
reused until a new batch lands (the cache key is the latest batch id). Views
derived from them (slices for the map, an area's rows, the quantized display
geometry) are memoized per batch too, so a callback does dictionary look-ups,
not scans.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from compute import scheduler_address
from compute import table_of as dask_table_of
from dashboard.stored import (
    StoredComparisons,
    compared_in,
    group_index,
    rows_in,
    values_by_indicator,
)
from indicators import headline_age_groups, headline_age_rows
from presentation.area_notes import NoteGroup, about_area
from presentation.comparisons import comparison_table_of
from presentation.prioritized import in_city_order
from presentation.redaction import redact
from store.comparison_read import read_comparison_index, read_display_geometry
from store.display_geometry import DisplayGeometry, display_geometry
from store.engine import BatchChanged, StoreError, get_engine, read_database_url
from store.read import Snapshot, latest_batch_id, read_batches, read_snapshot

T = TypeVar("T")
CITY_LEVEL = "city"
GROUPS = {  # the per-batch indexes of row positions: name → the columns they group by
    "slices": ["indicator_id", "period", "sex"],
    "spine": ["indicator_id", "period", "sex"],  # a slice's level, value and status only
    "by_area": ["area_code"],
    "by_indicator": ["indicator_id"],
    "by_area_indicator": ["area_code", "indicator_id"],
}
UI_COLUMNS = [
    "indicator_id", "domain", "area_code", "level", "prioritized", "period", "sex", "age_group",
    "value", "lower_ci95", "upper_ci95", "city_value", "difference", "compared_to_city", "trend",
    "gap_trend", "status", "polarity", "is_latest",
]
CELL = ["indicator_id", "period", "sex", "age_group"]  # one cell of the whole comparison table
FRAME_CACHE = 4096  # small views kept per load batch (an area's rows, a slice, a list)


class StoreUnavailable(StoreError):
    """The store cannot be read right now (down, locked or not set up)."""


# What a page shows as "cannot be read right now; reload": the store down, or a refresh
# that replaced the rows of the batch a request was reading (its values, read lazily).
UNAVAILABLE = (StoreUnavailable, BatchChanged)


@dataclass
class _Cached:
    batch_id: int | None
    snapshot: Snapshot
    stored: StoredComparisons | None  # the load's materialised table, read in slices
    memo: dict[str, Any] = field(default_factory=dict)


def _unavailable(exc: Exception) -> StoreUnavailable:
    return StoreUnavailable(
        f"The data store cannot be read ({type(exc).__name__}: {str(exc).splitlines()[0]}). "
        "Check that the database is running and DATABASE_URL points at it, then reload."
    )


class Atlas:
    """Read-only access to one store, cached per load batch."""

    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine or get_engine(read_database_url())
        self._lock = threading.Lock()
        self._cached: _Cached | None = None
        self._local = threading.local()  # per-thread pin: one version check per request
        self._frames_lock = threading.Lock()

    # --- pinning: one request sees one load batch and asks the store once ------------------
    def _depth(self) -> int:
        return int(self._local.__dict__.get("depth", 0))

    def pin(self) -> None:
        """From now on (in this thread) reuse the first version check, until :meth:`unpin`."""
        self._local.depth = self._depth() + 1

    def unpin(self) -> None:
        self._local.depth = max(0, self._depth() - 1)
        if self._local.depth == 0:
            self._local.pinned = None

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """A block that reads one load batch and checks the store's version once."""
        self.pin()
        try:
            yield
        finally:
            self.unpin()

    # --- loading -------------------------------------------------------------------------
    def _current_version(self) -> int | None:
        try:
            return latest_batch_id(self.engine)
        except (SQLAlchemyError, OSError, StoreError) as exc:
            raise _unavailable(exc) from exc

    def _load(self) -> _Cached:
        pinned = getattr(self._local, "pinned", None)
        if pinned is not None and self._depth():
            return pinned  # type: ignore[no-any-return]
        cached = self._load_current()
        if self._depth():
            self._local.pinned = cached
        return cached

    def _load_current(self) -> _Cached:
        version = self._current_version()
        cached = self._cached
        if cached is not None and cached.batch_id == version:
            return cached
        with self._lock:
            cached = self._cached
            if cached is not None and cached.batch_id == version:
                return cached
            for _attempt in range(3):  # a refresh between the two reads: read both again
                try:
                    index = read_comparison_index(self.engine)
                    snap = read_snapshot(self.engine, with_geometry=True,
                                         lazy=index.materialised)
                except StoreError as exc:  # e.g. an older schema: its message says how to fix it
                    raise StoreUnavailable(str(exc)) from exc
                except (SQLAlchemyError, OSError) as exc:
                    raise _unavailable(exc) from exc
                if index.batch_id == snap.batch_id:
                    break
            stored = StoredComparisons(self.engine, index, UI_COLUMNS) if index.materialised else None
            self._cached = _Cached(snap.batch_id, snap, stored)
            return self._cached

    def _computed(self) -> pd.DataFrame:
        """The whole table: the load's, read whole; else computed here (as before #14)."""
        cached = self._load()
        if cached.stored is not None:
            return cached.stored.whole()
        snap = cached.snapshot
        return dask_table_of(snap) if scheduler_address() else comparison_table_of(snap)

    def rows_where(self, **where: list[str]) -> pd.DataFrame:
        """Rows of the whole table (all columns, not redacted) whose columns are in the
        given values: read from the store, or filtered from the table computed here."""
        stored = self.stored()
        return stored.rows_where(**where) if stored is not None else rows_in(self.comparisons(), **where)

    def stored(self) -> StoredComparisons | None:
        """The materialised table of this batch, or None (then the table is computed)."""
        return self._load().stored

    def snapshot(self) -> Snapshot:
        return self._load().snapshot

    def comparisons(self) -> pd.DataFrame:
        """The whole comparison table (read or computed once per batch, when first asked)."""
        return self.derived("comparisons", self._computed)

    def version(self) -> int | None:  # the load batch shown
        return self._load().batch_id

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` memoized for the current load batch (thread-safe enough: idempotent)."""
        cached = self._load()
        if key not in cached.memo:
            cached.memo[key] = build()
        return cached.memo[key]  # type: ignore[no-any-return]

    def batches(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Load batches (newest first) and their files; read fresh, they are small."""
        try:
            return read_batches(self.engine)
        except (SQLAlchemyError, OSError) as exc:
            raise _unavailable(exc) from exc

    # --- views -----------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.snapshot().city or self.snapshot().catalogue.empty

    def city(self) -> dict[str, Any]:
        return self.snapshot().city

    def city_code(self) -> str:
        return str(self.snapshot().city.get("code", ""))

    def areas(self) -> pd.DataFrame:
        """The mapped areas (not the whole-city row), indexed by code, in name order."""

        def build() -> pd.DataFrame:
            areas = self.snapshot().areas
            areas = areas[areas["level"] != CITY_LEVEL].set_index("code", drop=False)
            return areas.sort_values("name", key=lambda s: s.str.casefold())

        return self.derived("areas", build)

    def about_area(self, code: str, lang: str) -> list[NoteGroup]:
        """The area's notes by kind, in ``lang`` with fallbacks (``presentation.area_notes``)."""
        return self.cached(("about", code, lang), lambda: about_area(self.snapshot().notes, code, lang))

    def prioritized(self) -> pd.DataFrame:
        """The prioritized areas in the city's order (``presentation.prioritized``)."""
        return self.derived("prioritized", lambda: in_city_order(self.areas()))

    def catalogue(self) -> pd.DataFrame:
        """The indicator catalogue indexed by id, in the order it was loaded."""
        return self.derived("catalogue", lambda: self.snapshot().catalogue.set_index("id", drop=False))

    def age_groups(self) -> pd.Series:
        """Each indicator's headline age group (``indicators.headline_age_groups``)."""
        stored = self.stored()
        if stored is not None:
            return stored.headline()
        return self.derived("age_groups", lambda: headline_age_groups(self.comparisons()))

    def compared_indicators(self) -> set[str]:
        """Indicators whose latest period compares at least one area with the city."""
        stored = self.stored()
        if stored is not None:
            return stored.compared_indicators()
        return self.derived("compared", partial(compared_in, self.comparisons()))

    def ui_table(self) -> pd.DataFrame:
        """The comparison rows the dashboard shows: each indicator's headline age group
        (the catalogue's, else ``all``, else its only one), the columns the pages use,
        suppressed values blanked once more (see display.redact)."""

        def build() -> pd.DataFrame:
            table = self.comparisons()
            if "age_group" in table.columns:
                table = headline_age_rows(table, self.age_groups())
            table = table[[c for c in UI_COLUMNS if c in table.columns]]
            return redact(table.reset_index(drop=True))

        return self.derived("ui_table", build)

    def slice(self, indicator_id: str, period: str, sex: str) -> pd.DataFrame:
        """All rows (areas and the city) of one indicator, period and sex."""
        return self._group("slices", (indicator_id, period, sex))

    def spine(self, indicator_id: str, period: str, sex: str) -> pd.DataFrame:
        """A slice's ``level``, ``value`` and ``status`` (at least; the profile's spines)."""
        return self._group("spine", (indicator_id, period, sex))

    def area_rows(self, area_code: str) -> pd.DataFrame:
        """All rows of one area (every indicator, period and sex)."""
        return self._group("by_area", area_code)

    def indicator_rows(self, indicator_id: str) -> pd.DataFrame:
        """All rows of one indicator (every area, period and sex)."""
        return self._group("by_indicator", indicator_id)

    def display_geometry(self) -> DisplayGeometry:
        """The mapped areas' outlines, simplified and quantized for the browser."""

        def build() -> DisplayGeometry:
            made = read_display_geometry(self.engine, self.version())  # the load made it
            return made or display_geometry(self.snapshot().geometries, codes=list(self.areas().index))

        return self.derived("display_geometry", build)

    def cached(self, key: Any, build: Callable[[], T]) -> T:
        """``build()`` memoized for the current load batch in a bounded LRU (many small views)."""
        lru: OrderedDict[Any, Any] = self.derived("lru", OrderedDict)
        with self._frames_lock:
            if key in lru:
                lru.move_to_end(key)
                return lru[key]  # type: ignore[no-any-return]
        value = build()
        with self._frames_lock:
            lru[key] = value
            while len(lru) > FRAME_CACHE:
                lru.popitem(last=False)
        return value

    def _group(self, name: str, key: Any) -> pd.DataFrame:
        """One group's rows, from a per-batch index of positions (frames kept in the LRU)."""

        def build() -> pd.DataFrame:
            stored = self.stored()
            if stored is not None:
                return stored.group(name, key)
            table = self.ui_table()
            index = self.derived(name, partial(group_index, table, GROUPS[name]))
            positions = index.get(key)
            return table.iloc[0:0] if positions is None else table.take(positions)

        return self._read_cached((name, key), build)

    def cell(self, indicator_id: str, period: str, sex: str, age_group: str) -> pd.DataFrame:
        """Every row (areas, parents and the city) of one cell, with all the comparison
        table's columns (the comparator judgements and the funnel need them), redacted."""
        return self._whole_group("cells", CELL, (indicator_id, period, sex, age_group))

    def indicator_table(self, indicator_id: str) -> pd.DataFrame:
        """Every row of one indicator (all ages), with all the table's columns, redacted."""
        return self._whole_group("whole_by_indicator", ["indicator_id"], indicator_id)

    def age_groups_of(self, indicator_id: str) -> list[str]:
        """The indicator's age groups: its headline group first, then the others in order."""
        stored = self.stored()
        present = stored.age_groups() if stored is not None else self.derived(
            "present:age_group", partial(values_by_indicator, self.comparisons(), "age_group"))
        groups = present.get(indicator_id, [])
        headline = self.age_groups().get(indicator_id)
        return sorted(groups, key=lambda g: (g != headline, g != "all", g))

    def _whole_group(self, name: str, keys: list[str], key: Any) -> pd.DataFrame:
        def build() -> pd.DataFrame:
            stored = self.stored()
            if stored is not None:
                return stored.whole_group(keys, key)
            table = self.comparisons()
            index = self.derived(name, partial(group_index, table, keys))
            positions = index.get(key)
            return redact(table.iloc[0:0] if positions is None else table.take(positions))

        return self._read_cached((name, key), build)

    def _read_cached(self, key: Any, build: Callable[[], T]) -> T:
        """``cached``, where a refresh that replaced this batch's rows mid-read empties the
        cache and asks for a reload (a page never shows two batches)."""
        try:
            return self.cached(key, build)
        except BatchChanged as exc:
            with self._lock:
                self._cached = None
            raise StoreUnavailable(
                "The data were refreshed while this page was being read. Reload the page to "
                "see the new data.") from exc

    def series_records(self, area_code: str, indicator_id: str) -> list[dict[str, Any]]:
        """The rows of one area and indicator as plain records (few: periods × sexes)."""
        return self.cached(("records", area_code, indicator_id),
                           lambda: records(self.series_rows(area_code, indicator_id)))

    def series_rows(self, area_code: str, indicator_id: str) -> pd.DataFrame:
        """All rows of one area and one indicator (every period and sex)."""
        return self._group("by_area_indicator", (area_code, indicator_id))

    def periods(self, indicator_id: str) -> list[str]:
        """The indicator's periods in time order (text order is time order)."""
        return self._present("period").get(indicator_id, [])

    def sexes(self, indicator_id: str) -> list[str]:
        """The sexes the indicator has, total first."""
        present = set(self._present("sex").get(indicator_id, []))
        return [s for s in ("total", "female", "male") if s in present]

    def _present(self, column: str) -> dict[str, list[str]]:
        """Per indicator, the sorted values of ``column`` it has (one pass per batch)."""

        def build() -> dict[str, list[str]]:
            stored = self.stored()
            if stored is not None:
                return stored.present(column)
            return values_by_indicator(self.ui_table(), column)

        return self.derived(f"present:{column}", build)

    def warm(self) -> None:
        """What the first requests need (the table or its index, the geometry); pinned."""
        with self.pinned():
            if self.stored() is None:
                table = self.ui_table()
                for name, keys in GROUPS.items():
                    self.derived(name, partial(group_index, table, keys))
            for column in ("period", "sex"):
                self._present(column)
            self.display_geometry()


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (categories as their values), much faster than ``to_dict`` for
    the small frames the pages read row by row."""
    columns = [str(c) for c in frame.columns]
    values = [frame[c].tolist() for c in frame.columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
