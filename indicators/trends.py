"""Recent trends (Fingertips) and the trend of the gap to the city, vectorized.

Each row's trend is judged on the 5 periods of its indicator ending at the
row's period (so every row, not only the latest, has one). All 5 points must
be present, unsuppressed and have what the test needs; otherwise
``not_enough_data``.

* Proportions and percentages with numerators and denominators: Fingertips'
  chi-square test for trend in proportions (a logistic score test),
  χ² = N(N·Σxᵢtᵢ − X·Σnᵢtᵢ)² / (X(N − X)(N·Σnᵢtᵢ² − (Σnᵢtᵢ)²)); the direction is
  the sign of the least-squares slope of the log-odds.
* Everything else: weighted least squares of the value on t = 1..5 with
  weights 1/SE², SE = (upper95 − lower95)/(2·1.96); χ² = slope² / var(slope).

Significant when χ² > 9.54953570608324 (the χ² quantile with 1 df at 99.8%)
and the slope keeps its sign when each point in turn is left out (Fingertips'
outlier check; a left-out slope of exactly 0 does not keep it, see
docs/methods.md). The gap trend applies the same
weighted test to area − city (its variance allowing for the area being part
of the city) and calls a significant, stable slope ``narrowing`` when the
fitted gap at the last point is closer to zero than at the first.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from indicators.compare import HIGH_IS_GOOD, LOW_IS_GOOD
from indicators.contract import GAP_TRENDS, TREND_CHI2, TREND_POINTS, TRENDS

Array = NDArray[np.float64]
INCREASING, DECREASING, NO_CHANGE, NOT_ENOUGH = 0, 1, 2, 3
T = np.arange(1.0, TREND_POINTS + 1.0)


def dense(series: NDArray[np.integer], pos: NDArray[np.integer], shape: tuple[int, int],
          values: Array, mask: NDArray[np.bool_]) -> Array:
    """A (series × period position) array of ``values`` where ``mask``, NaN elsewhere."""
    out = np.full(shape[0] * shape[1], np.nan)
    flat = series[mask] * shape[1] + pos[mask]
    out[flat] = values[mask]
    return out.reshape(shape)


def _window_sum(point: Array) -> Array:
    """Sum over each window of 5 consecutive positions: (series × windows)."""
    n_windows = point.shape[1] - TREND_POINTS + 1
    total = point[:, 0:n_windows].copy()
    for k in range(1, TREND_POINTS):
        total += point[:, k:k + n_windows]
    return total


def _slope(s1: Array, s2: Array, s3: Array, s4: Array, s5: Array) -> Array:
    with np.errstate(invalid="ignore", divide="ignore"):
        return (s1 * s2 - s3 * s4) / (s1 * s5 - s3 * s3)


def _at(point: Array, rows: NDArray[np.integer], cols: NDArray[np.integer]) -> Array:
    return point[rows, cols]


def wls(values: Array, weights: Array) -> tuple[NDArray[np.bool_], Array, Array,
                                                  NDArray[np.bool_], Array]:
    """Weighted slope per window: (complete, slope, χ², sign stable, intercept).

    Sums S1 = Σw, S2 = Σwvt, S3 = Σwt, S4 = Σwv, S5 = Σwt² (Fingertips'
    TrendMarkerCalculator); slope = (S1S2 − S3S4)/(S1S5 − S3²), var(slope) =
    S1/(S1S5 − S3²). Time is the period position (slope and χ² do not depend
    on where t starts); the intercept is at position 0. The leave-one-out sign
    check runs only on windows that pass the χ² threshold.
    """
    ok = np.isfinite(values) & np.isfinite(weights) & (weights > 0)
    complete = _window_sum(ok.astype(np.float64)) == TREND_POINTS
    t = np.arange(values.shape[1], dtype=np.float64)
    w = np.where(ok, weights, 0.0)
    wv = w * np.where(ok, values, 0.0)
    del ok
    wt = w * t
    terms = (w, wv * t, wt, wv, wt * t)
    sums = [_window_sum(p) for p in terms]
    slope = _slope(*sums)
    with np.errstate(invalid="ignore", divide="ignore"):
        chi2 = slope**2 * (sums[0] * sums[4] - sums[2] ** 2) / sums[0]
        intercept = (sums[3] - slope * sums[2]) / sums[0]
        candidate = complete & (chi2 > TREND_CHI2)
    stable = np.zeros_like(complete)
    rows, starts = np.nonzero(candidate)
    if rows.size:
        sub = [s[rows, starts] for s in sums]
        sign = np.sign(slope[rows, starts])
        keep = np.ones(rows.size, dtype=bool)
        for k in range(TREND_POINTS):
            out = [a - _at(p, rows, starts + k) for a, p in zip(sub, terms, strict=True)]
            keep &= np.sign(_slope(*out)) == sign
        stable[rows, starts] = keep
    return complete, slope, chi2, stable, intercept


def logistic(x: Array, n: Array) -> tuple[NDArray[np.bool_], Array, Array, NDArray[np.bool_]]:
    """Chi-square test for trend in proportions: (complete, direction, χ², sign stable).

    χ² = N(N·Σxt − X·Σnt)² / (X(N − X)(N·Σnt² − (Σnt)²)) (Fingertips,
    IsSignificantForProportions); direction = least-squares slope of the
    log-odds, the empirical logit log((x + ½)/(n − x + ½)) where x is 0 or n.
    """
    ok = np.isfinite(x) & np.isfinite(n) & (n > 0) & (x >= 0) & (x <= n)
    complete = _window_sum(ok.astype(np.float64)) == TREND_POINTS
    t = np.arange(x.shape[1], dtype=np.float64)
    a, b = np.where(ok, x, 0.0), np.where(ok, n, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        inner = (a > 0) & (a < b)
        logit = np.where(inner, np.log(a / (b - a)), np.log((a + 0.5) / (b - a + 0.5)))
    del inner, ok
    bt = b * t
    big_n, big_x, xt, nt, nt2 = (_window_sum(p) for p in (b, a, a * t, bt, bt * t))
    sum_l, sum_lt = _window_sum(logit), _window_sum(logit * t)
    with np.errstate(invalid="ignore", divide="ignore"):
        chi2 = big_n * (big_n * xt - big_x * nt) ** 2 / (
            big_x * (big_n - big_x) * (big_n * nt2 - nt * nt))
    mid = (np.arange(chi2.shape[1], dtype=np.float64) + (TREND_POINTS - 1) / 2.0)
    direction = sum_lt - mid * sum_l
    stable = np.zeros_like(complete)
    with np.errstate(invalid="ignore"):
        rows, starts = np.nonzero(complete & (chi2 > TREND_CHI2))
    if rows.size:
        sign = np.sign(direction[rows, starts])
        keep = np.ones(rows.size, dtype=bool)
        sl, slt = sum_l[rows, starts], sum_lt[rows, starts]
        for k in range(TREND_POINTS):
            lg = logit[rows, starts + k]
            tk = t[starts + k]
            t_bar = (starts + (TREND_POINTS - 1) / 2.0) * TREND_POINTS / (TREND_POINTS - 1) - tk / (
                TREND_POINTS - 1)
            keep &= np.sign((slt - tk * lg) - t_bar * (sl - lg)) == sign
        stable[rows, starts] = keep
    return complete, direction, chi2, stable


def classify(complete: NDArray[np.bool_], direction: Array, chi2: Array,
             stable: NDArray[np.bool_]) -> NDArray[np.int8]:
    """INCREASING / DECREASING / NO_CHANGE / NOT_ENOUGH per window."""
    with np.errstate(invalid="ignore"):
        significant = (chi2 > TREND_CHI2) & stable & (direction != 0)
    code = np.where(significant, np.where(direction > 0, INCREASING, DECREASING), NO_CHANGE)
    return np.where(complete, code, NOT_ENOUGH).astype(np.int8)


def at_rows(per_window: NDArray[np.int8], series: NDArray[np.integer], pos: NDArray[np.integer],
            fill: int = NOT_ENOUGH) -> NDArray[np.int8]:
    """The window result of each row (the window ending at the row's period)."""
    window = pos - (TREND_POINTS - 1)
    ok = window >= 0
    out = np.full(len(series), fill, dtype=np.int8)
    if per_window.shape[1] > 0:
        out[ok] = per_window[series[ok], window[ok]]
    return out


def trend_names(raw: NDArray[np.int8], polarity: NDArray[np.integer]) -> NDArray[np.int8]:
    """Raw codes to TRENDS codes, with polarity turning up/down into better/worse."""
    up, down = raw == INCREASING, raw == DECREASING
    better = (up & (polarity == HIGH_IS_GOOD)) | (down & (polarity == LOW_IS_GOOD))
    worse = (down & (polarity == HIGH_IS_GOOD)) | (up & (polarity == LOW_IS_GOOD))
    names = np.full(len(raw), TRENDS.index("not_enough_data"), dtype=np.int8)
    names[raw == NO_CHANGE] = TRENDS.index("no_significant_change")
    names[up] = TRENDS.index("increasing")
    names[down] = TRENDS.index("decreasing")
    names[better] = TRENDS.index("getting_better")
    names[worse] = TRENDS.index("getting_worse")
    return names


def gap_classify(gap: Array, var: Array) -> NDArray[np.int8]:
    """GAP_TRENDS codes per window from the gap series and its variance."""
    with np.errstate(divide="ignore"):
        complete, slope, chi2, stable, intercept = wls(gap, 1.0 / var)
    raw = classify(complete, slope, chi2, stable)
    first = np.arange(gap.shape[1] - TREND_POINTS + 1, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        start = np.abs(intercept + slope * first)
        end = np.abs(intercept + slope * (first + TREND_POINTS - 1))
    moving = (raw == INCREASING) | (raw == DECREASING)
    code = np.full(raw.shape, GAP_TRENDS.index("stable"), dtype=np.int8)
    code[moving & (end < start)] = GAP_TRENDS.index("narrowing")
    code[moving & (end > start)] = GAP_TRENDS.index("widening")
    code[raw == NOT_ENOUGH] = GAP_TRENDS.index("not_enough_data")
    return code
