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

from indicators.cells import Cells
from indicators.contract import CITY_SOURCES, STATUSES
from indicators.measures import (
    COUNT,
    MEAN,
    MEASURES,
    MEDIAN,
    SCORE,
    STANDARDISED,
    Measures,
    measure,
)
from indicators.prepare import Inputs

Array = NDArray[np.float64]
OK, SUPPRESSED, AT_SOURCE, MISSING, NOT_AGGREGABLE = (STATUSES.index(s) for s in STATUSES[:5])


@dataclass
class CityCells:
    """One whole-city record per cell (arrays indexed by cell id)."""

    m: Measures
    num: Array
    den: Array
    status: NDArray[np.int8]
    source: NDArray[np.int8]
    discrepancy: Array


@dataclass
class _Aggregate:
    num: Array
    den: Array
    mean: Array
    sd: Array


SUMS = ("rows", "x", "n_add", "den_rows", "n_mean", "nm", "nm2", "within", "sd_missing")


def _block_sums(inp: Inputs, m: Measures, cell: NDArray[np.integer], sl: slice, size: int,
                ) -> dict[str, Array]:
    """The per (cell, level) sums of one block of input rows."""
    n_levels = len(inp.level_cats)
    area = inp.area[sl]
    key = cell[sl].astype(np.int64) * n_levels + inp.area_level[area]
    vt = inp.cat.vtype[inp.ind[sl]]
    num, den, value, sd = inp.num[sl], inp.den[sl], m.value[sl], m.sd[sl]
    usable = area != inp.city
    with np.errstate(invalid="ignore"):
        add = usable & (vt != MEAN) & (num >= 0) & ((den >= 0) | (vt == COUNT))
        mean = usable & (vt == MEAN) & ~np.isnan(value) & (den > 0)

    def total(mask: NDArray[np.bool_], w: Array | None) -> Array:
        return np.bincount(key[mask], weights=None if w is None else w[mask],
                           minlength=size).astype(np.float64)

    return {
        "rows": total(add | mean, None), "x": total(add, num),
        "n_add": total(add, np.nan_to_num(den)), "den_rows": total(add & (den >= 0), None),
        "n_mean": total(mean, den),
        "nm": total(mean, den * value), "nm2": total(mean, den * value**2),
        "within": total(mean, (den - 1.0) * np.nan_to_num(sd) ** 2),
        "sd_missing": total(mean, np.isnan(sd).astype(np.float64)),
    }


def _aggregate(inp: Inputs, m: Measures, cell: NDArray[np.integer], n_cells: int) -> _Aggregate:
    """Sums per cell over the areas of the level with the most rows in that cell."""
    n_levels = len(inp.level_cats)
    size = n_cells * n_levels
    # One pass over all rows: each cell's sum adds its rows in input order, so it does not
    # depend on how the rows were split into blocks, on which thread finished first, or on
    # which other indicators share the table (compute.distributed_table's parts give the
    # same bits as the whole table).
    acc = _block_sums(inp, m, cell, slice(0, len(inp.ind)), size)
    grid = {k: v.reshape(n_cells, n_levels) for k, v in acc.items()}
    best = np.argmax(grid["rows"], axis=1)
    pick = np.arange(n_cells)
    got = {k: v[pick, best] for k, v in grid.items()}
    has = got["rows"] > 0
    n_mean = got["n_mean"]
    within = np.where(got["sd_missing"] > 0, np.nan, got["within"])
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = got["nm"] / n_mean
        # pooled variance: (Σ(nᵢ−1)sᵢ² + Σnᵢmᵢ² − N·M²) / (N − 1)
        var = (within + got["nm2"] - n_mean * mean**2) / (n_mean - 1.0)
    den_sum = np.where(n_mean > 0, n_mean, got["n_add"])
    has_den = (n_mean > 0) | (got["den_rows"] > 0)
    return _Aggregate(np.where(has, got["x"], np.nan),
                      np.where(has & has_den, den_sum, np.nan), mean,
                      np.sqrt(np.where(var >= 0, var, np.nan)))


def city_cells(inp: Inputs, m: Measures, status: NDArray[np.int8], cells: Cells) -> CityCells:
    """City records per cell: supplied rows win, else the aggregate of the areas."""
    n_cells = cells.n
    agg = _aggregate(inp, m, cells.id, n_cells)
    vt = inp.cat.vtype[cells.ind]
    is_mean = vt == MEAN
    nan = np.full(n_cells, np.nan)
    agg_m = measure(vt, inp.cat.scale[cells.ind], np.where(is_mean, np.nan, agg.num), agg.den,
                    np.where(is_mean, agg.mean, nan), nan, nan, np.where(is_mean, agg.sd, nan))
    not_agg = (vt == MEDIAN) | (vt == SCORE) | np.isin(vt, STANDARDISED)
    agg_status = _aggregate_status(inp, agg, agg_m, cells.ind, not_agg)
    supplied = cells.supplied
    sup = np.maximum(supplied, 0)
    use = (supplied >= 0) & (~np.isnan(m.value[sup]) | (status[sup] == SUPPRESSED)
                             | (status[sup] == AT_SOURCE) | (status[sup] > NOT_AGGREGABLE))
    out_m = Measures(*(np.where(use, getattr(m, f)[sup], getattr(agg_m, f))
                       for f in MEASURES))
    source = np.where(use, CITY_SOURCES.index("supplied"),
                      np.where(~np.isnan(agg_m.value), CITY_SOURCES.index("aggregate"),
                               CITY_SOURCES.index("none"))).astype(np.int8)
    diff = m.value[sup] - agg_m.value
    tol = 0.5 * 10.0 ** (-inp.cat.decimals[cells.ind].astype(np.float64)) + 1e-9 * np.abs(diff)
    with np.errstate(invalid="ignore"):
        shown = use & (status[sup] == OK) & (np.abs(diff) > tol)
    return CityCells(
        m=out_m, num=np.where(use, inp.num[sup], np.where(is_mean, nan, agg.num)),
        den=np.where(use, inp.den[sup], agg.den),
        status=np.where(use, status[sup], agg_status).astype(np.int8),
        source=source, discrepancy=np.where(shown, diff, np.nan),
    )


def _aggregate_status(
    inp: Inputs, agg: _Aggregate, m: Measures, cell_ind: NDArray[np.integer],
    not_agg: NDArray[np.bool_],
) -> NDArray[np.int8]:
    vt = inp.cat.vtype[cell_ind]
    st = np.where(np.isnan(m.value), MISSING, OK)
    with np.errstate(invalid="ignore"):
        small = ((vt != MEAN) & (agg.num < inp.cat.min_num[cell_ind])) | (
            agg.den < inp.cat.min_den[cell_ind])
    st = np.where(small & ~not_agg, SUPPRESSED, st)
    return np.where(not_agg, NOT_AGGREGABLE, st).astype(np.int8)
