"""The comparison table of a store snapshot, with the atlas's disclosure settings.

One function, so that the dashboard, the reports and the CLI exports compute the table
the same way: ``comparison_table_of(snapshot)``.
"""

from __future__ import annotations

import pandas as pd

import settings
from indicators import comparison_table
from store.read import Snapshot

EMPTY_COLUMNS = ["indicator_id", "area_code", "period", "sex", "age_group"]


def comparison_table_of(snapshot: Snapshot) -> pd.DataFrame:
    """The engine's comparison table of ``snapshot`` (empty when it holds no city or values)."""
    if not snapshot.city or snapshot.values.empty:
        return pd.DataFrame(columns=EMPTY_COLUMNS)
    return comparison_table(
        snapshot.values, snapshot.catalogue, snapshot.areas,
        city_code=snapshot.city.get("code", ""), **settings.disclosure_thresholds(),
    )
