"""The rows of the comparison table an area's profile file is made of (issue 14): a profile
rendered from ``profile_rows(rows_where, snapshot, code)`` is byte for byte the one
rendered from the whole table (tests/export/test_profile_subset.py), whatever comparator
it is judged against, while a worker reads a few areas' rows instead of every row.

What ``reports.build.build_profile`` reads of the table, and so what is read here:

- every row of the area, of its parent district (the ``parent`` comparator) and of the
  city (the quality notes' city figures; the engine gives every cell one city row, so the
  city's rows also decide each indicator's headline age group as the whole table does);
- the spine charts' peers: the rows of every area of the area's level at sex total, for
  the indicators, headline periods and headline age groups of the area's headline rows;
- when the city names a deprivation measure, the slope index of inequality's input: the
  published (``ok``) rows of the areas (of every level when there are several: the most
  common one is used) at the headline age groups (every one, with several levels), every
  indicator, sex and period. The SII is city-wide and its sums run across groups, so it
  is only exactly reproduced from all of them, in the engine's order.

``rows_where(**where)`` (``dashboard.model.Atlas.rows_where``) gives every column of the
rows whose columns are in the given lists, in the engine's order; the parts read are put
together keeping each one's order, so each area's rows and the SII's input keep theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from indicators import headline_age_groups, headline_rows
from presentation.inequality import deprivation_of
from store.read import Snapshot

RowsWhere = Callable[..., pd.DataFrame]
SpinesKnown = Callable[[str, set[tuple[str, str]]], bool]
# per level, (indicator, period) -> a spine's statistics, shared by one batch's profiles
SharedSpines = dict[str, dict[tuple[str, str], Mapping[Any, Any]]]
KEY = ["indicator_id", "area_code", "period", "sex", "age_group"]  # one row of the table
CITY_LEVEL = "city"
NEEDED = {*KEY, "level", "status", "headline_age_group"}
PEERS_PER_READ = 2000  # area codes asked at once (a database caps a statement's parameters)


def profile_rows(rows_where: RowsWhere, snapshot: Snapshot, area_code: str,
                 spines_known: SpinesKnown | None = None) -> pd.DataFrame:
    """The rows of the comparison table that area ``area_code``'s profile (any format,
    language and comparator) is rendered from, with the table's columns and dtypes.

    ``spines_known(level, pairs)``: whether the spine statistics of these (indicator,
    period) pairs of areas of ``level`` are known already (shared by the batch's profiles,
    ``reports.build.TableIndex``); then the peers are not read."""
    city = str((snapshot.city or {}).get("code", ""))
    area = snapshot.areas[snapshot.areas["code"].astype(str) == str(area_code)]
    parent = area["parent_code"].iloc[0] if len(area) and "parent_code" in area else None
    codes = [str(area_code), *([] if pd.isna(parent) else [str(parent)]), city]
    own = rows_where(area_code=list(dict.fromkeys(codes)))
    if area.empty or str(area["level"].iloc[0]) == CITY_LEVEL or not NEEDED <= set(own.columns):
        return own  # the profile is refused (no data, no such area): these rows say the same
    ages = headline_age_groups(own)
    rows = _merged(own, _inequality_rows(rows_where, snapshot, own)) if deprivation_of(snapshot) else own
    if rows is None:
        return rows_where()  # the parts did not come in one order: the whole table
    peers = _peers(rows_where, snapshot, own[own["area_code"].astype(str) == str(area_code)],
                   str(area["level"].iloc[0]), ages, spines_known)
    new = np.ones(len(peers), dtype=bool)  # a peer's row not among ``rows`` already
    maybe = peers["area_code"].astype(str).isin(set(rows["area_code"].astype(str))).to_numpy()
    if maybe.any():  # only rows of the areas read already can be there twice
        new[maybe] = ~_keys(peers[maybe]).isin(_keys(rows))
    return pd.concat([rows, peers[new]], ignore_index=True) if new.any() else rows


def _peers(rows_where: RowsWhere, snapshot: Snapshot, mine: pd.DataFrame, level: str,
           ages: pd.Series, spines_known: SpinesKnown | None) -> pd.DataFrame:
    """The spine's rows: sex total of every area of ``level``, at the indicators, periods and
    headline age groups of the area's headline rows (the spine is order-free); none when
    those pairs' statistics are known."""
    headline = headline_rows(mine, age_groups=ages)
    shown = shown_pairs(headline)
    if spines_known is not None and shown and spines_known(level, shown):
        return mine.iloc[0:0]
    indicators = sorted(set(headline["indicator_id"].astype(str)))
    areas = snapshot.areas
    codes = sorted(set(areas.loc[areas["level"] == level, "code"].astype(str)))
    if not indicators or not codes:
        return mine.iloc[0:0]
    where = {"sex": ["total"], "indicator_id": indicators,
             "period": sorted(set(headline["period"].astype(str))),
             "age_group": sorted({str(ages[i]) for i in indicators if i in ages.index})}
    parts = [rows_where(area_code=codes[i:i + PEERS_PER_READ], **where)
             for i in range(0, len(codes), PEERS_PER_READ)]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def shown_pairs(headline: pd.DataFrame) -> set[tuple[str, str]]:
    """The (indicator, period) pairs of a profile's headline rows: its spine charts."""
    return set(zip(headline["indicator_id"].astype(str), headline["period"].astype(str), strict=True))


def _inequality_rows(rows_where: RowsWhere, snapshot: Snapshot, own: pd.DataFrame) -> pd.DataFrame:
    """The slope index of inequality's input (presentation.inequality): the published rows
    of the areas, at the headline age groups when the areas are of one level."""
    levels = own["level"].dtype.categories if isinstance(own["level"].dtype, pd.CategoricalDtype) \
        else pd.Index(snapshot.areas["level"].fillna("district").astype(str).unique())
    levels = [str(v) for v in levels if str(v) != CITY_LEVEL]
    if not levels:
        return own.iloc[0:0]
    where: dict[str, list[str]] = {"status": ["ok"], "level": levels}
    if len(levels) == 1:  # one level is the most common: only its headline age groups count
        where["age_group"] = sorted(set(own["headline_age_group"].astype(object).fillna("all")
                                        .astype(str)))
    return rows_where(**where)


def _keys(frame: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[KEY].astype(str))


def _merged(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame | None:
    """The rows of both (a row in both once), each frame's rows in its own order; both are
    in the engine's order. None when they are not (the rows both have come in two orders)."""
    if second.empty:
        return first
    at = _keys(second).get_indexer(_keys(first))  # each first row's place in second, or -1
    anchors = at[at >= 0]
    if (np.diff(anchors) <= 0).any():
        return None
    n = len(second)
    following = np.minimum.accumulate(np.where(at >= 0, at, n)[::-1])[::-1]
    kept = np.ones(n, dtype=bool)
    kept[anchors] = False
    # second's row j at 2j + 1 (a row of both: first's copy there); a row of first only
    # just before the next row of both, so that both orders hold
    slots = np.concatenate([np.where(at >= 0, 2 * at + 1, 2 * following),
                            2 * np.flatnonzero(kept) + 1])
    both = pd.concat([first, second[kept]], ignore_index=True)
    return both.take(np.argsort(slots, kind="stable")).reset_index(drop=True)
