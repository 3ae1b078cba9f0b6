"""Funnel-plot control limits: PHE's published limits, exact limits by another route, and
agreement with the comparison of Wilson intervals.

Sources of the expected values:
* PHE_PROPORTION_LIMITS: PHEindicatormethods, tests/testthat/testdata_funnel_prop_outputs.csv
  (phe_funnels, Fingertips' proportion funnel), rounded by PHE to 6 decimals, around its
  baseline 80.642448% (itself rounded, hence the tolerance);
* the score limits θ₀ ± z√(θ₀(1 − θ₀)/n) in 40-digit mpmath;
* the exact limits: the binomial / Poisson distribution summed term by term in mpmath,
  the quantile found by walking up the counts and Spiegelhalter's (2005) linear
  interpolation of the distribution function between r − 1 and r.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import IndicatorError, funnel_limits, wilson_ci
from tests.indicators import methods_reference as ref

PHE_BASELINE = 80.642448
PHE_PROPORTION_LIMITS = [  # denominator, lower 95, upper 95, lower 99.8, upper 99.8 (%)
    (1, 3.204264, 100, 0, 100), (3, 35.933491, 100, 10.150815, 100),
    (18, 62.390093, 98.894803, 51.864359, 100), (41, 68.548635, 92.73626, 61.574398, 99.710497),
    (102, 72.974925, 88.309971, 68.553233, 92.731663),
    (1008, 78.203374, 83.081521, 76.796814, 84.488082),
    (9998, 79.867989, 81.416907, 79.421375, 81.863521),
    (110000, 80.408963, 80.875933, 80.274317, 81.010578),
]


@pytest.mark.parametrize(("n", "lo95", "hi95", "lo998", "hi998"), PHE_PROPORTION_LIMITS)
def test_phes_published_proportion_funnel(n: int, lo95: float, hi95: float, lo998: float,
                                          hi998: float) -> None:
    got = funnel_limits(PHE_BASELINE, [n], value_type="percentage").iloc[0]
    assert (got["lower_95"], got["upper_95"], got["lower_998"], got["upper_998"]) == pytest.approx(
        (lo95, hi95, lo998, hi998), abs=2e-6)


def test_score_limits_to_1e9() -> None:
    theta, ns = 0.137, [5, 40, 333, 12_000]
    got = funnel_limits(theta * 1000, ns, value_type="proportion", multiplier=1000)
    for row, n in zip(got.itertuples(), ns, strict=True):
        for confidence, lo, hi in ((0.95, row.lower_95, row.upper_95),
                                   (0.998, row.lower_998, row.upper_998)):
            half = ref.z(confidence) * mpmath.sqrt(mpmath.mpf(theta) * (1 - mpmath.mpf(theta)) / n)
            assert lo == pytest.approx(float(max(theta - half, 0)) * 1000, rel=1e-9, abs=1e-12)
            assert hi == pytest.approx(float(theta + half) * 1000, rel=1e-9)


def interpolated(pmf: list[mpmath.mpf], tail: float, n: float) -> float:
    """Walk up the distribution function to the tail quantile r; interpolate linearly
    between F(r − 1) and F(r) (Spiegelhalter 2005, A.1.1)."""
    cdf, before = mpmath.mpf(0), mpmath.mpf(0)
    for r, p in enumerate(pmf):
        before, cdf = cdf, cdf + p
        if cdf >= tail:
            alpha = (cdf - tail) / (cdf - before)
            return max(float((r - alpha) / n), 0.0)
    raise AssertionError("tail beyond the terms summed")


@pytest.mark.parametrize("n", [1, 7, 60, 450])
def test_exact_binomial_limits(n: int) -> None:
    theta = mpmath.mpf("0.3")
    pmf = [mpmath.binomial(n, k) * theta**k * (1 - theta) ** (n - k) for k in range(n + 1)]
    got = funnel_limits(30.0, [n], value_type="percentage", method="exact").iloc[0]
    for col, tail in (("lower_95", 0.025), ("upper_95", 0.975), ("lower_998", 0.001),
                      ("upper_998", 0.999)):
        assert got[col] == pytest.approx(100 * interpolated(pmf, tail, n), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("n", [400.0, 2_500.0, 48_000.0, 1.3e6])
def test_exact_poisson_limits_for_rates(n: float) -> None:
    rate = mpmath.mpf(450) / 100_000
    mean = rate * n
    pmf = [mpmath.exp(-mean) * mean**k / mpmath.factorial(k) for k in range(int(mean * 3) + 40)]
    got = funnel_limits(450.0, [n], value_type="rate", multiplier=100_000).iloc[0]
    for col, tail in (("lower_95", 0.025), ("upper_95", 0.975), ("lower_998", 0.001),
                      ("upper_998", 0.999)):
        assert got[col] == pytest.approx(100_000 * interpolated(pmf, tail, n), rel=1e-9,
                                         abs=1e-9)


@given(st.integers(1, 3000), st.floats(0.0, 1.0), st.floats(0.01, 0.99))
def test_outside_the_wilson_funnel_exactly_when_the_city_is_outside_the_wilson_interval(
        n: int, share: float, theta: float) -> None:
    x = round(share * n)
    limits = funnel_limits(theta, [n]).iloc[0]
    for confidence, lo_col, hi_col in ((0.95, "lower_95", "upper_95"),
                                       (0.998, "lower_998", "upper_998")):
        lo, hi = wilson_ci([x], [n], confidence)
        outside_funnel = not limits[lo_col] <= x / n <= limits[hi_col]
        city_outside = not lo[0] <= theta <= hi[0]
        margin = min(abs(x / n - limits[lo_col]), abs(x / n - limits[hi_col]))
        if margin > 1e-12:  # away from the boundary (floating point decides there)
            assert outside_funnel == city_outside


def test_limits_enclose_the_city_value_and_narrow_with_size() -> None:
    got = funnel_limits(12.5, np.geomspace(10, 1e6, 30), value_type="percentage")
    assert (got["lower_998"] <= got["lower_95"]).all() and (got["lower_95"] <= 12.5).all()
    assert (got["upper_95"] >= 12.5).all() and (got["upper_998"] >= got["upper_95"]).all()
    assert (np.diff(got["upper_95"]) < 0).all()
    assert np.isnan(funnel_limits(12.5, [0.0], value_type="percentage")["lower_95"].iloc[0])


def test_bad_arguments() -> None:
    with pytest.raises(IndicatorError, match="no funnel for this value type"):
        funnel_limits(3.0, [10], value_type="mean")
    with pytest.raises(IndicatorError, match="unknown funnel method"):
        funnel_limits(3.0, [10], value_type="rate", multiplier=1000, method="wilson")
    with pytest.raises(IndicatorError, match="outside the value's domain"):
        funnel_limits(120.0, [10], value_type="percentage")


def test_a_ratio_funnel_is_the_rate_funnel_on_expected_events() -> None:
    expected = 20.0  # ISR = O/E × 100 around 100: Poisson(E) counts, limits (r − α)/E × 100
    pmf = [mpmath.exp(-expected) * mpmath.mpf(expected) ** k / mpmath.factorial(k)
           for k in range(120)]
    got = funnel_limits(100.0, [expected], value_type="rate", multiplier=100).iloc[0]
    assert got["lower_95"] == pytest.approx(100 * interpolated(pmf, 0.025, expected), rel=1e-9)
    assert got["upper_998"] == pytest.approx(100 * interpolated(pmf, 0.999, expected), rel=1e-9)
