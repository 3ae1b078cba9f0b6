"""Value and 95% / 99.8% confidence limits of each row, by value type.

value = scale · numerator / denominator for proportions (scale = multiplier,
default 1, so 0..1), percentages (scale 100) and rates (scale = multiplier);
value = numerator for counts; a mean is the source value (else numerator /
denominator); medians and scores are the source value. Source-given 95%
limits win when they enclose the value. The 99.8% limits are then computed
from the counts by the indicator's own method where the row has them
(widened, if need be, to enclose the 95% ones); only without counts are the
95% limits stretched side by side by the quantile ratio (t with n − 1 df for
means, normal otherwise), which is exact for the t and normal intervals, and
a stretched limit outside the value's domain (below 0; above 1 × multiplier
for proportions, 100 for percentages) is clamped to it and flagged
(``ci998`` = CLAMPED). A mean without source limits but with a source SD and
n = denominator >= 2 gets Student's t limits (phe_mean). The SD of a mean is
the source SD when given, else the one recovered from its 95% limits.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from indicators import intervals
from indicators.contract import CI998_SOURCES, STANDARDISED_TYPES, VALUE_TYPES

Array = NDArray[np.float64]
Z95 = intervals.z_value(0.95)
Z998 = intervals.z_value(0.998)

PROPORTION = VALUE_TYPES.index("proportion")
PERCENTAGE = VALUE_TYPES.index("percentage")
RATE = VALUE_TYPES.index("rate")
MEAN = VALUE_TYPES.index("mean")
MEDIAN = VALUE_TYPES.index("median")
COUNT = VALUE_TYPES.index("count")
SCORE = VALUE_TYPES.index("score")
STANDARDISED = np.array([VALUE_TYPES.index(t) for t in STANDARDISED_TYPES], dtype=np.int8)
COMPUTED, STRETCHED, CLAMPED, NO_CI998 = (np.int8(CI998_SOURCES.index(s)) for s in CI998_SOURCES)


@dataclass
class Measures:
    """Per-row value, limits and spreads (NaN where not computable)."""

    value: Array
    lo95: Array
    hi95: Array
    lo998: Array
    hi998: Array
    var: Array  # variance of the value implied by the 95% limits: ((hi − lo) / 3.92)²
    sd: Array  # means only: SD of the individual measurements (se·√n)
    ci998: NDArray[np.int8]  # where the 99.8% limits come from: a code of CI998_SOURCES


MEASURES = tuple(f.name for f in fields(Measures))
"""The field names of :class:`Measures`, in order."""
FLOAT_MEASURES = MEASURES[:-1]
"""The float fields (every field but ``ci998``)."""


def is_share(vtype: NDArray[np.integer]) -> NDArray[np.bool_]:
    """Proportions and percentages (Wilson limits, logistic trend test)."""
    return (vtype == PROPORTION) | (vtype == PERCENTAGE)


def _computed_value(vtype: NDArray[np.integer], scale: Array, num: Array, den: Array) -> Array:
    has_nd = (num >= 0) & (den > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(has_nd, num / den, np.nan)
    value = np.where(is_share(vtype) | (vtype == RATE), scale * ratio, np.nan)
    value = np.where(vtype == COUNT, np.where(num >= 0, num, np.nan), value)
    return np.where(vtype == MEAN, ratio, value)


def _computed_limits(
    vtype: NDArray[np.integer], scale: Array, num: Array, den: Array, confidence: float,
) -> tuple[Array, Array]:
    lower = np.full(len(vtype), np.nan)
    upper = np.full(len(vtype), np.nan)
    share = is_share(vtype)
    if share.any():
        lo, hi = intervals.proportion_ci(num[share], den[share], scale[share], confidence)
        lower[share], upper[share] = lo, hi
    rate = vtype == RATE
    if rate.any():
        lo, hi = intervals.rate_ci(num[rate], den[rate], scale[rate], confidence)
        lower[rate], upper[rate] = lo, hi
    count = vtype == COUNT
    if count.any():
        lo, hi = intervals.poisson_ci(num[count], confidence)
        lower[count], upper[count] = lo, hi
    return lower, upper


def _t_limits(
    value: Array, sd: Array, den: Array, use: NDArray[np.bool_], limits: list[Array]
) -> None:
    """Fill ``limits`` (lo95, hi95, lo998, hi998) with t limits where ``use``."""
    if not use.any():
        return
    for i, confidence in ((0, 0.95), (2, 0.998)):
        lo, hi = intervals.t_mean_ci(value[use], sd[use], den[use], confidence)
        limits[i][use], limits[i + 1][use] = lo, hi


def _domain(vtype: NDArray[np.integer], scale: Array) -> tuple[Array, Array]:
    """Smallest and largest possible value of each row (±inf where the type has no bound)."""
    floor = np.where(is_share(vtype) | (vtype == RATE) | (vtype == COUNT), 0.0, -np.inf)
    return floor, np.where(is_share(vtype), scale, np.inf)


def _limits_998(
    vtype: NDArray[np.integer], scale: Array, value: Array, given: NDArray[np.bool_],
    limits: tuple[Array, Array, Array, Array], stretch: Array,
) -> tuple[Array, Array, NDArray[np.int8]]:
    """99.8% limits and their source code, for rows whose 95% limits are given or computed.

    ``limits`` = (lo95, hi95, computed lo998, computed hi998). Given 95% limits with
    counts: the computed 99.8% ones, widened to enclose the 95% ones; without counts:
    the 95% ones stretched, clamped to the value's domain.
    """
    lo95, hi95, c_lo, c_hi = limits
    counted = given & ~np.isnan(c_lo) & ~np.isnan(c_hi)
    stretched = given & ~counted
    floor, ceiling = _domain(vtype, scale)
    s_lo = value - (value - lo95) * stretch
    s_hi = value + (hi95 - value) * stretch
    with np.errstate(invalid="ignore"):
        clamped = stretched & ((s_lo < floor) | (s_hi > ceiling))
    lo998 = np.where(counted, np.fmin(c_lo, lo95), np.where(stretched, np.fmax(s_lo, floor), c_lo))
    hi998 = np.where(counted, np.fmax(c_hi, hi95), np.where(stretched, np.fmin(s_hi, ceiling),
                                                            c_hi))
    code = np.where(clamped, CLAMPED, np.where(stretched, STRETCHED, COMPUTED))
    return lo998, hi998, code.astype(np.int8)


def measure(
    vtype: NDArray[np.integer], scale: Array, num: Array, den: Array,
    src_value: Array, src_lo: Array, src_hi: Array, src_sd: Array | None = None,
    src_998: tuple[Array, Array] | None = None,
) -> Measures:
    """Value and limits of every row (see the module docstring for the rules).

    ``src_998``: 99.8% limits computed upstream by the row's method (the standardised
    types: indicators.standardise); they are used as they are where they enclose the
    95% limits (``ci998`` = COMPUTED).
    """
    computed = _computed_value(vtype, scale, num, den)
    standardised = np.isin(vtype, STANDARDISED)
    source_first = (vtype == MEAN) | (vtype == MEDIAN) | (vtype == SCORE) | standardised
    value = np.where(source_first & ~np.isnan(src_value), src_value, computed)
    value = np.where(np.isnan(value), src_value, value)
    tol = 1e-9 * np.abs(value)
    with np.errstate(invalid="ignore"):
        given = (src_lo <= value + tol) & (value - tol <= src_hi)
    lo95, hi95 = _computed_limits(vtype, scale, num, den, 0.95)
    c_lo998, c_hi998 = _computed_limits(vtype, scale, num, den, 0.998)
    q95 = np.full(len(vtype), Z95)
    q998 = np.full(len(vtype), Z998)
    t_ok = (vtype == MEAN) & (den >= 2)
    if t_ok.any():
        q95[t_ok] = intervals.t_quantile(0.95, den[t_ok] - 1.0)
        q998[t_ok] = intervals.t_quantile(0.998, den[t_ok] - 1.0)
    lo95 = np.where(given, np.minimum(src_lo, value), lo95)
    hi95 = np.where(given, np.maximum(src_hi, value), hi95)
    lo998, hi998, ci998 = _limits_998(vtype, scale, value, given,
                                      (lo95, hi95, c_lo998, c_hi998), q998 / q95)
    if src_998 is not None and standardised.any():
        s_lo, s_hi = src_998
        with np.errstate(invalid="ignore"):
            method = standardised & given & (s_lo <= lo95) & (hi95 <= s_hi)
        lo998, hi998 = np.where(method, s_lo, lo998), np.where(method, s_hi, hi998)
        ci998 = np.where(method, COMPUTED, ci998).astype(np.int8)
    sd_in = np.full(len(vtype), np.nan) if src_sd is None else src_sd
    with np.errstate(invalid="ignore"):
        has_sd = (vtype == MEAN) & (sd_in >= 0)
    if has_sd.any():
        _t_limits(value, sd_in, den, has_sd & t_ok & ~given, [lo95, hi95, lo998, hi998])
    none = np.isnan(value)
    for arr in (lo95, hi95, lo998, hi998):
        arr[none] = np.nan
    ci998[np.isnan(lo998) | np.isnan(hi998)] = NO_CI998
    var = ((hi95 - lo95) / (2.0 * Z95)) ** 2
    with np.errstate(invalid="ignore"):
        sd = np.where(vtype == MEAN, (hi95 - lo95) / (2.0 * q95) * np.sqrt(den), np.nan)
    if has_sd.any():
        sd = np.where(has_sd & ~none, sd_in, sd)
    return Measures(value, lo95, hi95, lo998, hi998, var, sd, ci998)
