"""What the API reads: any object that hands out one load batch of the store.

The dashboard's ``Atlas`` is one (the API shares its per-batch cache); the API never
imports the dashboard, it is given a callable returning the source when its blueprint
is registered (``api.blueprint.api_blueprint(reader)``). :class:`StoreSource` is one
of its own, for a server or a script without the dashboard.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
from sqlalchemy import Engine

from indicators import headline_age_groups
from presentation.comparisons import comparison_table_of
from store.engine import StoreError
from store.read import Snapshot, latest_batch_id, read_geometries, read_snapshot

T = TypeVar("T")


class Source(Protocol):
    """One load batch of the store, read once and memoized until the next load."""

    engine: Engine

    def snapshot(self) -> Snapshot: ...

    def comparisons(self) -> pd.DataFrame: ...

    def rows_where(self, **where: list[str]) -> pd.DataFrame:
        """Every column of the rows whose columns are in the given values, in the table's
        order (an area's profile reads its rows so, never the whole table)."""

    def age_groups(self) -> pd.Series:
        """Each indicator's headline age group (``indicators.headline_age_groups``)."""

    def version(self) -> int | None: ...

    def derived(self, key: str, build: Callable[[], T]) -> T: ...


class StoreChanged(StoreError):
    """A refresh landed while a file was being made from the previous load."""


class StoreSource:
    """A :class:`Source` reading ``engine`` directly (no dashboard): the snapshot and its
    comparison table are read again when a new load batch lands."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._cached: tuple[int | None, Snapshot, pd.DataFrame, dict[str, Any]] | None = None

    def _load(self) -> tuple[int | None, Snapshot, pd.DataFrame, dict[str, Any]]:
        version = latest_batch_id(self.engine)
        with self._lock:
            if self._cached is None or self._cached[0] != version:
                snap = read_snapshot(self.engine, with_geometry=True)
                self._cached = (snap.batch_id, snap, comparison_table_of(snap), {})
            return self._cached

    def snapshot(self) -> Snapshot:
        return self._load()[1]

    def comparisons(self) -> pd.DataFrame:
        return self._load()[2]

    def rows_where(self, **where: list[str]) -> pd.DataFrame:
        table = self.comparisons()
        keep = np.ones(len(table), dtype=bool)
        for name, values in where.items():
            keep &= table[name].astype(str).isin([str(v) for v in values]).to_numpy(dtype=bool)
        return table[keep].reset_index(drop=True)

    def age_groups(self) -> pd.Series:
        return self.derived("api:age_groups", lambda: headline_age_groups(self.comparisons()))

    def version(self) -> int | None:
        return self._load()[0]

    def derived(self, key: str, build: Callable[[], T]) -> T:
        memo = self._load()[3]
        if key not in memo:
            memo[key] = build()
        return memo[key]  # type: ignore[no-any-return]


def full_geometries(engine: Engine, batch_id: int | None) -> gpd.GeoDataFrame:
    """The areas' full outlines (not the display ones) of load batch ``batch_id``.

    Read after the snapshot, so the store is asked for its batch again afterwards: when a
    refresh landed in between, :class:`StoreChanged` says so (the caller reads again)."""
    with engine.connect() as conn:
        geoms = read_geometries(conn, display=False)
    if latest_batch_id(engine) != batch_id:
        raise StoreChanged("The data were refreshed while the outlines were read.")
    return geoms
