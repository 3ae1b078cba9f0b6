"""The 99.8% limits of rows with a source 95% interval (issue 11, item 7) and the exact
trend threshold.

Expected values are computed here by another route than the engine's: Wilson's formula
and the exact Poisson limits in arbitrary precision with mpmath (the Poisson limits by
root-finding on the Poisson tail sums, not by the inverse gamma function the engine
uses), and the chi-square quantile from mpmath's inverse error function.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from indicators import comparison_table
from indicators import trends as tr
from indicators.contract import TREND_CHI2
from indicators.measures import CLAMPED, COMPUTED, NO_CI998, STRETCHED, measure
from tests.indicators import builders as b

mpmath.mp.dps = 40


def mp_z(confidence: float) -> mpmath.mpf:
    """Two-sided normal quantile √2·erfinv(confidence)."""
    return mpmath.sqrt(2) * mpmath.erfinv(mpmath.mpf(confidence))


def mp_wilson(x: int, n: int, confidence: float) -> tuple[float, float]:
    """Wilson (1927) score limits in 40-digit arithmetic."""
    z = mp_z(confidence)
    x_, n_ = mpmath.mpf(x), mpmath.mpf(n)
    root = z * mpmath.sqrt(z**2 + 4 * x_ * (1 - x_ / n_))
    den = 2 * (n_ + z**2)
    return float((2 * x_ + z**2 - root) / den), float((2 * x_ + z**2 + root) / den)


def mp_poisson(x: int, confidence: float) -> tuple[float, float]:
    """Exact (Garwood) limits: λ with P(X ≥ x | λ) = α/2 and P(X ≤ x | λ) = α/2, by
    root-finding on the Poisson sums."""
    half = (1 - mpmath.mpf(confidence)) / 2

    def cdf(k: int, lam: mpmath.mpf) -> mpmath.mpf:
        return mpmath.fsum(mpmath.exp(-lam) * lam**i / mpmath.factorial(i) for i in range(k + 1))

    lower = mpmath.findroot(lambda lam: 1 - cdf(x - 1, lam) - half, x / 2 + 0.5)
    upper = mpmath.findroot(lambda lam: cdf(x, lam) - half, 2 * x + 3)
    return float(lower), float(upper)


def table_row(row: dict, value_type: str, multiplier: float = 1.0) -> pd.Series:
    """The comparison-table row of area A (no disclosure thresholds)."""
    vals = b.values([row, b.value("i", "B", num=300, den=3000)])
    cat = b.catalogue(b.indicator("i", value_type, multiplier=multiplier))
    table = comparison_table(vals, cat, b.areas(["A", "B"]), b.CITY, min_numerator=0,
                             min_denominator=0)
    return b.row(table, "A")


def test_a_percentage_of_1_in_100_gets_its_998_limits_from_the_counts() -> None:
    # issue 11: stretching the source interval 0.18..5.45 gave a lower limit of −0.298
    a = table_row(b.value("i", "A", num=1, den=100, lo=0.18, hi=5.45), "percentage")
    assert (a["lower_ci95"], a["upper_ci95"]) == (0.18, 5.45)  # the source's 95% wins
    lo, hi = mp_wilson(1, 100, 0.998)
    assert a["lower_ci998"] == pytest.approx(100 * lo, rel=1e-9)
    assert a["upper_ci998"] == pytest.approx(100 * hi, rel=1e-9)
    assert a["lower_ci998"] > 0 and a["ci998_source"] == "computed"


def test_a_rate_of_5_per_100_gets_its_998_limits_from_the_counts() -> None:
    # issue 11: 5 per 100 per 100,000 with its exact 95% interval stretched gave −323.7
    lo95, hi95 = mp_poisson(5, 0.95)
    a = table_row(b.value("i", "A", num=5, den=100, lo=lo95 * 1000, hi=hi95 * 1000), "rate",
                  100000.0)
    lo, hi = mp_poisson(5, 0.998)
    assert a["lower_ci998"] == pytest.approx(lo * 1000, rel=1e-9)
    assert a["upper_ci998"] == pytest.approx(hi * 1000, rel=1e-9)
    assert a["ci998_source"] == "computed"


def test_a_count_with_a_source_interval_uses_byar_from_its_count() -> None:
    a = table_row(b.value("i", "A", num=40, lo=28.0, hi=55.0), "count")
    z = float(mp_z(0.998))  # Byar's formula written out with the mpmath quantile
    assert a["lower_ci998"] == pytest.approx(40 * (1 - 1 / 360 - z / (3 * math.sqrt(40))) ** 3,
                                             rel=1e-9)
    assert a["upper_ci998"] == pytest.approx(
        41 * (1 - 1 / 369 + z / (3 * math.sqrt(41))) ** 3, rel=1e-9)


def stretched(value: float, lo: float, hi: float) -> tuple[float, float]:
    ratio = float(mp_z(0.998) / mp_z(0.95))
    return value - (value - lo) * ratio, value + (hi - value) * ratio


def test_without_counts_a_stretched_limit_is_clamped_to_the_domain_and_flagged() -> None:
    a = table_row(b.value("i", "A", val=1.0, lo=0.18, hi=5.45), "percentage")
    want_lo, want_hi = stretched(1.0, 0.18, 5.45)
    assert want_lo == pytest.approx(-0.2929, abs=1e-4)  # impossible for a percentage
    assert (a["lower_ci998"], a["ci998_source"]) == (0.0, "clamped")
    assert a["upper_ci998"] == pytest.approx(want_hi, rel=1e-9)  # the other side stretched
    top = table_row(b.value("i", "A", val=0.99, lo=0.95, hi=0.999), "proportion")
    assert (top["upper_ci998"], top["ci998_source"]) == (1.0, "clamped")
    rate = table_row(b.value("i", "A", val=50.0, lo=16.2, hi=116.7), "rate", 100000.0)
    assert (rate["lower_ci998"], rate["ci998_source"]) == (0.0, "clamped")


def test_without_counts_a_limit_inside_the_domain_is_stretched() -> None:
    a = table_row(b.value("i", "A", val=20.0, lo=15.0, hi=26.0), "percentage")
    assert (a["lower_ci998"], a["upper_ci998"]) == pytest.approx(stretched(20.0, 15.0, 26.0),
                                                                 rel=1e-9)
    assert a["ci998_source"] == "stretched"
    # a score has no known domain: a negative stretched limit stays
    score = table_row(b.value("i", "A", val=0.5, lo=-1.0, hi=2.0), "score")
    assert score["lower_ci998"] == pytest.approx(stretched(0.5, -1.0, 2.0)[0], rel=1e-9)
    assert score["ci998_source"] == "stretched"


def test_rows_without_99_8_limits_say_none() -> None:
    a = table_row(b.value("i", "A", val=3.0), "score")
    assert np.isnan(a["lower_ci998"]) and a["ci998_source"] == "none"
    vals = b.values([b.value("i", "A", num=2, den=100), b.value("i", "B", num=300, den=3000)])
    table = comparison_table(vals, b.catalogue(b.indicator("i")), b.areas(["A", "B"]), b.CITY)
    assert b.row(table, "A")["status"] == "suppressed"
    assert b.row(table, "A")["ci998_source"] == "none"


def measure_one(vtype: int, scale: float, num: float, den: float, value: float, lo: float,
                hi: float) -> tuple[float, float, float, float, int]:
    f = np.array
    m = measure(f([vtype], np.int8), f([scale]), f([num]), f([den]), f([value]), f([lo]),
                f([hi]))
    return m.lo95[0], m.hi95[0], m.lo998[0], m.hi998[0], int(m.ci998[0])


@given(x=st.integers(0, 500), extra=st.integers(0, 5000), widen=st.floats(0.0, 0.2),
       shift=st.floats(0.0, 1.0))
def test_998_limits_enclose_95_and_stay_in_the_domain(x: int, extra: int, widen: float,
                                                      shift: float) -> None:
    """Any source 95% interval around a percentage: with counts or without, the 99.8%
    interval encloses the 95% one and stays within 0..100."""
    n = x + extra + 1
    value = 100.0 * x / n
    lo = max(0.0, value - widen * 100 * shift)
    hi = min(100.0, value + widen * 100 * (1 - shift))
    for num, den in ((float(x), float(n)), (np.nan, np.nan)):
        lo95, hi95, lo998, hi998, code = measure_one(1, 100.0, num, den, value, lo, hi)
        assert lo998 <= lo95 <= value <= hi95 <= hi998
        assert 0.0 <= lo998 and hi998 <= 100.0
        assert code in (COMPUTED, STRETCHED, CLAMPED) and code != NO_CI998
        assert (code == COMPUTED) == (num == num)


def test_the_trend_threshold_is_the_exact_chi_square_quantile() -> None:
    # χ²(1 df) quantile at 0.998 = z₀.₉₉₉², z from mpmath's inverse error function
    assert TREND_CHI2 == pytest.approx(float(mp_z(0.998) ** 2), rel=1e-14)
    assert TREND_CHI2 == pytest.approx(stats.chi2.ppf(0.998, 1), rel=1e-14)
    # a straight line through t = 0..4 with unit weights has χ² = 10·slope²: a χ² of
    # 9.54952 (above the old rounded 9.5495, below the exact quantile) is not significant
    slope = math.sqrt(9.54952 / 10)
    values = slope * np.arange(5.0)[None, :]
    complete, got_slope, chi2, stable, _ = tr.wls(values, np.ones((1, 5)))
    assert chi2[0, 0] == pytest.approx(9.54952, rel=1e-12)
    assert tr.classify(complete, got_slope, chi2, stable)[0, 0] == tr.NO_CHANGE
    values = math.sqrt(9.5496 / 10) * np.arange(5.0)[None, :]
    complete, got_slope, chi2, stable, _ = tr.wls(values, np.ones((1, 5)))
    assert tr.classify(complete, got_slope, chi2, stable)[0, 0] == tr.INCREASING


def fingertips_no_outliers(values: list[float]) -> bool:
    """Fingertips' NoOutliersCheck (TrendMarkerCalculator.cs) with unit weights, transcribed:
    a slope < 0 counts −1, anything else (also exactly 0) +1; all six must agree."""
    total = 0
    for left_out in range(6):
        pts = [(t, v) for t, v in enumerate(values, start=1) if t != left_out]
        s1 = len(pts)
        s2 = sum(t * v for t, v in pts)
        s3 = sum(t for t, _ in pts)
        s4 = sum(v for _, v in pts)
        s5 = sum(t * t for t, _ in pts)
        slope = (s1 * s2 - s3 * s4) / (s1 * s5 - s3**2)
        total += -1 if slope < 0 else 1
    return abs(total) == 6


@pytest.mark.parametrize(("values", "fingertips", "engine"), [
    ([12.0, 10.0, 10.0, 10.0, 10.0], False, tr.NO_CHANGE),
    ([10.0, 10.0, 10.0, 10.0, 12.0], True, tr.NO_CHANGE),  # the documented difference
    ([10.0, 10.5, 11.0, 11.5, 12.0], True, tr.INCREASING),
])
def test_a_zero_slope_left_out_breaks_the_trend_in_both_directions(
        values: list[float], fingertips: bool, engine: int) -> None:
    """Fingertips counts a zero leave-one-out slope as positive, so a rise carried by its
    last point survives and the mirror-image fall does not; the engine treats both alike."""
    assert fingertips_no_outliers(values) is fingertips
    got = tr.wls(np.array([values]), np.full((1, 5), 100.0))
    assert got[2][0, 0] > TREND_CHI2
    assert tr.classify(*got[:4])[0, 0] == engine


def test_the_city_mean_from_pooled_sds_is_computed_not_stretched() -> None:
    vals = b.values([b.value("m", "A", val=10.0, den=50), b.value("m", "B", val=12.0, den=80)])
    vals["sd"] = [2.0, 3.0]
    cat = b.catalogue(b.indicator("m", "mean", "neutral"))
    table = comparison_table(vals, cat, b.areas(["A", "B"]), b.CITY, min_numerator=0,
                             min_denominator=0)
    city = b.row(table, b.CITY)
    assert city["ci998_source"] == "computed"
    assert b.row(table, "A")["ci998_source"] == "computed"  # Student's t from the source SD
    # the pooled SD of the 130 individuals, then Student's t with 129 df (phe_mean)
    mean = (50 * 10 + 80 * 12) / 130
    pooled = math.sqrt((49 * 4 + 79 * 9 + 50 * 100 + 80 * 144 - 130 * mean**2) / 129)
    half = stats.t.ppf(0.999, 129) * pooled / math.sqrt(130)
    assert (city["lower_ci998"], city["upper_ci998"]) == pytest.approx((mean - half, mean + half),
                                                                      rel=1e-9)
