"""Disclosure control: primary and secondary suppression, inside the engine.

Primary: a value whose numerator (proportions, percentages, rates, counts) is
below the indicator's ``min_numerator``, or whose denominator is below its
``min_denominator``, is suppressed. Secondary: wherever a published total is
the sum of published parts, a single hidden member could be recovered by
subtraction, so the smallest visible part is hidden too. The totals checked:
the city row over the areas of each level, a parent area over its children
(``parent_code``), and the ``total`` sex over ``female`` and ``male``. The
rules are applied again until nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators.contract import ADDITIVE_TYPES, SEXES, STATUSES, VALUE_TYPES
from indicators.keys import group_ids

OK, SUPPRESSED, AT_SOURCE, MISSING, NOT_AGGREGABLE = range(len(STATUSES))
SRC_SUPPRESSED, SRC_MISSING = 1, 2
MAX_ROUNDS = 10
ADDITIVE_CODES = [VALUE_TYPES.index(t) for t in (*ADDITIVE_TYPES, "mean")]


def primary_status(
    src_status: NDArray[np.int8], vtype: NDArray[np.integer], num: NDArray[np.float64],
    den: NDArray[np.float64], value: NDArray[np.float64], min_num: NDArray[np.float64],
    min_den: NDArray[np.float64],
) -> NDArray[np.int8]:
    """Status of each row before secondary suppression."""
    counted = np.isin(vtype, [VALUE_TYPES.index(t) for t in ADDITIVE_TYPES])
    with np.errstate(invalid="ignore"):
        small = (counted & (num < min_num)) | (den < min_den)
    status = np.where(np.isnan(value), MISSING, OK)
    status = np.where(small, SUPPRESSED, status)
    status = np.where(src_status == SRC_MISSING, MISSING, status)
    return np.where(src_status == SRC_SUPPRESSED, AT_SOURCE, status).astype(np.int8)


@dataclass
class Layout:
    """Keys of the final rows (areas then city rows) that the rules need."""

    ind: NDArray[np.int64]
    area: NDArray[np.int64]
    per: NDArray[np.int64]
    sex: NDArray[np.int64]
    age: NDArray[np.int64]
    cell: NDArray[np.int64]
    level: NDArray[np.int64]
    parent: NDArray[np.int64]  # area code of the parent, -1 when none
    is_city: NDArray[np.bool_]
    additive: NDArray[np.bool_]  # per row: its indicator adds up (sums or weighted means)
    sizes: tuple[int, int, int, int, int, int]  # n ind, area, per, age, cell, level


def _hide_smallest(
    group: NDArray[np.int64], n_groups: int, total_row: NDArray[np.int64],
    hidden: NDArray[np.bool_], visible: NDArray[np.bool_], size_key: NDArray[np.float64],
) -> int:
    """One pass of the rule for one kind of total; returns the number of rows hidden.

    ``group`` is the group of each part row (-1: not a part); ``total_row`` the
    row of each group's total (-1: none published).
    """
    part = group >= 0
    count = np.bincount(group[part & hidden], minlength=n_groups)
    has_total = total_row >= 0
    tot = np.maximum(total_row, 0)
    count = count + (has_total & hidden[tot])
    need = has_total & ~hidden[tot] & visible[tot] | (has_total & hidden[tot])
    need &= count == 1
    rows = np.flatnonzero(part & visible & ~hidden & need[np.maximum(group, 0)])
    if rows.size == 0:
        return 0
    order = np.lexsort((rows, size_key[rows], group[rows]))
    chosen = rows[order]
    first = np.r_[True, group[chosen][1:] != group[chosen][:-1]]
    hidden[chosen[first]] = True
    return int(first.sum())


def _total_rows(group: NDArray[np.int64], n_groups: int, is_total: NDArray[np.bool_],
                total_group: NDArray[np.int64]) -> NDArray[np.int64]:
    out = np.full(n_groups, -1, dtype=np.int64)
    rows = np.flatnonzero(is_total & (total_group >= 0))
    out[total_group[rows]] = rows
    return out


def secondary_suppression(
    lay: Layout, status: NDArray[np.int8], num: NDArray[np.float64], den: NDArray[np.float64],
) -> NDArray[np.int8]:
    """Hide further rows until no hidden value can be recovered by subtraction."""
    hidden = (status == SUPPRESSED) | (status == AT_SOURCE)
    if not hidden.any():
        return status
    hidden = hidden.copy()
    visible = (status == OK) & lay.additive
    size_key = np.where(np.isnan(num), np.nan_to_num(den, nan=np.inf), num)
    rules = [_city_rule(lay), _sex_rule(lay)]
    if (lay.parent[~lay.is_city] >= 0).any():
        rules.append(_parent_rule(lay))
    for _ in range(MAX_ROUNDS):
        changed = sum(_hide_smallest(g, n, t, hidden, visible, size_key) for g, n, t in rules)
        if changed == 0:
            break
    out = status.copy()
    out[hidden & (status == OK)] = SUPPRESSED
    return out


Rule = tuple[NDArray[np.int64], int, NDArray[np.int64]]


def _city_rule(lay: Layout) -> Rule:
    n_cell, n_level = lay.sizes[4], lay.sizes[5]
    key = lay.cell * n_level + lay.level
    part_group = np.where(~lay.is_city & lay.additive, key, -1)
    n_groups = n_cell * n_level
    total = np.full(n_groups, -1, dtype=np.int64)
    city_rows = np.flatnonzero(lay.is_city)
    for level in np.unique(lay.level[~lay.is_city]):
        total[lay.cell[city_rows] * n_level + level] = city_rows
    return part_group, n_groups, total


def _sex_rule(lay: Layout) -> Rule:
    n_ind, n_area, n_per, n_age = lay.sizes[:4]
    triple, n_groups, _ = group_ids([(lay.ind, n_ind), (lay.area, n_area), (lay.per, n_per),
                                     (lay.age, n_age)])
    is_total = lay.sex == SEXES.index("total")
    part_group = np.where(~is_total & lay.additive, triple, -1)
    return part_group, n_groups, _total_rows(triple, n_groups, is_total, triple)


def _parent_rule(lay: Layout) -> Rule:
    n_area = lay.sizes[1]
    self_key = lay.cell * n_area + lay.area
    has_parent = (lay.parent >= 0) & lay.additive
    parent_key = lay.cell * n_area + lay.parent
    ids, uniques = pd.factorize(np.concatenate([self_key, parent_key[has_parent]]))
    n_groups = len(uniques)
    self_id = ids[: len(self_key)].astype(np.int64)
    part_group = np.full(len(self_key), -1, dtype=np.int64)
    part_group[has_parent] = ids[len(self_key):]
    total = np.full(n_groups, -1, dtype=np.int64)
    total[self_id] = np.arange(len(self_key))
    return part_group, n_groups, total
