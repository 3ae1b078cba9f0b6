"""Confidence intervals, vectorized: Wilson, Byar, exact Poisson, Student's t.

Definitions follow PHEindicatormethods (R package of UK public health
statistics; R/utils.R ``wilson_lower``/``wilson_upper``/``byars_lower``/
``byars_upper``, R/Rates.R ``phe_rate``, R/Means.R ``phe_mean``) and the
Fingertips technical guidance. Every function takes array-likes and returns
float64 arrays; entries whose inputs are invalid (negative, missing, zero
sample) come back as NaN instead of raising, so that one bad row never stops
a table of millions.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

Array = NDArray[np.float64]

EXACT_BELOW = 10.0
T_TABLE_SIZE = 100_000
"""Counts below this use the exact (chi-square) Poisson limits, as in phe_rate."""


def _confidence(confidence: float) -> float:
    """0.95 or 95 -> 0.95 (PHEindicatormethods accepts both forms)."""
    level = confidence / 100.0 if confidence > 1 else confidence
    if not 0.5 <= level < 1:
        raise ValueError(
            f"confidence must be between 0.5 and 1 (or 50 and 100), got {confidence!r}. "
            "Fix: pass e.g. 0.95 or 0.998."
        )
    return level


def z_value(confidence: float) -> float:
    """Two-sided standard normal quantile: qnorm(confidence + (1 - confidence) / 2)."""
    level = _confidence(confidence)
    return float(special.ndtri(level + (1.0 - level) / 2.0))


def _f(a: ArrayLike) -> Array:
    return np.asarray(a, dtype=np.float64)


def wilson_ci(x: ArrayLike, n: ArrayLike, confidence: float = 0.95) -> tuple[Array, Array]:
    """Wilson score interval for a proportion x/n, on the 0..1 scale.

    (2x + z² ∓ z·sqrt(z² + 4x(1 − x/n))) / (2(n + z²)), Wilson (1927);
    Newcombe (1998) method 3. NaN where n <= 0, x < 0 or x > n.
    """
    xs, ns = _f(x), _f(n)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        root = z * np.sqrt(z * z + 4.0 * xs * (1.0 - xs / ns))
        denom = 2.0 * (ns + z * z)
        lower = (2.0 * xs + z * z - root) / denom
        upper = (2.0 * xs + z * z + root) / denom
    bad = ~((ns > 0) & (xs >= 0) & (xs <= ns))
    lower[bad] = np.nan
    upper[bad] = np.nan
    return lower, upper


def byar_ci(x: ArrayLike, confidence: float = 0.95) -> tuple[Array, Array]:
    """Byar's approximation to the Poisson limits of an observed count x.

    lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³
    (Breslow & Day 1987). A negative lower limit (tiny x) is returned as NaN, as
    byars_lower does.
    """
    xs = _f(x)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        lower = xs * (1.0 - 1.0 / (9.0 * xs) - z / (3.0 * np.sqrt(xs))) ** 3
        x1 = xs + 1.0
        upper = x1 * (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * np.sqrt(x1))) ** 3
    lower[~(xs > 0) | (lower < 0)] = np.nan
    upper[~(xs >= 0)] = np.nan
    return lower, upper


def exact_poisson_ci(x: ArrayLike, confidence: float = 0.95) -> tuple[Array, Array]:
    """Exact Poisson limits of an observed count x via the chi-square link.

    lower = qchisq(α/2, 2x)/2 (0 when x = 0), upper = qchisq(1 − α/2, 2x + 2)/2
    (Armitage & Berry 2002); computed as the inverse regularized gamma function.
    """
    xs = _f(x)
    alpha = 1.0 - _confidence(confidence)
    with np.errstate(invalid="ignore"):
        lower = np.where(xs > 0, special.gammaincinv(np.maximum(xs, 1e-300), alpha / 2.0), 0.0)
        upper = special.gammaincinv(xs + 1.0, 1.0 - alpha / 2.0)
    bad = ~(xs >= 0)
    lower[bad] = np.nan
    upper[bad] = np.nan
    return lower, upper


def poisson_ci(x: ArrayLike, confidence: float = 0.95) -> tuple[Array, Array]:
    """Limits of a count as phe_rate computes them: exact below 10 events, Byar from 10."""
    xs = _f(x)
    small = xs < EXACT_BELOW
    lower, upper = byar_ci(np.where(small, 10.0, xs), confidence)
    if small.any():
        el, eu = exact_poisson_ci(xs[small], confidence)
        lower[small] = el
        upper[small] = eu
    bad = ~(xs >= 0)
    lower[bad] = np.nan
    upper[bad] = np.nan
    return lower, upper


def rate_ci(
    x: ArrayLike, n: ArrayLike, multiplier: ArrayLike = 100000.0, confidence: float = 0.95
) -> tuple[Array, Array]:
    """Limits of a crude rate multiplier·x/n (phe_rate): Poisson limits of x over n."""
    lower, upper = poisson_ci(x, confidence)
    ns, mult = _f(n), _f(multiplier)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(ns > 0, mult / ns, np.nan)
    return lower * scale, upper * scale


@lru_cache(maxsize=8)
def _t_table(level: float) -> Array:
    """|qt| for integer df 0..T_TABLE_SIZE (df 0 → NaN), computed once per level."""
    df = np.arange(T_TABLE_SIZE + 1, dtype=np.float64)
    table = special.stdtrit(np.where(df >= 1, df, np.nan), level + (1.0 - level) / 2.0)
    return np.asarray(table, dtype=np.float64)


def t_quantile(confidence: float, df: ArrayLike) -> Array:
    """|qt((1 − confidence)/2, df)|; NaN where df < 1. Integer df come from a table."""
    level = _confidence(confidence)
    d = _f(df)
    whole = (d >= 1) & (d <= T_TABLE_SIZE) & (d == np.floor(d))
    out = _t_table(level)[np.where(whole, d, 0).astype(np.int64)]
    other = ~whole & (d >= 1)
    if other.any():
        out[other] = special.stdtrit(d[other], level + (1.0 - level) / 2.0)
    return out


def t_mean_ci(
    mean: ArrayLike, sd: ArrayLike, n: ArrayLike, confidence: float = 0.95
) -> tuple[Array, Array]:
    """Student's t interval of a mean: mean ∓ |qt(α/2, n − 1)|·sd/√n (phe_mean)."""
    m, s, ns = _f(mean), _f(sd), _f(n)
    with np.errstate(invalid="ignore", divide="ignore"):
        half = t_quantile(confidence, ns - 1.0) * s / np.sqrt(ns)
    half[~(s >= 0)] = np.nan
    return m - half, m + half


def proportion_ci(
    x: ArrayLike, n: ArrayLike, multiplier: ArrayLike = 1.0, confidence: float = 0.95
) -> tuple[Array, Array]:
    """Wilson limits scaled like the value: multiplier·(x/n) (phe_proportion)."""
    lower, upper = wilson_ci(x, n, confidence)
    mult = _f(multiplier)
    return lower * mult, upper * mult
