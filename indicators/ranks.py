"""Rank (1 = best by polarity) and quintile (1 = best fifth) among areas of one level."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from indicators.compare import LOW_IS_GOOD


def rank_within(
    group: NDArray[np.int64], n_groups: int, value: NDArray[np.float64],
    polarity: NDArray[np.integer], eligible: NDArray[np.bool_],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Competition ranks ("min": ties share the best rank) and quintiles per group.

    Higher values rank first unless the polarity is ``low_is_good`` (neutral
    indicators rank the highest value first). Rows not ``eligible`` get NaN.
    """
    rank = np.full(len(group), np.nan)
    quintile = np.full(len(group), np.nan)
    rows = np.flatnonzero(eligible & np.isfinite(value))
    if rows.size == 0:
        return rank, quintile
    score = np.where(polarity[rows] == LOW_IS_GOOD, value[rows], -value[rows])
    order = np.argsort(score, kind="stable")
    g = group[rows][order]
    if n_groups <= np.iinfo(np.uint16).max:
        g = g.astype(np.uint16)  # numpy sorts 16-bit keys with a radix sort
    by_group = np.argsort(g, kind="stable")
    order = order[by_group]
    g = g[by_group].astype(np.int64)
    s = score[order]
    new_group = np.r_[True, g[1:] != g[:-1]]
    new_value = new_group | np.r_[True, s[1:] != s[:-1]]
    position = np.arange(rows.size)
    group_start = np.maximum.accumulate(np.where(new_group, position, 0))
    run_start = np.maximum.accumulate(np.where(new_value, position, 0))
    ranks = (run_start - group_start + 1).astype(np.float64)
    sizes = np.bincount(g, minlength=n_groups)[g]
    target = rows[order]
    rank[target] = ranks
    quintile[target] = np.floor((ranks - 1.0) * 5.0 / sizes) + 1.0
    return rank, quintile
