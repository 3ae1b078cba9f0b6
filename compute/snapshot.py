"""The dashboard's switch: a store snapshot's comparison table on the configured scheduler.

``table_of(snapshot)`` is ``presentation.comparisons.comparison_table_of(snapshot)``
computed on the Dask scheduler named by ``WELLBEING_DASK_SCHEDULER`` (same table, same
disclosure settings). A scheduler that cannot be reached is logged and the table is
computed in this process instead, so a Dask outage never takes the atlas down.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import pandas as pd

import settings
from compute.cluster import client
from compute.engine import distributed_table
from indicators import comparison_table

log = logging.getLogger(__name__)
EMPTY_COLUMNS = ["indicator_id", "area_code", "period", "sex", "age_group"]


class SnapshotLike(Protocol):
    values: pd.DataFrame
    catalogue: pd.DataFrame
    areas: pd.DataFrame
    city: dict[str, Any]


def table_of(snapshot: SnapshotLike) -> pd.DataFrame:
    """The snapshot's comparison table, computed per indicator on the configured scheduler."""
    if not snapshot.city or snapshot.values.empty:
        return pd.DataFrame(columns=EMPTY_COLUMNS)
    values, catalogue, areas = snapshot.values, snapshot.catalogue, snapshot.areas
    code = str(snapshot.city.get("code", ""))
    limits = settings.disclosure_thresholds()
    low_num, low_den = limits["min_numerator"], limits["min_denominator"]
    try:
        dask = client()
    except (OSError, TimeoutError) as exc:
        log.warning("Dask scheduler %s unreachable (%s): computing in this process",
                    settings.get("WELLBEING_DASK_SCHEDULER"), exc)
        return comparison_table(values, catalogue, areas, code, min_numerator=low_num,
                                min_denominator=low_den)
    with dask:
        return distributed_table(values, catalogue, areas, code, client=dask,
                                 min_numerator=low_num, min_denominator=low_den)
