"""Runs the trend tests over every series (indicator × area × sex × age group).

Rows are scattered into a (series × period position) grid, the windows of 5
positions are tested block by block of series, and each row takes the result
of the window that ends at its own period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from indicators import trends as tr
from indicators.chunks import each_span
from indicators.keys import group_ids, small_key_space

Array = NDArray[np.float64]
SERIES_BLOCK = 8192


@dataclass
class Timeline:
    """Series id and period position of every row."""

    series: NDArray[np.integer]
    n_series: int
    pos: NDArray[np.integer]
    n_pos: int
    is_latest: NDArray[np.bool_]


def timeline(ind: NDArray[np.integer], area: NDArray[np.integer], sex: NDArray[np.integer],
             age: NDArray[np.integer], per: NDArray[np.integer],
             sizes: tuple[int, int, int, int, int],
             periods: tuple[NDArray[np.integer], NDArray[np.integer]]) -> Timeline:
    """Series ids and positions of the rows.

    ``sizes`` = numbers of indicator, area, sex, age and period codes;
    ``periods`` = the (indicator, period) pairs that have values.
    """
    n_ind, n_area, n_sex, n_age, n_per = sizes
    present = np.zeros((n_ind, n_per), dtype=bool)
    present[periods[0], periods[1]] = True
    position = np.cumsum(present, axis=1) - 1
    latest = n_per - 1 - np.argmax(present[:, ::-1], axis=1)
    n = len(ind)
    pos = np.empty(n, dtype=np.int64)
    is_latest = np.empty(n, dtype=bool)
    product = n_ind * n_area * n_sex * n_age
    series: NDArray[np.integer] | None = (
        np.empty(n, dtype=np.int64) if small_key_space(product, n) else None)
    def block(sl: slice) -> None:
        i, p = ind[sl].astype(np.int64), per[sl]
        pos[sl] = position[i, p]
        is_latest[sl] = p == latest[i]
        if series is not None:
            series[sl] = ((i * n_area + area[sl]) * n_sex + sex[sl]) * n_age + age[sl]

    each_span(block, n)
    if series is None:
        series, product, _ = group_ids([(ind, n_ind), (area, n_area), (sex, n_sex), (age, n_age)])
    return Timeline(series, product, pos, int(present.sum(axis=1).max()), is_latest)


def grid(tl: Timeline, values: Array, mask: NDArray[np.bool_], out: Array | None = None,
         reciprocal: bool = False) -> Array:
    """(series × position) array of ``values`` (or 1/values) at the rows in ``mask``, NaN
    elsewhere; ``out`` (a previous grid) is reused instead of allocating a new one."""
    size = tl.n_series * tl.n_pos
    flat_out = np.empty(size) if out is None else out.reshape(-1)
    flat_out.fill(np.nan)

    def block(sl: slice) -> None:
        v = values[sl]
        if reciprocal:
            with np.errstate(divide="ignore"):
                v = 1.0 / v
        keep = mask[sl] & np.isfinite(v)
        flat = tl.series[sl][keep] * tl.n_pos + tl.pos[sl][keep]
        flat_out[flat] = v[keep]

    each_span(block, len(values))
    return flat_out.reshape(tl.n_series, tl.n_pos)


def run_blocks(test: Callable[..., NDArray[np.int8]], fill: int, *grids: Array,
               ) -> NDArray[np.int8]:
    """Apply ``test`` (grids → codes per window) block by block of series.

    Blocks whose first grid is empty get ``fill`` without running the test.
    """
    n_series, n_pos = grids[0].shape
    out = np.empty((n_series, max(n_pos - tr.TREND_POINTS + 1, 0)), dtype=np.int8)

    def block(sl: slice) -> None:
        if np.isnan(grids[0][sl]).all():
            out[sl] = fill
        else:
            out[sl] = test(*(g[sl] for g in grids))

    each_span(block, n_series, SERIES_BLOCK)
    return out


def at_rows(tl: Timeline, per_window: NDArray[np.int8], fill: int) -> NDArray[np.int8]:
    """Each row's code: the window ending at its period (``fill`` before the 5th period)."""
    n = len(tl.series)
    out = np.full(n, fill, dtype=np.int8)
    n_windows = per_window.shape[1]
    if n_windows == 0:
        return out
    flat_codes = per_window.ravel()

    def block(sl: slice) -> None:
        window = tl.pos[sl] - (tr.TREND_POINTS - 1)
        idx = tl.series[sl] * n_windows + np.maximum(window, 0)
        out[sl] = np.where(window >= 0, flat_codes[idx], fill)

    each_span(block, n)
    return out


def wls_codes(values: Array, weights: Array) -> NDArray[np.int8]:
    return tr.classify(*tr.wls(values, weights)[:4])


def logistic_codes(x: Array, n: Array) -> NDArray[np.int8]:
    return tr.classify(*tr.logistic(x, n))
