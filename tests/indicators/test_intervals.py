"""Known answers for every interval, with their sources.

Where a source publishes rounded figures the tolerance is its rounding; the
1e-9 checks compare with PHEindicatormethods' formulas transcribed literally
(R/utils.R wilson_lower/upper, byars_lower/upper; R/Rates.R phe_rate) in
plain Python, with ``statistics.NormalDist`` for qnorm.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest
from scipy import stats

from indicators import (
    byar_ci,
    exact_poisson_ci,
    poisson_ci,
    proportion_ci,
    rate_ci,
    t_mean_ci,
    wilson_ci,
    z_value,
)


def qnorm(p: float) -> float:
    return NormalDist().inv_cdf(p)


def phe_wilson(x: float, n: float, confidence: float) -> tuple[float, float]:
    """PHEindicatormethods R/utils.R wilson_lower / wilson_upper, line for line."""
    z = qnorm(confidence + (1 - confidence) / 2)
    lower = (2 * x + z**2 - z * math.sqrt(z**2 + 4 * x * (1 - (x / n)))) / 2 / (n + z**2)
    upper = (2 * x + z**2 + z * math.sqrt(z**2 + 4 * x * (1 - (x / n)))) / 2 / (n + z**2)
    return lower, upper


def phe_byars(x: float, confidence: float) -> tuple[float, float]:
    """PHEindicatormethods R/utils.R byars_lower / byars_upper, line for line."""
    z = qnorm(confidence + (1 - confidence) / 2)
    lower = x * (1 - 1 / (9 * x) - z / (3 * math.sqrt(x))) ** 3
    upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * math.sqrt(x + 1))) ** 3
    return lower, upper


def test_z_values_are_the_normal_quantiles() -> None:
    assert z_value(0.95) == pytest.approx(1.959963984540054, rel=1e-12)
    assert z_value(99.8) == pytest.approx(3.090232306167813, rel=1e-12)
    with pytest.raises(ValueError, match="confidence must be between"):
        z_value(0.3)


# Newcombe RG (1998), Two-sided confidence intervals for the single proportion:
# comparison of seven methods. Stat Med 17:857-872, Table I, method 3 (Wilson score).
NEWCOMBE = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("x", "n", "lower", "upper"), NEWCOMBE)
def test_wilson_matches_newcombe_1998(x: int, n: int, lower: float, upper: float) -> None:
    lo, hi = wilson_ci([x], [n], 0.95)
    assert lo[0] == pytest.approx(lower, abs=5e-5)
    assert hi[0] == pytest.approx(upper, abs=5e-5)


@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_wilson_agrees_with_phe_formula_to_1e9(confidence: float) -> None:
    cases = [(65, 100), (1045, 5000), (0, 30), (30, 30), (1, 2), (12345, 67890), (7, 1e6)]
    lo, hi = wilson_ci([c[0] for c in cases], [c[1] for c in cases], confidence)
    for (x, n), got_lo, got_hi in zip(cases, lo, hi, strict=True):
        want_lo, want_hi = phe_wilson(x, n, confidence)
        assert got_lo == pytest.approx(want_lo, rel=1e-9, abs=1e-15)
        assert got_hi == pytest.approx(want_hi, rel=1e-9)


def test_wilson_is_nan_where_undefined() -> None:
    lo, hi = wilson_ci([5, -1, 11, 3], [0, 10, 10, np.nan])
    assert np.isnan(lo).all() and np.isnan(hi).all()


@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_byar_agrees_with_phe_formula_to_1e9(confidence: float) -> None:
    counts = [10, 11, 65, 389, 1045, 123456]
    lo, hi = byar_ci(counts, confidence)
    for x, got_lo, got_hi in zip(counts, lo, hi, strict=True):
        want_lo, want_hi = phe_byars(x, confidence)
        assert got_lo == pytest.approx(want_lo, rel=1e-9)
        assert got_hi == pytest.approx(want_hi, rel=1e-9)


def test_byar_is_within_two_per_mille_of_exact_from_ten_events() -> None:
    # PHE Technical Guide "Confidence Intervals" (2018), Appendix 1: for 95% intervals
    # Byar's method is within 0.2% of the exact value for numerators of 10 or more.
    counts = np.arange(10, 2001)
    b_lo, b_hi = byar_ci(counts)
    e_lo, e_hi = exact_poisson_ci(counts)
    assert np.max(np.abs(b_lo / e_lo - 1)) < 0.002
    assert np.max(np.abs(b_hi / e_hi - 1)) < 0.002


# Exact Poisson limits for an observed count (95% and 99.8%), from PHEindicatormethods'
# test data tests/testthat/testdata_funnel_ratio_outputs.csv (columns upper_2s_exp_events /
# lower_2s_exp_events, upper_3s_exp_events / lower_3s_exp_events). Those figures come from
# a numerical search and carry about 5 significant digits for the smallest limits, hence
# the tolerance; the definition itself is checked to 1e-9 below.
FUNNEL_EXACT = [
    (1, 0.025317898, 5.571644585, 0.001000547, 9.233410143),
    (2, 0.242209467, 7.224687515, 0.04540199, 11.22886836),
    (5, 1.623486324, 11.6683331, 0.739371928, 16.45474478),
    (10, 4.795387629, 18.39035799, 2.960519925, 24.13397235),
    (100, 81.36400699, 121.6268111, 71.92139974, 134.9243187),
]


@pytest.mark.parametrize(("x", "lo95", "hi95", "lo998", "hi998"), FUNNEL_EXACT)
def test_exact_poisson_matches_phe_test_data(x: int, lo95: float, hi95: float, lo998: float,
                                              hi998: float) -> None:
    lo, hi = exact_poisson_ci([x], 0.95)
    assert (lo[0], hi[0]) == pytest.approx((lo95, hi95), rel=5e-5)
    lo, hi = exact_poisson_ci([x], 0.998)
    assert (lo[0], hi[0]) == pytest.approx((lo998, hi998), rel=5e-5)


@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_exact_poisson_is_phe_rates_chi_square_definition(confidence: float) -> None:
    # phe_rate: qchisq((1-conf)/2, 2x)/2 and qchisq(conf+(1-conf)/2, 2x+2)/2
    counts = np.array([1, 2, 3, 5, 9, 25, 400])
    lo, hi = exact_poisson_ci(counts, confidence)
    alpha = 1 - confidence
    assert lo == pytest.approx(stats.chi2.ppf(alpha / 2, 2 * counts) / 2, rel=1e-9)
    assert hi == pytest.approx(stats.chi2.ppf(1 - alpha / 2, 2 * counts + 2) / 2, rel=1e-9)


def test_exact_poisson_of_zero_events() -> None:
    # Garwood (1936): the 95% upper limit for 0 events is −ln(0.025) = 3.6889
    lo, hi = exact_poisson_ci([0])
    assert lo[0] == 0.0
    assert hi[0] == pytest.approx(-math.log(0.025), rel=1e-9)


def test_poisson_switches_from_exact_to_byar_at_ten() -> None:
    lo, hi = poisson_ci([9, 10])
    e_lo, e_hi = exact_poisson_ci([9])
    b_lo, b_hi = byar_ci([10])
    assert (lo[0], hi[0]) == (e_lo[0], e_hi[0])
    assert (lo[1], hi[1]) == (b_lo[0], b_hi[0])


def test_rate_limits_are_count_limits_over_the_population() -> None:
    # phe_rate: lowercl = byars_lower(x)/n*multiplier for x >= 10
    lo, hi = rate_ci([65], [10000], 100000.0)
    want_lo, want_hi = phe_byars(65, 0.95)
    assert lo[0] == pytest.approx(want_lo / 10000 * 100000, rel=1e-9)
    assert hi[0] == pytest.approx(want_hi / 10000 * 100000, rel=1e-9)


def test_proportion_limits_scale_with_the_multiplier() -> None:
    lo, hi = proportion_ci([65], [100], 100.0)
    want_lo, want_hi = phe_wilson(65, 100, 0.95)
    assert (lo[0], hi[0]) == pytest.approx((100 * want_lo, 100 * want_hi), rel=1e-9)


def test_t_interval_of_a_mean() -> None:
    # phe_mean's example data c(30, 40, 50, 60): mean 45, sd 12.90994, n 4;
    # t(0.975, 3 df) = 3.182446305 (e.g. NIST/SEMATECH e-Handbook, Table of t critical values).
    sd = float(np.std([30, 40, 50, 60], ddof=1))
    lo, hi = t_mean_ci([45.0], [sd], [4], 0.95)
    half = 3.182446305284263 * sd / 2
    assert (lo[0], hi[0]) == pytest.approx((45 - half, 45 + half), rel=1e-9)
    lo, hi = t_mean_ci([45.0], [sd], [1])
    assert np.isnan(lo[0]) and np.isnan(hi[0])
