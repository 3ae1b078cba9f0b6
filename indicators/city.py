"""The benchmark: the city value of each indicator × period × sex × age group ("cell").

Proportions, percentages and rates come from the summed numerators and
denominators of the areas, counts from the summed counts, means from the
denominator-weighted mean (with the pooled SD, so the city mean has a t
interval). Medians and scores have a city value only when the source supplies
a whole-city row. A supplied city row wins; when it differs from the area
aggregate beyond rounding, the difference is reported (``city_discrepancy``).
When areas of several levels are present, the aggregate uses the level with
the most rows in that cell (a partition of the city, not a double count).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from indicators import intervals
from indicators.contract import CITY_SOURCES, STATUSES
from indicators.measures import COUNT, MEAN, MEDIAN, SCORE, Measures, measure
from indicators.prepare import Inputs

Array = NDArray[np.float64]
OK, SUPPRESSED, AT_SOURCE, MISSING, NOT_AGGREGABLE = (STATUSES.index(s) for s in STATUSES)


@dataclass
class CityCells:
    """One whole-city record per cell (arrays indexed by cell id)."""

    m: Measures
    num: Array
    den: Array
    status: NDArray[np.int8]
    source: NDArray[np.int8]
    discrepancy: Array
    present: NDArray[np.bool_]  # the cell has at least one value row
    row: NDArray[np.int64]  # the supplied city row of the cell in the input, -1 when none


def _sum_by(key: NDArray[np.int64], weights: Array | None, size: int) -> Array:
    return np.bincount(key, weights=weights, minlength=size).astype(np.float64)


@dataclass
class _Aggregate:
    num: Array
    den: Array
    mean: Array
    sd: Array


def _aggregate(
    inp: Inputs, m: Measures, cell: NDArray[np.int64], n_cells: int, usable: NDArray[np.bool_],
) -> _Aggregate:
    """Sums per cell over the areas of the level with the most rows in that cell."""
    n_levels = len(inp.level_cats)
    key = cell * n_levels + inp.area_level[inp.area]
    size = n_cells * n_levels
    vt = inp.cat.vtype[inp.ind]
    num, den = inp.num, inp.den
    add = usable & (vt != MEAN) & (num >= 0) & ((den > 0) | (vt == COUNT))
    mean_ok = usable & (vt == MEAN) & ~np.isnan(m.value) & (den > 0)
    rows = _sum_by(key[add | mean_ok], None, size).reshape(n_cells, n_levels)
    best = np.argmax(rows, axis=1)
    pick = np.arange(n_cells)

    def total(mask: NDArray[np.bool_], w: Array) -> Array:
        return _sum_by(key[mask], w[mask], size).reshape(n_cells, n_levels)[pick, best]

    has = rows[pick, best] > 0
    x = np.where(has, total(add, num), np.nan)
    n_add = total(add, np.nan_to_num(den))
    n_mean = total(mean_ok, den)
    sum_nm = total(mean_ok, den * m.value)
    sum_nm2 = total(mean_ok, den * m.value**2)
    within = total(mean_ok, (den - 1.0) * np.nan_to_num(m.sd))
    sd_missing = total(mean_ok, np.isnan(m.sd).astype(np.float64) * 1.0)
    within = np.where(sd_missing > 0, np.nan, within)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = sum_nm / n_mean
        # pooled variance: (Σ(nᵢ−1)sᵢ² + Σnᵢmᵢ² − N·M²) / (N − 1)
        var = (within + sum_nm2 - n_mean * mean**2) / (n_mean - 1.0)
    den_sum = np.where(n_mean > 0, n_mean, n_add)
    den_out = np.where(has & (den_sum > 0), den_sum, np.nan)
    return _Aggregate(x, den_out, mean, np.sqrt(np.where(var >= 0, var, np.nan)))


def city_cells(
    inp: Inputs, m: Measures, status: NDArray[np.int8], cell: NDArray[np.int64], n_cells: int,
    cell_ind: NDArray[np.int64],
) -> CityCells:
    """City records per cell: supplied rows win, else the aggregate of the areas."""
    is_city = inp.area == inp.city
    sd_sq = Measures(m.value, m.lo95, m.hi95, m.lo998, m.hi998, m.var, m.sd**2)
    agg = _aggregate(inp, sd_sq, cell, n_cells, ~is_city)
    vt = inp.cat.vtype[cell_ind]
    scale = inp.cat.scale[cell_ind]
    nan = np.full(n_cells, np.nan)
    lo, hi = intervals.t_mean_ci(agg.mean, agg.sd, agg.den, 0.95)
    is_mean = vt == MEAN
    agg_m = measure(vt, scale, np.where(is_mean, np.nan, agg.num), agg.den,
                    np.where(is_mean, agg.mean, nan), np.where(is_mean, lo, nan),
                    np.where(is_mean, hi, nan))
    not_agg = (vt == MEDIAN) | (vt == SCORE)
    agg_status = _aggregate_status(inp, agg, agg_m, cell_ind, not_agg)
    supplied = np.full(n_cells, -1, dtype=np.int64)
    city_rows = np.flatnonzero(is_city)
    supplied[cell[city_rows]] = city_rows
    sup = np.maximum(supplied, 0)
    use = (supplied >= 0) & (~np.isnan(m.value[sup]) | (status[sup] == SUPPRESSED)
                             | (status[sup] == AT_SOURCE))
    out_m = Measures(*(np.where(use, getattr(m, f)[sup], getattr(agg_m, f))
                       for f in ("value", "lo95", "hi95", "lo998", "hi998", "var", "sd")))
    source = np.where(use, CITY_SOURCES.index("supplied"),
                      np.where(~np.isnan(agg_m.value), CITY_SOURCES.index("aggregate"),
                               CITY_SOURCES.index("none"))).astype(np.int8)
    diff = m.value[sup] - agg_m.value
    tol = 0.5 * 10.0 ** (-inp.cat.decimals[cell_ind].astype(np.float64)) + 1e-9 * np.abs(diff)
    with np.errstate(invalid="ignore"):
        shown = use & (status[sup] == OK) & (np.abs(diff) > tol)
    return CityCells(
        m=out_m,
        num=np.where(use, inp.num[sup], np.where(is_mean, nan, agg.num)),
        den=np.where(use, inp.den[sup], agg.den),
        status=np.where(use, status[sup], agg_status).astype(np.int8),
        source=source, discrepancy=np.where(shown, diff, np.nan),
        present=np.bincount(cell, minlength=n_cells) > 0, row=supplied,
    )


def _aggregate_status(
    inp: Inputs, agg: _Aggregate, m: Measures, cell_ind: NDArray[np.int64],
    not_agg: NDArray[np.bool_],
) -> NDArray[np.int8]:
    vt = inp.cat.vtype[cell_ind]
    st = np.where(np.isnan(m.value), MISSING, OK)
    with np.errstate(invalid="ignore"):
        small = ((vt != MEAN) & (agg.num < inp.cat.min_num[cell_ind])) | (
            agg.den < inp.cat.min_den[cell_ind])
    st = np.where(small & ~not_agg, SUPPRESSED, st)
    return np.where(not_agg, NOT_AGGREGABLE, st).astype(np.int8)
