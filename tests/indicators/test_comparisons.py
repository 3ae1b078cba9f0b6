"""Known answers for both comparison methods: overlapping CI and rest of city."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from indicators import comparison_table, wilson_ci
from indicators.compare import compare_to_city, compare_to_rest
from indicators.contract import COMPARISONS, POLARITIES, VALUE_TYPES
from tests.indicators import builders as b

HIGH, LOW, NEUTRAL = (POLARITIES.index(p) for p in POLARITIES)
PROP = VALUE_TYPES.index("proportion")


def names(codes: np.ndarray) -> list[str]:
    return [COMPARISONS[c] for c in codes]


def test_fingertips_overlapping_ci_outcomes() -> None:
    # area value 0.30, 95% CI 0.25..0.35, 99.8% CI 0.22..0.38; city values around it
    city = np.array([0.30, 0.20, 0.24, 0.40, 0.36])
    n = len(city)
    args = (np.full(n, 0.30), np.full(n, 0.25), np.full(n, 0.35), np.full(n, 0.22),
            np.full(n, 0.38), city)
    vt = np.full(n, PROP)
    assert names(compare_to_city(*args, np.full(n, HIGH), vt)) == [
        "similar", "much_better", "better", "much_worse", "worse"]
    assert names(compare_to_city(*args, np.full(n, LOW), vt)) == [
        "similar", "much_worse", "worse", "much_better", "better"]
    assert names(compare_to_city(*args, np.full(n, NEUTRAL), vt)) == [
        "similar", "higher", "higher", "lower", "lower"]


def test_no_interval_means_not_compared() -> None:
    got = compare_to_city(np.array([0.3]), np.array([np.nan]), np.array([np.nan]),
                          np.array([np.nan]), np.array([np.nan]), np.array([0.1]),
                          np.array([HIGH]), np.array([PROP]))
    assert names(got) == ["not_compared"]


def test_table_compares_with_the_citys_value_using_wilson_limits() -> None:
    cat = b.catalogue(b.indicator("unemp", polarity="low_is_good"))
    vals = b.values([b.value("unemp", "A", num=90, den=300), b.value("unemp", "B", num=100,
                                                                        den=1000),
                     b.value("unemp", "D", num=110, den=1000)])
    table = comparison_table(vals, cat, b.areas(), b.CITY)
    city_p = 300 / 2300
    a = b.row(table, "A")
    lo, hi = wilson_ci([90], [300])
    assert a["city_value"] == pytest.approx(city_p, rel=1e-12)
    assert (a["lower_ci95"], a["upper_ci95"]) == pytest.approx((lo[0], hi[0]), rel=1e-12)
    assert city_p < lo[0]  # the city is below the area's interval: higher, and low is good
    lo998, _ = wilson_ci([90], [300], 0.998)
    assert a["compared_to_city"] == ("much_worse" if city_p < lo998[0] else "worse")
    assert b.row(table, b.CITY)["compared_to_city"] == "benchmark"


def test_rest_of_city_two_proportions_z_test() -> None:
    x1, n1, x2, n2 = 30.0, 100.0, 200.0, 1000.0
    pooled = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = 2 * stats.norm.sf(abs(z))
    assert 0.002 < p < 0.05  # the worked case sits between the two levels
    codes, rest = compare_to_rest(np.array([PROP]), np.array([HIGH]), np.array([1.0]),
                                  np.array([x1]), np.array([n1]), np.array([x1 / n1]),
                                  np.array([np.nan]), np.array([x1 + x2]), np.array([n1 + n2]),
                                  np.array([pooled]), np.array([np.nan]))
    assert names(codes) == ["better"]
    assert rest[0] == pytest.approx(x2 / n2)


@pytest.mark.parametrize(("o1", "n1", "o2", "n2"), [
    (3, 1000.0, 10, 10000.0), (12, 1000.0, 60, 10000.0), (40, 2000.0, 1500, 100000.0),
    (0, 500.0, 30, 5000.0),
])
def test_rest_of_city_rates_conditional_binomial_test(o1: float, n1: float, o2: float,
                                                       n2: float) -> None:
    """p = 2·min(P(X ≤ o1), P(X ≥ o1)), X ~ Binomial(o1 + o2, n1/(n1+n2)) (scipy as reference)."""
    rate = VALUE_TYPES.index("rate")
    total, p0 = o1 + o2, n1 / (n1 + n2)
    p_exact = min(1.0, 2 * min(stats.binom.cdf(o1, total, p0), stats.binom.sf(o1 - 1, total, p0)))
    codes, rest = compare_to_rest(np.array([rate]), np.array([LOW]), np.array([1000.0]),
                                  np.array([o1]), np.array([n1]), np.array([1000 * o1 / n1]),
                                  np.array([np.nan]), np.array([total]), np.array([n1 + n2]),
                                  np.array([1000 * total / (n1 + n2)]), np.array([np.nan]))
    higher = o1 / n1 > o2 / n2
    want = "similar" if p_exact >= 0.05 else (
        ("much_worse" if higher else "much_better") if p_exact < 0.002 else
        ("worse" if higher else "better"))
    assert names(codes) == [want]
    assert rest[0] == pytest.approx(1000 * o2 / n2)


def test_rest_of_city_means_equal_welch_on_the_raw_samples() -> None:
    rng = np.random.default_rng(3)
    area, rest = rng.normal(50, 10, 60), rng.normal(46, 12, 900)
    city = np.concatenate([area, rest])
    mean_t = VALUE_TYPES.index("mean")
    codes, rest_mean = compare_to_rest(
        np.array([mean_t]), np.array([HIGH]), np.array([1.0]), np.array([np.nan]),
        np.array([60.0]), np.array([area.mean()]), np.array([area.std(ddof=1)]),
        np.array([np.nan]), np.array([960.0]), np.array([city.mean()]),
        np.array([city.std(ddof=1)]))
    welch = stats.ttest_ind(area, rest, equal_var=False)
    assert rest_mean[0] == pytest.approx(rest.mean(), rel=1e-12)
    want = "similar" if welch.pvalue >= 0.05 else (
        "much_better" if welch.pvalue < 0.002 else "better")
    assert names(codes) == [want]


def test_means_in_the_table_recover_sd_from_the_source_interval() -> None:
    rng = np.random.default_rng(5)
    samples = {"A": rng.normal(52, 9, 80), "B": rng.normal(47, 9, 400),
               "D": rng.normal(47, 9, 500)}
    rows = []
    for code, s in samples.items():
        half = stats.t.ppf(0.975, len(s) - 1) * s.std(ddof=1) / np.sqrt(len(s))
        rows.append(b.value("bmi", code, den=len(s), val=s.mean(), lo=s.mean() - half,
                            hi=s.mean() + half))
    cat = b.catalogue(b.indicator("bmi", "mean", "high_is_good"))
    table = comparison_table(b.values(rows), cat, b.areas(), b.CITY)
    everyone = np.concatenate(list(samples.values()))
    city = b.row(table, b.CITY)
    assert city["value"] == pytest.approx(everyone.mean(), rel=1e-12)
    half = stats.t.ppf(0.975, len(everyone) - 1) * everyone.std(ddof=1) / np.sqrt(len(everyone))
    assert city["upper_ci95"] - city["value"] == pytest.approx(half, rel=1e-9)
    a = b.row(table, "A")
    others = np.concatenate([samples["B"], samples["D"]])
    assert a["rest_value"] == pytest.approx(others.mean(), rel=1e-9)
    p = stats.ttest_ind(samples["A"], others, equal_var=False).pvalue
    assert a["compared_to_rest_of_city"] == (
        "similar" if p >= 0.05 else "much_better" if p < 0.002 else "better")
