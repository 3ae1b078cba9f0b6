"""After a load: indicators that cannot say anything about any area.

An indicator whose every area row of its latest period is ``not_compared`` opens as a
grey map. ``uncompared(snapshot, table)`` names each such indicator with the reason and
the fix, for `wellbeing etl run` and `wellbeing demo` to print as warnings.
"""

from __future__ import annotations

import pandas as pd

from store.read import Snapshot

NOT_COMPARED = "not_compared"


def _reason(rows: pd.DataFrame, value_type: str) -> str:
    city = rows.loc[rows["level"].astype(str) == "city"]
    areas = rows.loc[rows["level"].astype(str) != "city"]
    published = areas.loc[areas["status"].astype(str) == "ok"]
    if len(published) == 0:
        statuses = ", ".join(sorted(set(areas["status"].astype(str))))
        return (f"no area has a published value (status: {statuses}). Fix: check the source's "
                "suppression and the disclosure thresholds (min_numerator, min_denominator)")
    if len(city) == 0 or city["value"].isna().all():
        return (f"there is no city value: a {value_type} is not summed from the areas and the "
                "source has no whole-city row. Fix: add the city's row (area code = the city "
                "code)")
    if published["lower_ci95"].isna().all():
        return ("the values have no confidence interval: no numerator and denominator, no "
                "lower_ci/upper_ci and (for means) no sd. Fix: map those columns, or derive the "
                "indicator from counts ([[derived]]); without them the map can colour the areas by value classes, not by comparison")
    return "every area's interval contains the city value"


def uncompared(snapshot: Snapshot, table: pd.DataFrame) -> list[str]:
    """One warning per indicator whose every area in its latest period is not compared; the
    counts (never compared, by design) in one line naming them all."""
    if len(table) == 0:
        return []
    latest = table.loc[table["is_latest"].astype(bool)]
    types = snapshot.catalogue.set_index(snapshot.catalogue["id"].astype(str))["value_type"]
    out, counts = [], []
    for indicator, rows in latest.groupby(latest["indicator_id"].astype(str), sort=True):
        areas = rows.loc[rows["level"].astype(str) != "city", "compared_to_city"].astype(str)
        if len(areas) and (areas == NOT_COMPARED).all():
            period = ", ".join(sorted(set(rows["period"].astype(str))))
            vt = str(types.get(indicator, ""))
            if vt == "count":
                counts.append(f"'{indicator}' ({period})")
                continue
            out.append(f"indicator '{indicator}' ({period}): no area can be compared with the "
                       f"city: {_reason(rows, vt)}.")
    if counts:
        out.append(f"{len(counts)} count indicator(s) are shown but never compared with the city "
                   f"(a count grows with the area): {', '.join(counts)}. Fix, where a comparison "
                   "is wanted: give a denominator and make it a rate or a percentage (a "
                   "[[derived]] indicator).")
    return out
