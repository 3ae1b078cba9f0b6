"""A funnel plot's data: each area's value against its denominator, and the control
limits at 95% and 99.8% around the city value (indicators.funnel_limits).

Only proportions, percentages and crude rates have a funnel (their limits follow from
the denominator alone); other value types get None.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import funnel_limits

FUNNEL_TYPES = ("proportion", "percentage", "rate")
CURVE_POINTS = 120


@dataclass(frozen=True)
class Funnel:
    points: pd.DataFrame  # area_code, denominator, value, prioritized, compared_to_city
    limits: pd.DataFrame  # denominator, city_value, lower_95, upper_95, lower_998, upper_998
    city_value: float


def funnel_of(table: pd.DataFrame, catalogue: pd.DataFrame, indicator_id: str, period: str,
              sex: str, age_group: str = "all") -> Funnel | None:
    """The funnel of one indicator cell, or None when it has none (type, no city value,
    no area with a value and a denominator)."""
    entry = catalogue.loc[catalogue["id"].astype(str) == indicator_id]
    if len(entry) == 0 or str(entry["value_type"].iloc[0]) not in FUNNEL_TYPES:
        return None
    rows = table.loc[(table["indicator_id"].astype(str) == indicator_id)
                     & (table["period"].astype(str) == period) & (table["sex"].astype(str) == sex)
                     & (table["age_group"].astype(str) == age_group)]
    city = rows.loc[rows["level"].astype(str) == "city", "value"]
    areas = rows.loc[(rows["level"].astype(str) != "city") & rows["value"].notna()
                     & (rows["denominator"] > 0)]
    if len(city) == 0 or pd.isna(city.iloc[0]) or len(areas) == 0:
        return None
    city_value = float(city.iloc[0])
    low, high = float(areas["denominator"].min()), float(areas["denominator"].max())
    grid = np.geomspace(max(low * 0.8, 1.0), high * 1.2, CURVE_POINTS)
    multiplier = float(entry["multiplier"].iloc[0] or 1.0)
    limits = funnel_limits(city_value, grid, value_type=str(entry["value_type"].iloc[0]),
                           multiplier=multiplier)
    points = areas[["area_code", "denominator", "value", "prioritized",
                    "compared_to_city"]].reset_index(drop=True)
    return Funnel(points, limits, city_value)
