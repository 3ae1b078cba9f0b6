"""Funnel-plot control limits around the city value, by denominator.

* Proportions and percentages, ``method="wilson"`` (default): θ₀ ± z·√(θ₀(1 − θ₀)/n),
  clamped to 0..1 — the values whose Wilson interval just reaches the city value θ₀,
  so an area lies outside the limits exactly when the city value is outside its Wilson
  interval (the comparison of the table). This is Fingertips' funnel for proportions
  (PHEindicatormethods ``phe_funnels``, whose ``sigma_adjustment`` solves the same
  quadratic).
* Proportions, ``method="exact"``, and rates (always): the exact binomial / Poisson
  limits with Spiegelhalter's interpolation (Spiegelhalter 2005, appendix A.1.1): for
  the tail probability P, r = the smallest count with F(r) ≥ P under Binomial(n, θ₀) /
  Poisson(n·θ₀), α = (F(r) − P)/(F(r) − F(r − 1)), limit = (r − α)/n, at least 0. A
  binomial needs a whole n: denominators are rounded.

P = 0.025 / 0.975 for the 95% limits and 0.001 / 0.999 for the 99.8% ones. An
indirectly standardised ratio uses the rate funnel with n = expected events, city
value 100 and multiplier 100.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import special, stats

from indicators import intervals
from indicators.errors import IndicatorError, InputProblem

Array = NDArray[np.float64]
FUNNEL_TYPES = ("proportion", "percentage", "rate")
LEVELS = ((0.95, "95"), (0.998, "998"))


def _interpolated(tail: float, n: Array, counts_below: Array, cdf_at: Array, cdf_before: Array,
                  ) -> Array:
    """(r − α)/n with α = (F(r) − P)/(F(r) − F(r − 1)); r = counts_below."""
    with np.errstate(invalid="ignore", divide="ignore"):
        step = cdf_at - cdf_before
        alpha = np.where(step > 0, (cdf_at - tail) / step, 0.0)
        return np.maximum((counts_below - alpha) / n, 0.0)


def binomial_limit(theta: float, n: Array, tail: float) -> Array:
    """Spiegelhalter's interpolated exact binomial limit (proportion scale)."""
    whole = np.round(n)
    r = stats.binom.ppf(tail, whole, theta)
    at = stats.binom.cdf(r, whole, theta)
    before = np.where(r > 0, stats.binom.cdf(r - 1.0, whole, theta), 0.0)
    return np.minimum(_interpolated(tail, whole, r, at, before), 1.0)


def poisson_limit(rate: float, n: Array, tail: float) -> Array:
    """Spiegelhalter's interpolated exact Poisson limit (events per unit of n)."""
    mean = n * rate
    r = stats.poisson.ppf(tail, mean)
    at = special.pdtr(r, mean)
    before = np.where(r > 0, special.pdtr(r - 1.0, mean), 0.0)
    return _interpolated(tail, n, r, at, before)


def funnel_limits(city_value: float, denominators: ArrayLike, *, value_type: str = "proportion",
                  multiplier: float = 1.0, method: str | None = None) -> pd.DataFrame:
    """Control limits at 95% and 99.8% around ``city_value`` for each denominator.

    ``city_value`` is on the value's scale: a proportion × ``multiplier`` (default 1),
    a percentage (0..100), a rate per ``multiplier``. ``method``: ``wilson`` (default)
    or ``exact`` for proportions and percentages; rates are always ``exact``.

    Returns ``denominator``, ``city_value``, ``lower_95``, ``upper_95``, ``lower_998``,
    ``upper_998`` on the value's scale (NaN where the denominator is not positive).
    """
    problems = []
    if value_type not in FUNNEL_TYPES:
        problems.append(InputProblem("arguments", "no funnel for this value type",
                                     f"use one of {', '.join(FUNNEL_TYPES)}", value=value_type))
    chosen = method or ("exact" if value_type == "rate" else "wilson")
    if chosen not in ("wilson", "exact") or (value_type == "rate" and chosen != "exact"):
        problems.append(InputProblem("arguments", "unknown funnel method for this value type",
                                     "use wilson or exact for proportions, exact for rates",
                                     value=method))
    scale = 100.0 if value_type == "percentage" else float(multiplier)
    theta = float(city_value) / scale if scale > 0 else np.nan
    share = value_type in ("proportion", "percentage")
    if not (theta >= 0 and (not share or theta <= 1)):
        problems.append(InputProblem("arguments", "city value outside the value's domain",
                                     "give the city value on the value's scale",
                                     value=city_value))
    if problems:
        raise IndicatorError(problems)
    n = np.asarray(denominators, dtype=np.float64)
    frame = pd.DataFrame({"denominator": n, "city_value": float(city_value)})
    positive = n > 0
    safe = np.where(positive, n, 1.0)
    for confidence, suffix in LEVELS:
        low_tail, high_tail = (1.0 - confidence) / 2.0, (1.0 + confidence) / 2.0
        if chosen == "wilson":
            half = intervals.z_value(confidence) * np.sqrt(theta * (1.0 - theta) / safe)
            lower, upper = np.maximum(theta - half, 0.0), np.minimum(theta + half, 1.0)
        elif share:
            lower = binomial_limit(theta, safe, low_tail)
            upper = binomial_limit(theta, safe, high_tail)
        else:
            lower = poisson_limit(theta, safe, low_tail)
            upper = poisson_limit(theta, safe, high_tail)
        frame[f"lower_{suffix}"] = np.where(positive, lower * scale, np.nan)
        frame[f"upper_{suffix}"] = np.where(positive, upper * scale, np.nan)
    return frame
