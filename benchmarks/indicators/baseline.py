"""A straightforward pandas groupby-apply version of the comparison table, for comparison.

What a careful analyst would write first: one ``groupby(...).apply`` per cell
(indicator × period × sex × age group) for intervals, primary suppression, the
city value, the Fingertips comparison and ranks, and one per series (indicator ×
area × sex × age group) for the 5-period trend of every row. It reuses the
engine's interval and trend formulas (vectorized within each group), so the
per-row arithmetic is the same; what differs is the structure. It does less than
the engine (no secondary suppression, rest-of-city test or gap trend), so the
speed ratio is conservative.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from indicators import intervals
from indicators import trends as tr

KEYS = ["indicator_id", "period", "sex", "age_group"]
SERIES = ["indicator_id", "area_code", "sex", "age_group"]


def _limits(g: pd.DataFrame, vt: str, scale: float, confidence: float) -> tuple[Any, Any]:
    x, n = g["numerator"].to_numpy(), g["denominator"].to_numpy()
    if vt in ("proportion", "percentage"):
        return intervals.proportion_ci(x, n, scale, confidence)
    if vt == "rate":
        return intervals.rate_ci(x, n, scale, confidence)
    lo, hi = g["lower_ci"].to_numpy(), g["upper_ci"].to_numpy()
    stretch = intervals.z_value(confidence) / intervals.z_value(0.95)
    v = g["value"].to_numpy()
    return v - (v - lo) * stretch, v + (hi - v) * stretch


def _cell(g: pd.DataFrame, city_code: str) -> pd.DataFrame:
    vt, polarity = str(g["value_type"].iat[0]), str(g["polarity"].iat[0])
    scale = float(g["scale"].to_numpy()[0])
    g = g.copy()
    if vt in ("proportion", "percentage", "rate"):
        g["value"] = scale * g["numerator"] / g["denominator"]
    g["lower_ci95"], g["upper_ci95"] = _limits(g, vt, scale, 0.95)
    g["lower_ci998"], g["upper_ci998"] = _limits(g, vt, scale, 0.998)
    small = (g["numerator"] < 5) | (g["denominator"] < 30)
    g.loc[small, ["value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998"]] = np.nan
    areas = g["area_code"] != city_code
    if vt in ("proportion", "percentage", "rate"):
        city = scale * float(g.loc[areas, "numerator"].sum()) / float(
            g.loc[areas, "denominator"].sum())
    else:
        supplied = g.loc[~areas, "value"]
        city = float(supplied.to_numpy()[0]) if len(supplied) else np.nan
    g["city_value"] = city
    up, down = city < g["lower_ci95"], city > g["upper_ci95"]
    good = up if polarity != "low_is_good" else down
    g["compared_to_city"] = np.select(
        [g["lower_ci95"].isna(), ~(up | down), good], ["not_compared", "similar", "better"],
        "worse")
    ascending = polarity == "low_is_good"
    g["rank"] = g["value"].where(areas).rank(ascending=ascending, method="min")
    return g


def _series(g: pd.DataFrame) -> pd.Series:
    g = g.sort_values("period")
    out = pd.Series("not_enough_data", index=g.index)
    values = g["value"].to_numpy()
    weights = 1.0 / ((g["upper_ci95"] - g["lower_ci95"]).to_numpy() / 3.92) ** 2
    for end in range(tr.TREND_POINTS - 1, len(g)):
        window = slice(end - tr.TREND_POINTS + 1, end + 1)
        code = tr.classify(*tr.wls(values[None, window], weights[None, window])[:4])[0, 0]
        out.iat[end] = ("increasing", "decreasing", "no_significant_change",
                        "not_enough_data")[code]
    return out


def baseline_table(values: pd.DataFrame, catalogue: pd.DataFrame, city_code: str
                   ) -> pd.DataFrame:
    """Intervals, city values, comparisons, ranks and trends with groupby-apply."""
    df = values.astype({k: str for k in ["indicator_id", "area_code", "period", "sex",
                                         "age_group"]})
    cat = catalogue.set_index("id")
    df["value_type"] = df["indicator_id"].map(cat["value_type"])
    df["polarity"] = df["indicator_id"].map(cat["polarity"])
    df["scale"] = np.where(df["value_type"] == "percentage", 100.0,
                           df["indicator_id"].map(cat["multiplier"]).astype(float))
    out = df.groupby(KEYS, group_keys=False).apply(lambda g: _cell(g, city_code))
    out = out.join(df[KEYS])  # pandas 3 leaves the grouping columns out of the groups
    out["trend"] = out.groupby(SERIES, group_keys=False).apply(_series)
    return out
