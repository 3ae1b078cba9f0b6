"""Rank (1 = best by polarity) and quintile (1 = best fifth) among areas of one level."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from indicators.chunks import each_span, spans
from indicators.compare import LOW_IS_GOOD
from indicators.keys import small_key_space

GROUP_BLOCK = 64


def _rank_sorted(
    group: NDArray[np.integer], n_groups: int, value: NDArray[np.float64],
    polarity: NDArray[np.integer], eligible: NDArray[np.bool_],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Ranks and quintiles with one global sort (any number of groups)."""
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


def rank_within(
    group: NDArray[np.integer], n_groups: int, member: NDArray[np.integer], n_members: int,
    value: NDArray[np.float64], polarity: NDArray[np.integer], eligible: NDArray[np.bool_],
) -> tuple[NDArray[np.floating], NDArray[np.floating]]:
    """Competition ranks ("min": ties share the best rank) and quintiles per group.

    Higher values rank first unless the polarity is ``low_is_good`` (neutral
    indicators rank the highest value first). Rows not ``eligible`` get NaN.
    ``member`` (the area) is unique within a group; when groups × members is
    small the groups are sorted as the rows of a matrix, which is much faster
    than one global sort.
    """
    n = len(group)
    used = np.zeros(n_groups, dtype=bool)
    for sl in spans(n):
        used[group[sl][eligible[sl]]] = True
    compact = np.cumsum(used) - 1  # only groups with something to rank get a grid row
    n_groups = int(used.sum())
    if n_groups == 0:
        return np.full(n, np.nan), np.full(n, np.nan)
    if not small_key_space(n_groups * n_members, n):
        return _rank_sorted(compact[group], n_groups, value, polarity, eligible)
    score = np.full(n_groups * n_members, np.inf)

    def fill(sl: slice) -> None:
        keep = eligible[sl] & np.isfinite(value[sl])
        v = value[sl][keep]
        flat = compact[group[sl][keep]] * n_members + member[sl][keep]
        score[flat] = np.where(polarity[sl][keep] == LOW_IS_GOOD, v, -v)

    each_span(fill, n)
    table = score.reshape(n_groups, n_members)
    rank_grid = np.full(table.shape, np.nan, dtype=np.float32)
    quint_grid = np.full(table.shape, np.nan, dtype=np.float32)

    def sort(sl: slice) -> None:
        rank_grid[sl], quint_grid[sl] = _rank_block(table[sl])

    each_span(sort, n_groups, GROUP_BLOCK)
    rank, quintile = np.empty(n, dtype=np.float32), np.empty(n, dtype=np.float32)

    def gather(sl: slice) -> None:
        keep = eligible[sl]
        flat = compact[group[sl]] * n_members + member[sl]
        flat[~keep] = 0
        rank[sl] = np.where(keep, rank_grid.ravel()[flat], np.nan)
        quintile[sl] = np.where(keep, quint_grid.ravel()[flat], np.nan)

    each_span(gather, n)
    return rank, quintile


def _rank_block(score: NDArray[np.float64]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    order = np.argsort(score, axis=1)
    s = np.take_along_axis(score, order, axis=1)
    finite = np.isfinite(s)
    sizes = finite.sum(axis=1, keepdims=True)
    new = np.ones(s.shape, dtype=bool)
    new[:, 1:] = s[:, 1:] != s[:, :-1]
    position = np.broadcast_to(np.arange(s.shape[1]), s.shape)
    ranks = (np.maximum.accumulate(np.where(new, position, 0), axis=1) + 1).astype(np.float32)
    ranks[~finite] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        quint = (np.floor((ranks - 1.0) * 5.0 / sizes) + 1.0).astype(np.float32)
    rank_out = np.empty_like(ranks)
    quint_out = np.empty_like(quint)
    np.put_along_axis(rank_out, order, ranks, axis=1)
    np.put_along_axis(quint_out, order, quint, axis=1)
    return rank_out, quint_out
