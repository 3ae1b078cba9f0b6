"""The rows of the comparison table an area's profile file is rendered from, read through
the :class:`~dashboard.model.Atlas` (``presentation.profile_rows``: the same file as from
the whole table, without reading it).

A city that names a deprivation measure has its profiles rendered from the whole table,
read once per batch and kept: their inequality section needs nearly every row.

The spine charts' statistics are shared by the batch's profile files (``spines``), so an
area whose statistics are known is read without its level's other areas.

The last area's rows are kept (per load batch), so its files in the other languages and
formats, asked next, reuse them and ``reports``' index of them (kept for the last table
rendered from, by identity).
"""

from __future__ import annotations

import threading

import pandas as pd

from dashboard.model import Atlas
from presentation.inequality import deprivation_of
from presentation.profile_rows import SharedSpines, profile_rows

_LOCK = threading.Lock()


def spines(atlas: Atlas) -> SharedSpines:
    """The spine statistics the profile files of the current load batch share: once an
    area's have been computed from its peers, the next area of its level showing the same
    indicators and periods does not read its peers (36,000 rows at 6,000 areas)."""
    return atlas.derived("profile_rows:spines", dict)


def profile_table(atlas: Atlas, code: str) -> pd.DataFrame:
    """The rows area ``code``'s profile is rendered from (the current load batch's)."""
    last: dict[str, pd.DataFrame] = atlas.derived("profile_rows:last", dict)
    with _LOCK:
        found = last.get(code)
    if found is not None:
        return found
    if deprivation_of(atlas.snapshot()) is not None:
        # the slope index of inequality reads (almost) every row: read the table once per
        # batch and keep it, rather than nearly all of it again for every download
        return atlas.comparisons()
    shared = spines(atlas)
    rows = profile_rows(atlas.rows_where, atlas.snapshot(), code,
                        lambda level, pairs: pairs <= shared.get(level, {}).keys())
    with _LOCK:
        last.clear()
        last[code] = rows
    return rows
