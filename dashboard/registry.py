"""The store's registry of cities, read for the dashboard (issue 14, item 3).

A many-city store (``store.cities``) lists its cities, their outlines and each
municipality's own values beside the country's. ``Registry`` reads the cities and their
indicators once per state of the registry (its cities and their load batches), and one
indicator's values at a time (a country's 290 municipalities × 300 indicators × 10 periods
× 3 sexes would be 2.6 million rows), keeping the last few it read until a load changes it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from store.cities import (
    has_registry,
    list_cities,
    read_city_indicators,
    read_city_values,
    registry_state,
)

LOOK_AGAIN_S = 5.0  # a one-city store is asked again for a registry after this many seconds
KEPT_INDICATORS = 16  # values of this many indicators kept per registry state


@dataclass(frozen=True)
class Cities:
    """What the registry holds at one state (empty frames for a one-city store)."""

    state: tuple
    cities: pd.DataFrame  # store.cities.atlas_cities, by slug
    indicators: pd.DataFrame  # atlas_city_indicators, by slug and indicator
    memo: dict = field(default_factory=dict, compare=False)  # what views derive, per state


class Registry:
    """Read-only access to the registry of the store at ``engine`` (the store's own engine)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._cached: Cities | None = None
        self._values: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._has = False  # the registry's tables, once seen (they are never dropped)
        self._looked = -LOOK_AGAIN_S  # when a store without them was last looked at

    def _state(self) -> tuple:
        """The registry's state (``store.cities.registry_state``; () for a store without a
        registry, whose tables are looked for again every ``LOOK_AGAIN_S``)."""
        if not self._has:
            now = time.monotonic()
            if now - self._looked < LOOK_AGAIN_S:
                return ()
            self._looked = now
            if not has_registry(self.engine):
                return ()
            self._has = True
        return registry_state(self.engine)

    def read(self) -> Cities:
        """The registry's cities and indicators now (read again only when a load or a
        removal changed them)."""
        state = self._state()
        cached = self._cached
        if cached is not None and cached.state == state:
            return cached
        with self._lock:
            if self._cached is not None and self._cached.state == state:
                return self._cached
            indicators = read_city_indicators(self.engine) if state else pd.DataFrame(
                columns=["slug", "indicator_id"])
            self._cached = Cities(state, list_cities(self.engine), indicators)
            self._values.clear()
            return self._cached

    def values(self, indicator_id: str) -> pd.DataFrame:
        """Every municipality's own values of ``indicator_id`` against the country
        (``atlas_city_values`` columns, in key order)."""
        state = self.read().state
        key = (state, indicator_id)
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        found = read_city_values(self.engine, indicator_id) if state else pd.DataFrame()
        with self._lock:
            self._values[key] = found
            while len(self._values) > KEPT_INDICATORS:
                self._values.popitem(last=False)
        return found

    def state(self) -> tuple:
        """The registry's state (a part of cache keys: a load of any city changes it);
        () when the store cannot be read."""
        try:
            return self._state()
        except SQLAlchemyError:
            return ()

    def slugs(self) -> list[str]:
        """The cities' keys; [] for a one-city store or a store that cannot be read."""
        try:
            return self.read().cities["slug"].astype(str).tolist()
        except SQLAlchemyError:
            return []
