"""A count of an area is never set against the city total (#12)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from indicators import comparison_table


def test_no_difference_or_ratio_for_counts() -> None:
    values = pd.DataFrame({"indicator_id": ["n", "n", "p", "p"], "area_code": ["A", "B"] * 2,
                           "period": "2024", "sex": "total", "age_group": "all",
                           "numerator": [12.0, 30.0, 12.0, 30.0],
                           "denominator": [np.nan, np.nan, 100.0, 100.0], "value": np.nan,
                           "lower_ci": np.nan, "upper_ci": np.nan, "status": None})
    catalogue = pd.DataFrame({"id": ["n", "p"], "domain": "d", "value_type": ["count", "percentage"],
                              "multiplier": 1, "polarity": "low_is_good", "decimals": 0})
    areas = pd.DataFrame({"code": ["A", "B", "C"], "level": ["nb", "nb", "city"]})
    table = comparison_table(values, catalogue, areas, "C").set_index(["indicator_id", "area_code"])
    assert table.loc[("n", "C"), "value"] == 42.0  # the city total is still shown
    assert math.isnan(table.loc[("n", "A"), "difference"])
    assert math.isnan(table.loc[("n", "A"), "ratio"])
    assert table.loc[("p", "A"), "difference"] == 12.0 - 21.0
