"""Inequality within the city: slope and relative index of inequality (SII, RII).

Per group (e.g. indicator × period × sex) the areas are ranked by a deprivation
measure, most deprived first, and each gets the midpoint of its share of the group's
population on the cumulative scale, x ∈ (0, 1) (tied areas share the midpoint of their
combined span). The value y is regressed on x by least squares weighted by the
population shares aᵢ (Low & Low 2004; PHEindicatormethods ``phe_sii``, which fits
y√a on √a and x√a without intercept, the same fit): SII = slope = fitted value at the
least deprived end (x = 1) − at the most deprived end (x = 0); RII = fitted(1) /
fitted(0).

Intervals are analytic: SII = Σ cᵢyᵢ is linear in the values, so var(SII) = Σ cᵢ²sᵢ²
with sᵢ = (upper95 − lower95)/(2·1.959964) — the distribution PHE's Monte-Carlo
simulation (normal draws of each value) samples, without its simulation error; the
RII is a ratio of two such linear combinations and gets Fieller's interval.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators import intervals
from indicators import trends as tr
from indicators.banded import as_categorical, group_codes, missing_columns
from indicators.contract import GAP_TRENDS, METHOD_STATUSES
from indicators.errors import IndicatorError, InputProblem

Array = NDArray[np.float64]
OK, FEW_AREAS, MISSING = (METHOD_STATUSES.index(s) for s in ("ok", "too_few_areas", "missing"))
MIN_AREAS = 5
Z95 = intervals.z_value(0.95)
CONFIDENCES = ((0.95, "ci95"), (0.998, "ci998"))


def relative_ranks(group: NDArray[np.int64], n_groups: int, deprivation: Array,
                   population: Array) -> Array:
    """Cumulative-population midpoint x of every row within its group, most deprived
    (highest ``deprivation``) first; tied rows share the midpoint of their joint span."""
    order = np.lexsort((-deprivation, group))
    g, dep, pop = group[order], deprivation[order], population[order]
    new_block = np.ones(len(order), dtype=bool)
    new_block[1:] = (g[1:] != g[:-1]) | (dep[1:] != dep[:-1])
    block = np.cumsum(new_block) - 1
    block_pop = np.bincount(block, weights=pop)
    cum = np.cumsum(block_pop)
    first_block_of_group = np.zeros(n_groups, dtype=np.int64)
    first_block_of_group[g[new_block][::-1]] = block[new_block][::-1]
    before_group = np.where(first_block_of_group > 0, cum[first_block_of_group - 1], 0.0)
    total = np.bincount(g, weights=pop, minlength=n_groups)
    block_group = g[new_block]
    mid = (cum - block_pop / 2.0 - before_group[block_group]) / total[block_group]
    out = np.empty(len(order))
    out[order] = mid[block]
    return out


def fieller(num: Array, den: Array, v_num: Array, v_den: Array, cov: Array, z: float,
            ) -> tuple[Array, Array]:
    """Fieller's interval for num/den of two jointly normal estimates: the ρ with
    (num − ρ·den)² ≤ z²(v_num − 2ρ·cov + ρ²·v_den); NaN when it is unbounded
    (den not significantly different from 0)."""
    a = den**2 - z**2 * v_den
    b = num * den - z**2 * cov
    c = num**2 - z**2 * v_num
    with np.errstate(invalid="ignore", divide="ignore"):
        root = np.sqrt(b**2 - a * c)
        bounded = a > 0
        lower = np.where(bounded, (b - root) / a, np.nan)
        upper = np.where(bounded, (b + root) / a, np.nan)
    return lower, upper


def _fit(group: NDArray[np.int64], n_groups: int, x: Array, y: Array, share: Array,
         var: Array) -> dict[str, Array]:
    """Weighted least squares of y on x with weights share (summing to 1 per group)."""
    def total(w: Array) -> Array:
        return np.bincount(group, weights=w, minlength=n_groups).astype(np.float64)

    x_bar = total(share * x)
    dx = x - x_bar[group]
    with np.errstate(invalid="ignore", divide="ignore"):
        sxx = total(share * dx**2)
        c = share * dx / sxx[group]  # slope = Σ cᵢyᵢ
    g0 = share - x_bar[group] * c  # fitted(0) = Σ g0ᵢyᵢ
    g1 = g0 + c  # fitted(1) = Σ g1ᵢyᵢ
    return {"sii": total(c * y), "y0": total(g0 * y), "y1": total(g1 * y),
            "v_sii": total(c**2 * var), "v0": total(g0**2 * var), "v1": total(g1**2 * var),
            "cov": total(g0 * g1 * var), "sxx": sxx}


def slope_index_of_inequality(
    data: pd.DataFrame, *, by: Sequence[str] = ("indicator_id", "period", "sex"),
    deprivation: str = "deprivation", value: str = "value", lower: str = "lower_ci95",
    upper: str = "upper_ci95", population: str = "denominator",
    higher_is_more_deprived: bool = True, min_areas: int = MIN_AREAS,
) -> pd.DataFrame:
    """SII and RII per group of ``by`` across the rows (areas) of each group.

    ``data``: one row per area and group with its ``value``, 95% limits, ``population``
    (the weight) and ``deprivation`` measure (an index, or e.g. the share on low
    income; ``higher_is_more_deprived=False`` when low values are the deprived ones).
    Rows without a value, limits, a positive population or a deprivation value are left
    out; groups with fewer than ``min_areas`` usable areas are ``too_few_areas``.

    Returns the ``by`` columns, ``sii``, ``sii_lower_ci95``, ``sii_upper_ci95``,
    ``sii_lower_ci998``, ``sii_upper_ci998``, ``rii`` and its four limits, the fitted
    values at the most and least deprived ends (``fitted_most_deprived``, x = 0;
    ``fitted_least_deprived``, x = 1), ``areas``,
    ``population`` and ``status`` (``ok``, ``too_few_areas``, ``missing``).
    """
    problems = missing_columns(data, "data", [*by, deprivation, value, lower, upper,
                                              population])
    if problems:
        raise IndicatorError(problems)
    num = {c: pd.to_numeric(data[c], errors="coerce").to_numpy(dtype=np.float64)
           for c in (deprivation, value, lower, upper, population)}
    group_all, n_groups, first = group_codes(data, by)
    with np.errstate(invalid="ignore"):
        use = (np.isfinite(num[value]) & np.isfinite(num[deprivation]) & (num[population] > 0)
               & (num[upper] >= num[lower]))
    group = group_all[use]
    dep = num[deprivation][use] * (1.0 if higher_is_more_deprived else -1.0)
    pop = num[population][use]
    x = relative_ranks(group, n_groups, dep, pop)
    total_pop = np.bincount(group, weights=pop, minlength=n_groups)
    share = pop / total_pop[group]
    se = (num[upper][use] - num[lower][use]) / (2.0 * Z95)
    fit = _fit(group, n_groups, x, num[value][use], share, se**2)
    areas = np.bincount(group, minlength=n_groups)
    status = np.where(areas < min_areas, FEW_AREAS, np.where(fit["sxx"] > 0, OK, MISSING))
    status = np.where(areas == 0, MISSING, status)
    frame = data[list(by)].iloc[first].reset_index(drop=True)
    ok = status == OK
    with np.errstate(invalid="ignore", divide="ignore"):
        rii = fit["y1"] / fit["y0"]
    frame["sii"] = np.where(ok, fit["sii"], np.nan)
    for conf, suffix in CONFIDENCES:
        half = intervals.z_value(conf) * np.sqrt(fit["v_sii"])
        frame[f"sii_lower_{suffix}"] = np.where(ok, fit["sii"] - half, np.nan)
        frame[f"sii_upper_{suffix}"] = np.where(ok, fit["sii"] + half, np.nan)
    frame["rii"] = np.where(ok, rii, np.nan)
    for conf, suffix in CONFIDENCES:
        lo, hi = fieller(fit["y1"], fit["y0"], fit["v1"], fit["v0"], fit["cov"],
                         intervals.z_value(conf))
        frame[f"rii_lower_{suffix}"] = np.where(ok, lo, np.nan)
        frame[f"rii_upper_{suffix}"] = np.where(ok, hi, np.nan)
    frame["fitted_most_deprived"] = np.where(ok, fit["y0"], np.nan)
    frame["fitted_least_deprived"] = np.where(ok, fit["y1"], np.nan)
    frame["areas"] = areas
    frame["population"] = total_pop
    frame["status"] = as_categorical(status, METHOD_STATUSES)
    return frame


def inequality_trend(sii: pd.DataFrame, *, by: Sequence[str] = ("indicator_id", "sex"),
                     period: str = "period", column: str = "sii") -> pd.Series:
    """Is the gap closing? The trend of ``column`` over the 5 periods ending at each row's
    period, per series of ``by``: ``narrowing``, ``widening``, ``stable`` or
    ``not_enough_data`` (GAP_TRENDS), by the gap-trend test of the comparison table
    (weighted regression, χ² > 9.54953570608324, leave-one-out sign check; weights from
    the 95% limits ``{column}_lower_ci95`` / ``{column}_upper_ci95``). Periods are
    ordered as text and treated as equally spaced; a missing period breaks the window.
    """
    lo, hi = f"{column}_lower_ci95", f"{column}_upper_ci95"
    problems = missing_columns(sii, "sii", [*by, period, column, lo, hi])
    if problems:
        raise IndicatorError(problems)
    series, n_series, _ = group_codes(sii, by) if by else (
        np.zeros(len(sii), dtype=np.int64), 1, None)
    labels = sii[period].astype(str).to_numpy()
    periods = np.unique(labels)
    pos = np.searchsorted(periods, labels)
    key = series * len(periods) + pos
    if len(np.unique(key)) < len(key):
        raise IndicatorError([InputProblem("sii", "two rows for the same series and period",
                                           f"keep one row per {', '.join([*by, period])}",
                                           column=period)])
    gap = np.full((n_series, len(periods)), np.nan)
    var = np.full((n_series, len(periods)), np.nan)
    gap[series, pos] = pd.to_numeric(sii[column], errors="coerce").to_numpy(dtype=np.float64)
    width = (pd.to_numeric(sii[hi], errors="coerce") - pd.to_numeric(sii[lo], errors="coerce"))
    var[series, pos] = (width.to_numpy(dtype=np.float64) / (2.0 * Z95)) ** 2
    none = GAP_TRENDS.index("not_enough_data")
    per_window = (tr.gap_classify(gap, var) if len(periods) >= tr.TREND_POINTS
                  else np.empty((n_series, 0), dtype=np.int8))
    codes = tr.at_rows(per_window, series, pos, fill=none)
    return pd.Series(as_categorical(codes, GAP_TRENDS), index=sii.index, name=f"{column}_trend")
