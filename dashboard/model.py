"""The atlas as the dashboard and the exports see it: a cached read of the store.

The snapshot and the comparison table are computed once per load batch and
reused until a new batch lands (the cache key is the latest batch id).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from store.engine import get_engine
from store.read import Snapshot, latest_batch_id, read_snapshot


@dataclass(frozen=True)
class _Cached:
    batch_id: int | None
    snapshot: Snapshot
    comparisons: pd.DataFrame


class Atlas:
    """Read-only access to one store, cached per load batch."""

    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine or get_engine()
        self._lock = threading.Lock()
        self._cached: _Cached | None = None

    def _load(self) -> _Cached:
        from indicators import comparison_table

        version = latest_batch_id(self.engine)
        cached = self._cached
        if cached is not None and cached.batch_id == version:
            return cached
        with self._lock:
            cached = self._cached
            if cached is not None and cached.batch_id == version:
                return cached
            snap = read_snapshot(self.engine, with_geometry=True)
            table = comparison_table(
                snap.values, snap.catalogue, snap.areas, city_code=snap.city.get("code", "")
            )
            self._cached = _Cached(snap.batch_id, snap, table)
            return self._cached

    def snapshot(self) -> Snapshot:
        return self._load().snapshot

    def comparisons(self) -> pd.DataFrame:
        return self._load().comparisons

    def version(self) -> int | None:
        return self._load().batch_id
