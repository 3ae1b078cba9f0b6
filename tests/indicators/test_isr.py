"""Indirectly standardised ratios: known answers, the city at 100, comparisons, errors.

Expected values are computed here group by group with plain loops for the expected
events and tests/indicators/methods_reference.py (mpmath) for the limits: Garwood's
exact limits by root-finding below 10 events, Byar's formula from 10, as
PHEindicatormethods' calculate_ISRatio.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import IndicatorError, indirectly_standardised_ratios
from indicators.standards import ESP2013_BANDS
from tests.indicators import methods_reference as ref
from tests.indicators.test_dsr import banded, sample

BANDS = list(ESP2013_BANDS)


def expected_by_loop(people: list[float], rates: list[float]) -> float:
    return sum(n * r for n, r in zip(people, rates, strict=True))


def reference_ratio(o: float, e: float, confidence: float) -> tuple[float, float, float]:
    lo, hi = ref.poisson_limits(o, confidence)
    return o / e * 100, float(lo / e * 100), float(hi / e * 100)


def test_the_ratio_and_its_limits_against_the_citys_own_rates() -> None:
    areas = {"A": sample(1), "B": sample(2, scale=60), "D": sample(3, scale=5)}
    got = indirectly_standardised_ratios(banded(areas)).set_index("area_code")
    city_rates = [sum(areas[a][0][j] for a in areas) / sum(areas[a][1][j] for a in areas)
                  for j in range(19)]
    for code, (events, people) in areas.items():
        o, e = sum(events), expected_by_loop(people, city_rates)
        for confidence, lo_col, hi_col in ((0.95, "lower_ci95", "upper_ci95"),
                                           (0.998, "lower_ci998", "upper_ci998")):
            value, lo, hi = reference_ratio(o, e, confidence)
            assert got.loc[code, "value"] == pytest.approx(value, rel=1e-9)
            assert got.loc[code, lo_col] == pytest.approx(lo, rel=1e-9)
            assert got.loc[code, hi_col] == pytest.approx(hi, rel=1e-9)
        assert got.loc[code, "observed"] == o
        assert got.loc[code, "expected"] == pytest.approx(e, rel=1e-12)


def test_few_events_use_the_exact_poisson_limits() -> None:
    events, people = [0.0] * 19, [1000.0] * 19
    events[-1] = 3.0
    data = banded({"A": (events, people), "B": sample(4)})
    rates = pd.DataFrame({"age_group": BANDS, "rate": 0.002})
    got = indirectly_standardised_ratios(data, reference=rates).iloc[0]
    value, lo, hi = reference_ratio(3.0, 19 * 1000 * 0.002, 0.95)
    assert (got["value"], got["lower_ci95"], got["upper_ci95"]) == pytest.approx((value, lo, hi),
                                                                                  rel=1e-9)


def test_a_supplied_reference_by_period_and_band() -> None:
    events, people = sample(5)
    data = pd.concat([banded({"A": (events, people)}, period="2022"),
                      banded({"A": (events, people)}, period="2023")])
    rates = pd.DataFrame({"period": ["2022"] * 19 + ["2023"] * 19, "age_group": BANDS * 2,
                          "rate": [0.01] * 19 + [0.02] * 19})
    got = indirectly_standardised_ratios(data, reference=rates)
    assert got["expected"].tolist() == pytest.approx([0.01 * sum(people), 0.02 * sum(people)])
    with pytest.raises(IndicatorError, match="no reference rate"):
        indirectly_standardised_ratios(data, reference=rates[rates["age_group"] != "90+"])
    with pytest.raises(IndicatorError, match="required column is missing"):
        indirectly_standardised_ratios(data, reference=rates.drop(columns="rate"))


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 3000)), min_size=19 * 3,
                max_size=19 * 3))
def test_the_city_against_its_own_rates_is_100(cells: list[tuple[int, int]]) -> None:
    areas = {code: ([float(x) for x, _ in cells[i * 19:(i + 1) * 19]],
                    [float(n) for _, n in cells[i * 19:(i + 1) * 19]])
             for i, code in enumerate("ABD")}
    got = indirectly_standardised_ratios(banded(areas), city_code="C").set_index("area_code")
    if got.loc["C", "observed"] > 0:
        assert got.loc["C", "value"] == pytest.approx(100.0, rel=1e-12)
        assert got.loc["C", "compared_to_standard"] == "similar"
    assert got.loc["C", "expected"] == pytest.approx(got["expected"].drop("C").sum(), rel=1e-12)
    ok = got[got["observed"] > 0]
    assert (ok["lower_ci95"] <= ok["value"]).all() and (ok["value"] <= ok["upper_ci95"]).all()


def test_compared_with_100_by_polarity() -> None:
    high = ([40.0] * 19, [1000.0] * 19)
    rates = pd.DataFrame({"age_group": BANDS, "rate": 0.02})
    data = banded({"A": high, "B": ([20.0] * 19, [1000.0] * 19),
                   "D": ([10.0] * 19, [1000.0] * 19)})
    got = indirectly_standardised_ratios(data, reference=rates, polarity="low_is_good")
    assert got["value"].tolist() == pytest.approx([200.0, 100.0, 50.0])
    assert got["compared_to_standard"].tolist() == ["much_worse", "similar", "much_better"]
    neutral = indirectly_standardised_ratios(data, reference=rates)
    assert neutral["compared_to_standard"].tolist() == ["higher", "similar", "lower"]
    with pytest.raises(IndicatorError, match="unknown polarity"):
        indirectly_standardised_ratios(data, reference=rates, polarity="up")


def test_no_population_means_no_ratio() -> None:
    data = banded({"A": ([0.0] * 19, [0.0] * 19), "B": sample(6)})
    got = indirectly_standardised_ratios(data).set_index("area_code")
    assert got.loc["A", "status"] == "missing" and np.isnan(got.loc["A", "value"])
    assert got.loc["A", "compared_to_standard"] == "not_compared"
