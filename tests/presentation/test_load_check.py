"""Warnings for indicators no area of which can be compared (presentation.load_check)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import comparison_table
from presentation.load_check import uncompared
from store.read import Snapshot

CODES = ["A", "B", "C"]


def _snapshot() -> Snapshot:
    rows = []
    for code, x in zip(CODES, (20, 40, 60), strict=True):
        rows += [("share", code, x, 200.0, np.nan), ("burgl", code, x, np.nan, np.nan),
                 ("tiny", code, 1, 10.0, np.nan)]
        if code != "C":  # two areas: too few for the spread rule, so not compared at all
            rows.append(("score", code, np.nan, np.nan, x / 10))
    values = pd.DataFrame(rows, columns=["indicator_id", "area_code", "numerator",
                                         "denominator", "value"])
    values = values.assign(period="2024", sex="total", age_group="all", lower_ci=np.nan,
                           upper_ci=np.nan, status=None)
    values = pd.concat([values, pd.DataFrame([{
        "indicator_id": "score", "area_code": "X", "period": "2024", "sex": "total",
        "age_group": "all", "value": 4.0, "status": None}])], ignore_index=True)
    catalogue = pd.DataFrame({"id": ["share", "burgl", "score", "tiny"], "domain": "d",
                              "value_type": ["percentage", "count", "score", "percentage"],
                              "multiplier": 1, "polarity": "low_is_good", "decimals": 1})
    areas = pd.DataFrame({"code": [*CODES, "X"], "name": [*CODES, "City"],
                          "level": ["nb"] * 3 + ["city"]})
    return Snapshot(city={"code": "X"}, areas=areas, catalogue=catalogue, values=values,
                    batch_id=1)


def test_each_grey_indicator_is_named_with_its_reason_and_fix() -> None:
    snap = _snapshot()
    table = comparison_table(snap.values, snap.catalogue, snap.areas, "X")
    warnings = uncompared(snap, table)
    by_id = {w.split("'")[1]: w for w in warnings}
    assert set(by_id) == {"burgl", "score", "tiny"}  # "share" has areas better and worse
    assert "never compared" in by_id["burgl"] and "Fix" in by_id["burgl"]
    assert by_id["burgl"].startswith("1 count indicator(s)")  # all counts in one line
    assert "no confidence interval" in by_id["score"] and "(2024)" in by_id["score"]
    assert "no area has a published value (status: suppressed)" in by_id["tiny"]
