"""The city's prioritized areas in the city's own order.

A city lists its programme areas in an order of its own (Borås: Hässleholmen, Norrby,
Sjöbo); the configuration's ``[prioritized] codes`` keep it and the store holds it as
``areas.priority``. Every list of prioritized areas (map panel, compare, exports) uses it,
so "the first prioritized area" is the same everywhere; areas without a position (a store
loaded before the order was kept) follow by name.
"""

from __future__ import annotations

import pandas as pd


def in_city_order(areas: pd.DataFrame) -> pd.DataFrame:
    """The prioritized rows of ``areas`` (not the whole city), by priority, then by name."""
    chosen = areas[areas["prioritized"].astype(bool) & (areas["level"] != "city")]
    if "priority" not in chosen:
        chosen = chosen.assign(priority=pd.NA)
    key = pd.DataFrame({
        "priority": pd.to_numeric(chosen["priority"], errors="coerce").fillna(float("inf")),
        "name": chosen["name"].astype(str).str.casefold(),
    }, index=chosen.index)
    return chosen.loc[key.sort_values(["priority", "name"], kind="stable").index]
