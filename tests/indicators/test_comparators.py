"""Judging rows against a chosen comparator (indicators.comparators).

Expected judgements are worked out in the test from the Fingertips rule written out
by hand: the comparator's value outside the row's 95% interval is a difference,
outside the 99.8% interval a "much" difference, better or worse by polarity.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators import IndicatorError, comparison_table
from indicators.comparators import interval_methods, judge_against

AREAS = pd.DataFrame({"code": ["D1", "D2", "N1", "N2", "N3", "N4", "C"],
                      "level": ["district", "district", "nb", "nb", "nb", "nb", "city"],
                      "parent_code": [None, None, "D1", "D1", "D2", "D2", None]})
COUNTS = {"D1": (300, 1000), "D2": (200, 1000), "N1": (200, 500), "N2": (100, 500),
          "N3": (60, 500), "N4": (140, 500)}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    values = pd.DataFrame([{"indicator_id": "p", "area_code": a, "period": "2024",
                            "sex": "total", "age_group": "all", "numerator": float(x),
                            "denominator": float(n), "value": np.nan, "lower_ci": np.nan,
                            "upper_ci": np.nan, "status": None} for a, (x, n) in COUNTS.items()])
    catalogue = pd.DataFrame({"id": ["p"], "domain": ["d"], "value_type": ["percentage"],
                              "multiplier": [1], "polarity": ["low_is_good"], "decimals": [1]})
    return comparison_table(values, catalogue, AREAS, "C")


def _expected(row: pd.Series, benchmark: float) -> str:
    if math.isnan(benchmark):
        return "not_compared"
    if row.lower_ci95 <= benchmark <= row.upper_ci95:
        return "similar"
    word = "worse" if row.value > benchmark else "better"  # low is good
    return word if row.lower_ci998 <= benchmark <= row.upper_ci998 else f"much_{word}"


def test_parent_district_is_the_parents_own_value(table: pd.DataFrame) -> None:
    judged = judge_against(table, "parent", areas=AREAS)
    values = table.set_index("area_code")["value"]
    for i, row in table.iterrows():
        parent = AREAS.set_index("code")["parent_code"].get(row.area_code)
        benchmark = values[parent] if isinstance(parent, str) else math.nan
        got = judged.loc[i]
        assert (math.isnan(got.comparator_value) and math.isnan(benchmark)) or \
            got.comparator_value == pytest.approx(benchmark)
        assert got.compared_to_comparator == _expected(row, benchmark)
    n1 = judged.loc[table.area_code == "N1"].iloc[0]
    assert n1.compared_to_comparator == "much_worse"  # 40% against the district's 30%


def test_a_national_value_is_judged_like_the_city(table: pd.DataFrame) -> None:
    national = pd.DataFrame({"comparator_code": ["SE"], "indicator_id": ["p"],
                             "period": ["2024"], "sex": ["total"], "age_group": [None],
                             "value": [21.0]})
    judged = judge_against(table, "SE", comparator_values=national)
    for i, row in table.iterrows():
        assert judged.loc[i, "compared_to_comparator"] == _expected(row, 21.0)
        assert judged.loc[i, "comparator"] == "SE"


def test_city_and_rest_are_the_tables_own_columns(table: pd.DataFrame) -> None:
    city = judge_against(table, "city")
    assert (city["compared_to_comparator"].astype(str)
            == table["compared_to_city"].astype(str)).all()
    rest = judge_against(table, "rest")
    assert (rest["compared_to_comparator"].astype(str)
            == table["compared_to_rest_of_city"].astype(str)).all()


def test_unknown_comparator_names_the_valid_ones(table: pd.DataFrame) -> None:
    with pytest.raises(IndicatorError, match=r"unknown comparator.*city, rest, parent"):
        judge_against(table, "XX", comparator_values=None)
    with pytest.raises(IndicatorError, match="parent_code"):
        judge_against(table, "parent")


def test_interval_methods(table: pd.DataFrame) -> None:
    assert set(interval_methods(table)) == {"wilson"}


def test_values_without_an_interval_are_judged_by_the_areas_spread() -> None:
    scores = [1.0, 2.0, 3.0, 4.0, 10.0]
    codes = [f"S{i}" for i in range(len(scores))]
    values = pd.DataFrame({"indicator_id": "z", "area_code": [*codes, "C"], "period": "2024",
                           "sex": "total", "age_group": "all", "numerator": np.nan,
                           "denominator": np.nan, "value": [*scores, 3.0],
                           "lower_ci": np.nan, "upper_ci": np.nan, "status": None})
    catalogue = pd.DataFrame({"id": ["z"], "domain": ["d"], "value_type": ["score"],
                              "multiplier": [1], "polarity": ["high_is_good"], "decimals": [1]})
    areas = pd.DataFrame({"code": [*codes, "C"], "level": ["nb"] * len(codes) + ["city"]})
    table = comparison_table(values, catalogue, areas, "C").set_index("area_code")
    sd = float(np.std(scores, ddof=1))  # 3.54: the spread of the five areas
    for code, score in zip(codes, scores, strict=True):
        expected = ("better" if score - 3.0 > sd else "worse" if 3.0 - score > sd
                    else "similar")
        assert table.loc[code, "compared_to_city"] == expected
        assert table.loc[code, "comparison_basis"] == "spread"
    assert table.loc["S4", "compared_to_city"] == "better"
    assert table.loc["C", "comparison_basis"] == "none"
