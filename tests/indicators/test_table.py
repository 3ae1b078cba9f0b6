"""The comparison table's contract: columns, scales, city rows, errors, edge cases."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import (
    COMPARISONS,
    EXTRA_COLUMNS,
    GAP_TRENDS,
    STATUSES,
    TABLE_COLUMNS,
    TRENDS,
    IndicatorError,
    comparison_table,
    wilson_ci,
)
from tests.indicators import builders as b


def three_areas(ind: str = "u", **kw: float) -> pd.DataFrame:
    return b.values([b.value(ind, "A", num=90, den=300, **kw),
                     b.value(ind, "B", num=100, den=1000, **kw),
                     b.value(ind, "D", num=110, den=1000, **kw)])


def test_columns_in_contract_order_and_vocabularies() -> None:
    table = comparison_table(three_areas(), b.catalogue(b.indicator("u")), b.areas(), b.CITY)
    assert list(table.columns) == TABLE_COLUMNS + EXTRA_COLUMNS
    for column, vocabulary in (("compared_to_city", COMPARISONS),
                               ("compared_to_rest_of_city", COMPARISONS), ("trend", TRENDS),
                               ("gap_trend", GAP_TRENDS), ("status", STATUSES)):
        assert set(table[column].astype(str)) <= set(vocabulary)
    assert len(table) == 4  # three areas and the city
    city = b.row(table, b.CITY)
    assert (city["level"], city["compared_to_city"], city["compared_to_rest_of_city"]) == (
        "city", "benchmark", "benchmark")
    assert np.isnan(city["rank"]) if not isinstance(city["rank"], type(pd.NA)) else True


def test_empty_values_give_an_empty_table_with_the_columns() -> None:
    table = comparison_table(b.values([]), b.catalogue(), b.areas(), b.CITY)
    assert list(table.columns) == TABLE_COLUMNS + EXTRA_COLUMNS and len(table) == 0


@pytest.mark.parametrize(("value_type", "multiplier", "expected"), [
    ("proportion", 1.0, 90 / 300), ("percentage", 1.0, 100 * 90 / 300),
    ("rate", 100000.0, 100000 * 90 / 300), ("count", 1.0, 90.0),
])
def test_value_scale_by_type(value_type: str, multiplier: float, expected: float) -> None:
    cat = b.catalogue(b.indicator("u", value_type, multiplier=multiplier))
    a = b.row(comparison_table(three_areas(), cat, b.areas(), b.CITY), "A")
    assert a["value"] == pytest.approx(expected, rel=1e-12)
    assert a["lower_ci95"] < a["value"] < a["upper_ci95"]


def test_proportion_limits_are_wilson_on_the_value_scale() -> None:
    cat = b.catalogue(b.indicator("u", "percentage"))
    a = b.row(comparison_table(three_areas(), cat, b.areas(), b.CITY), "A")
    lo, hi = wilson_ci([90], [300], 0.998)
    assert (a["lower_ci998"], a["upper_ci998"]) == pytest.approx((100 * lo[0], 100 * hi[0]))


def test_source_intervals_win() -> None:
    vals = b.values([b.value("u", "A", num=90, den=300, lo=0.2, hi=0.4),
                     b.value("u", "B", num=100, den=1000), b.value("u", "D", num=110, den=1000)])
    a = b.row(comparison_table(vals, b.catalogue(b.indicator("u")), b.areas(), b.CITY), "A")
    assert (a["lower_ci95"], a["upper_ci95"]) == (0.2, 0.4)
    # the 99.8% limits come from the counts (Wilson, 0.2254..0.3869), widened to enclose
    # the source's wider 95% interval; never stretched from it
    assert (a["lower_ci998"], a["upper_ci998"]) == (0.2, 0.4)
    assert a["ci998_source"] == "computed"


def test_supplied_city_row_wins_and_a_discrepancy_is_reported() -> None:
    # decimals apply to `value` as returned: 4 decimals of a 0..1 proportion
    cat = b.catalogue(b.indicator("u", decimals=4))
    vals = pd.concat([three_areas(), b.values([b.value("u", b.CITY, num=320, den=2300)])])
    table = comparison_table(vals, cat, b.areas(), b.CITY)
    city = b.row(table, b.CITY)
    assert city["value"] == pytest.approx(320 / 2300)
    assert city["city_source"] == "supplied"
    assert city["city_discrepancy"] == pytest.approx(320 / 2300 - 300 / 2300)
    assert b.row(table, "A")["city_value"] == pytest.approx(320 / 2300)
    rounded = pd.concat([three_areas(), b.values([b.value("u", b.CITY, val=0.1304)])])
    city = b.row(comparison_table(rounded, cat, b.areas(), b.CITY), b.CITY)
    assert city["value"] == 0.1304  # the supplied (rounded) value, within rounding of 300/2300
    assert np.isnan(city["city_discrepancy"])


def test_medians_without_a_city_row_are_not_aggregable() -> None:
    vals = b.values([b.value("inc", c, val=v) for c, v in (("A", 250.0), ("B", 300.0),
                                                            ("D", 280.0))])
    cat = b.catalogue(b.indicator("inc", "median", "high_is_good"))
    table = comparison_table(vals, cat, b.areas(), b.CITY)
    assert b.row(table, b.CITY)["status"] == "not_aggregable"
    assert b.row(table, "A")["compared_to_city"] == "not_compared"
    assert list(table[table["area_code"] != b.CITY].sort_values("area_code")["rank"]) == [3, 1, 2]


def test_ranks_and_quintiles_follow_polarity() -> None:
    codes = [f"X{i}" for i in range(10)]
    vals = b.values([b.value("u", c, num=10 * (i + 1), den=1000) for i, c in enumerate(codes)])
    for polarity, best in (("low_is_good", "X0"), ("high_is_good", "X9")):
        table = comparison_table(vals, b.catalogue(b.indicator("u", polarity=polarity)),
                                 b.areas(codes), b.CITY)
        assert b.row(table, best)["rank"] == 1 and b.row(table, best)["quintile"] == 1
        assert sorted(table["quintile"].dropna()) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


@pytest.mark.parametrize(("rows", "message"), [
    ([b.value("nope", "A", num=1, den=50)], "indicator is not in the catalogue"),
    ([b.value("u", "Z", num=1, den=50)], "area is not in the areas table"),
    ([b.value("u", "A", num=-1, den=50)], "negative numerator"),
    ([b.value("u", "A", num=60, den=50)], "numerator exceeds denominator"),
    ([b.value("u", "A", num=6, den=50, sex="x")], "unknown sex"),
    ([b.value("u", "A", num=6, den=50), b.value("u", "A", num=7, den=50)], "duplicate key"),
])
def test_bad_inputs_raise_with_row_column_value_and_fix(rows: list, message: str) -> None:
    with pytest.raises(IndicatorError, match=message) as info:
        comparison_table(b.values(rows), b.catalogue(b.indicator("u")), b.areas(), b.CITY)
    assert "values frame, row" in str(info.value) and "Fix:" in str(info.value)


def test_an_empty_city_code_is_an_error() -> None:
    with pytest.raises(IndicatorError, match="no city code"):
        comparison_table(three_areas(), b.catalogue(b.indicator("u")), b.areas(), "")


# Edge cases listed in issue 3.

def test_zero_events() -> None:
    vals = b.values([b.value("u", "A", num=0, den=500), b.value("u", "B", num=50, den=500)])
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("AB"), b.CITY,
                             min_numerator=0)
    a = b.row(table, "A")
    assert (a["value"], a["lower_ci95"]) == (0.0, 0.0) and a["upper_ci95"] > 0
    assert a["compared_to_city"] == "much_better"


def test_zero_denominator_is_missing_or_suppressed() -> None:
    vals = b.values([b.value("u", "A", num=0, den=0), b.value("u", "B", num=50, den=500)])
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("AB"), b.CITY,
                             min_numerator=0, min_denominator=0)
    assert b.row(table, "A")["status"] == "missing"
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("AB"), b.CITY)
    assert b.row(table, "A")["status"] == "suppressed"


def test_numerator_equal_to_denominator() -> None:
    vals = b.values([b.value("u", "A", num=200, den=200), b.value("u", "B", num=50, den=500)])
    a = b.row(comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("AB"), b.CITY), "A")
    assert a["value"] == 1.0 and a["upper_ci95"] == pytest.approx(1.0)
    assert a["lower_ci95"] < 1.0


def test_one_area() -> None:
    vals = b.values([b.value("u", "A", num=60, den=500)])
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("A"), b.CITY)
    a, city = b.row(table, "A"), b.row(table, b.CITY)
    assert a["value"] == city["value"] and a["compared_to_city"] == "similar"
    assert a["compared_to_rest_of_city"] == "not_compared"  # there is no rest
    assert a["rank"] == 1


def test_a_city_row_only() -> None:
    vals = b.values([b.value("u", b.CITY, p, num=60 + i, den=500) for i, p in
                     enumerate(["2019", "2020", "2021", "2022", "2023"])])
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("A"), b.CITY)
    assert set(table["area_code"]) == {b.CITY} and len(table) == 5
    assert set(table["compared_to_city"]) == {"benchmark"}
    assert b.row(table, b.CITY, period="2023")["trend"] == "no_significant_change"
