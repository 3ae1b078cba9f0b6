"""Significance of an area against the city and against the rest of the city.

``compared_to_city`` is Fingertips' overlapping-CI method: the city value
outside the area's 95% interval is a significant difference (99.8%: a "much"
difference). ``compared_to_rest_of_city`` tests the area against the city
minus the area with a two-sample test: pooled two-proportion z-test for
proportions and percentages, the exact conditional (binomial) test for two
Poisson rates, Welch's t-test for means (the rest's SD recovered from the
pooled city SD). Both columns use the same vocabulary; docs/methods.md has
the formulas and references.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import special

from indicators.contract import COMPARISONS, POLARITIES
from indicators.measures import COUNT, MEAN, RATE, is_share

Array = NDArray[np.float64]
C = {name: np.int8(i) for i, name in enumerate(COMPARISONS)}
P95, P998 = 0.05, 0.002
HIGH_IS_GOOD = POLARITIES.index("high_is_good")
LOW_IS_GOOD = POLARITIES.index("low_is_good")


def outcome(
    direction: Array, sig95: NDArray[np.bool_], sig998: NDArray[np.bool_],
    polarity: NDArray[np.integer], valid: NDArray[np.bool_],
) -> NDArray[np.int8]:
    """Comparison codes from a direction (+1 area higher, -1 lower) and significance."""
    up = direction > 0
    good = np.where(polarity == LOW_IS_GOOD, ~up, up)
    neutral = (polarity != HIGH_IS_GOOD) & (polarity != LOW_IS_GOOD)
    plain = np.where(good, C["better"], C["worse"])
    much = np.where(good, C["much_better"], C["much_worse"])
    polar = np.where(sig998, much, plain)
    code = np.where(neutral, np.where(up, C["higher"], C["lower"]), polar)
    code = np.where(sig95, code, C["similar"])
    return np.where(valid, code, C["not_compared"]).astype(np.int8)


def compare_to_city(
    value: Array, lo95: Array, hi95: Array, lo998: Array, hi998: Array, city_value: Array,
    polarity: NDArray[np.integer], vtype: NDArray[np.integer],
) -> NDArray[np.int8]:
    """Fingertips: is the city value outside the area's 95% (99.8%) interval?"""
    with np.errstate(invalid="ignore"):
        valid = ~(np.isnan(value) | np.isnan(lo95) | np.isnan(hi95) | np.isnan(city_value))
        valid &= vtype != COUNT
        sig95 = (city_value < lo95) | (city_value > hi95)
        sig998 = (city_value < lo998) | (city_value > hi998)
    direction = np.where(city_value < lo95, 1.0, -1.0)
    return outcome(direction, sig95, sig998, polarity, valid)


def _two_proportions(x1: Array, n1: Array, x2: Array, n2: Array) -> tuple[Array, Array]:
    """Pooled z statistic of p1 − p2 and its two-sided p-value."""
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = (x1 + x2) / (n1 + n2)
        se = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
        z = np.where(se > 0, (x1 / n1 - x2 / n2) / se, 0.0)
    return z, 2.0 * special.ndtr(-np.abs(z))


EXACT_BELOW_VARIANCE = 10.0
"""Below this binomial variance of o₁ the conditional test is always exact."""
EXACT_BAND_VARIANCE = 100.0
EXACT_BAND = (P998 / 10.0, P95 * 10.0)
"""Up to EXACT_BAND_VARIANCE the exact p-value is also computed whenever the normal one
falls within a factor 10 of a threshold, so that only the exact test decides close calls;
elsewhere both tests give the same outcome and the normal one is far cheaper."""


def _two_rates(o1: Array, n1: Array, o2: Array, n2: Array) -> tuple[Array, Array]:
    """Conditional test of two Poisson rates: o1 | o1 + o2 ~ Binomial(o1 + o2, n1/(n1+n2)).

    Exact two-sided p = min(1, 2·min(P(X ≤ o1), P(X ≥ o1))) via the regularized
    beta function where the binomial variance is small; the score z-test
    (o1 − O·p0)/√(O·p0·(1−p0)) otherwise.
    """
    total = o1 + o2
    with np.errstate(invalid="ignore", divide="ignore"):
        p0 = n1 / (n1 + n2)
        variance = total * p0 * (1.0 - p0)
        z = (o1 - total * p0) / np.sqrt(variance)
        p = 2.0 * special.ndtr(-np.abs(z))
        direction = o1 / n1 - o2 / n2
    with np.errstate(invalid="ignore"):
        near = (p > EXACT_BAND[0]) & (p < EXACT_BAND[1]) & (variance < EXACT_BAND_VARIANCE)
        exact = (variance < EXACT_BELOW_VARIANCE) | near
    if exact.any():
        a, t, q = o1[exact], total[exact], p0[exact]
        with np.errstate(invalid="ignore", divide="ignore"):
            le = np.where(a < t, special.betainc(np.maximum(t - a, 1e-300), a + 1.0, 1.0 - q), 1.0)
            ge = np.where(a > 0, special.betainc(np.maximum(a, 1e-300), t - a + 1.0, q), 1.0)
        p[exact] = np.minimum(1.0, 2.0 * np.minimum(le, ge))
    return direction, np.where(total > 0, p, 1.0)


def _welch(m1: Array, s1: Array, n1: Array, m2: Array, s2: Array, n2: Array,
           ) -> tuple[Array, Array]:
    """Welch's t statistic of m1 − m2 and its two-sided p-value."""
    with np.errstate(invalid="ignore", divide="ignore"):
        a, b = s1**2 / n1, s2**2 / n2
        t = (m1 - m2) / np.sqrt(a + b)
        df = (a + b) ** 2 / (a**2 / (n1 - 1.0) + b**2 / (n2 - 1.0))
        p = 2.0 * special.stdtr(df, -np.abs(t))
    return t, p


def _rest_of_mean(m1: Array, s1: Array, n1: Array, city_mean: Array, city_sd: Array,
                  city_n: Array) -> tuple[Array, Array, Array]:
    """Mean, SD and n of the city without the area (sum-of-squares decomposition)."""
    n2 = city_n - n1
    with np.errstate(invalid="ignore", divide="ignore"):
        m2 = (city_n * city_mean - n1 * m1) / n2
        ss = ((city_n - 1.0) * city_sd**2 - (n1 - 1.0) * s1**2 - n1 * (m1 - city_mean) ** 2
              - n2 * (m2 - city_mean) ** 2)
        s2 = np.sqrt(np.where(ss >= 0, ss / (n2 - 1.0), np.nan))
    return m2, s2, n2


def compare_to_rest(
    vtype: NDArray[np.integer], polarity: NDArray[np.integer], scale: Array, num: Array,
    den: Array, value: Array, sd: Array, city_num: Array, city_den: Array, city_value: Array,
    city_sd: Array,
) -> tuple[NDArray[np.int8], Array]:
    """Two-sample test of the area against the rest of the city; codes and rest value."""
    n = len(vtype)
    direction, pval, rest = np.zeros(n), np.full(n, np.nan), np.full(n, np.nan)
    x2, n2 = city_num - num, city_den - den
    with np.errstate(invalid="ignore", divide="ignore"):
        counted = ~np.isnan(value) & (den > 0) & (n2 > 0) & (x2 >= 0) & (num >= 0)
    share = is_share(vtype) & counted & (x2 <= n2)
    if share.any():
        direction[share], pval[share] = _two_proportions(num[share], den[share], x2[share],
                                                         n2[share])
        rest[share] = scale[share] * x2[share] / n2[share]
    rate = (vtype == RATE) & counted
    if rate.any():
        direction[rate], pval[rate] = _two_rates(num[rate], den[rate], x2[rate], n2[rate])
        rest[rate] = scale[rate] * x2[rate] / n2[rate]
    mean = (vtype == MEAN) & ~np.isnan(value) & ~np.isnan(sd) & (den >= 2)
    if mean.any():
        m2, s2, nn2 = _rest_of_mean(value[mean], sd[mean], den[mean], city_value[mean],
                                    city_sd[mean], city_den[mean])
        direction[mean], pval[mean] = _welch(value[mean], sd[mean], den[mean], m2, s2, nn2)
        rest[mean] = m2
    valid = ~np.isnan(pval)
    codes = outcome(np.sign(direction), valid & (pval < P95), valid & (pval < P998), polarity,
                    valid)
    return codes, rest
