"""Disclosure control: primary and secondary suppression, inside the engine.

Primary: a value whose numerator (proportions, percentages, rates, counts) is
below the indicator's ``min_numerator``, or whose denominator is below its
``min_denominator``, is suppressed. Secondary: wherever a published total is
the sum of published parts, a single hidden member could be recovered by
subtraction, so the smallest visible part is hidden too (or, when no part is
left to hide, the total itself). The totals checked:
the city row over the areas of each level, a parent area over its children
(``parent_code``, at any depth and whatever the size of the key space), and the
``total`` sex over ``female`` and ``male``. The rules are applied again until
nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators.chunks import spans
from indicators.contract import ADDITIVE_TYPES, SEXES, STATUSES, VALUE_TYPES
from indicators.keys import small_key_space
from indicators.prepare import SRC_METHOD, SRC_MISSING, SRC_SUPPRESSED

OK, SUPPRESSED, AT_SOURCE, MISSING, NOT_AGGREGABLE = (STATUSES.index(s) for s in STATUSES[:5])
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
    for name, code in SRC_METHOD.items():
        status = np.where(src_status == code, STATUSES.index(name), status)
    return np.where(src_status == SRC_SUPPRESSED, AT_SOURCE, status).astype(np.int8)


@dataclass
class Layout:
    """Keys of the final rows (input rows then city rows) and lookups the rules need."""

    ind: NDArray[np.integer]
    area: NDArray[np.integer]
    per: NDArray[np.integer]
    age: NDArray[np.integer]
    sex: NDArray[np.integer]
    cell: NDArray[np.integer]
    is_city: NDArray[np.bool_]
    area_level: NDArray[np.integer]  # per area code
    area_parent: NDArray[np.integer]  # per area code, -1 when none (or the city)
    additive: NDArray[np.bool_]  # per indicator code: values add up (sums, weighted means)
    city_row: NDArray[np.integer]  # per cell: the row of the city's value
    sizes: tuple[int, int, int, int, int, int]  # n ind, area, per, age, cell, level


KeyFn = Callable[[slice | NDArray[np.integer]], NDArray[np.integer]]


@dataclass
class Rule:
    """A kind of published total: parts (by group key) that add up to a total row."""

    n_groups: int
    part_key: KeyFn  # group of each row as a part, -1 when it is no part
    total_row: NDArray[np.integer]  # per group: the row holding the total, -1 when none
    parts: NDArray[np.integer] | None = None  # (group × k) rows of the parts, when few per group


def _use_dense(lay: Layout, space: int, dense: bool | None) -> bool:
    """Key the groups by the key itself (``dense``), or by the factorized keys that occur.

    ``dense=None`` decides by the size of the key space next to the rows; True or
    False force one way (both give the same groups up to their numbering).
    """
    return small_key_space(space, len(lay.ind)) if dense is None else dense


def _factorized(lay: Layout, key: KeyFn) -> tuple[NDArray[np.integer], NDArray[np.integer]]:
    """Group id of each row by ``key`` (-1 where the key is -1), and the key of each id."""
    full = np.concatenate([key(sl) for sl in spans(len(lay.ind))]).astype(np.int64)
    taken = full >= 0
    ids = np.full(len(full), -1, dtype=np.int64)
    codes, uniques = pd.factorize(full[taken])
    ids[taken] = codes
    return ids, np.asarray(uniques, dtype=np.int64)


def _compact(lay: Layout, key: KeyFn, space: int, dense: bool | None) -> tuple[KeyFn, int]:
    """Keep ``key`` when its space is small enough for dense arrays, else factorize it."""
    if _use_dense(lay, space, dense):
        return key, space
    ids, uniques = _factorized(lay, key)
    return (lambda sl: ids[sl]), len(uniques)


def _totals(lay: Layout, key: KeyFn, n_groups: int, is_total: KeyFn) -> NDArray[np.integer]:
    out = np.full(n_groups, -1, dtype=np.int64)
    for sl in spans(len(lay.ind)):
        k = key(sl)
        hit = np.flatnonzero((k >= 0) & is_total(sl).astype(bool))
        out[k[hit]] = hit + sl.start
    return out


def _city_rule(lay: Layout) -> Rule:
    """Groups (cell, level): the areas of one level add up to the city row."""
    n_level = lay.sizes[5]

    def key(sl: slice | NDArray[np.integer]) -> NDArray[np.integer]:
        k = lay.cell[sl].astype(np.int64) * n_level + lay.area_level[lay.area[sl]]
        return np.where(lay.is_city[sl] | ~lay.additive[lay.ind[sl]], -1, k)

    n_groups = lay.sizes[4] * n_level
    return Rule(n_groups, key, lay.city_row[np.arange(n_groups) // n_level])


def _sex_rule(lay: Layout, dense: bool | None) -> Rule:
    """Groups (indicator, area, period, age group): female + male add up to total."""
    _, n_area, n_per, n_age = lay.sizes[:4]

    def triple(sl: slice | NDArray[np.integer]) -> NDArray[np.integer]:
        k = ((lay.ind[sl].astype(np.int64) * n_area + lay.area[sl]) * n_per + lay.per[sl]) * n_age
        k += lay.age[sl]
        return np.where(lay.additive[lay.ind[sl]], k, -1)

    group, n_groups = _compact(lay, triple, lay.sizes[0] * n_area * n_per * n_age, dense)
    total = SEXES.index("total")

    def part(sl: slice | NDArray[np.integer]) -> NDArray[np.integer]:
        return np.where(lay.sex[sl] == total, -1, group(sl))

    parts = np.full((n_groups, len(SEXES)), -1, dtype=np.int64)
    for sl in spans(len(lay.ind)):
        k = group(sl)
        hit = np.flatnonzero(k >= 0)
        parts[k[hit], lay.sex[sl][hit]] = hit + sl.start
    assert total == 0  # female and male are the columns after it
    return Rule(n_groups, part, parts[:, total].copy(), parts[:, 1:])


def _parent_rule(lay: Layout, dense: bool | None) -> Rule:
    """Groups (cell, parent area): the children add up to the parent's row.

    A child's group key is (cell, its parent), the parent row's own key is
    (cell, its area), both as ``cell × areas + area``. When cells × areas is
    small next to the rows the key is the group id; otherwise the children's
    keys are factorized and each row's own key is looked up among them.
    """
    n_area = lay.sizes[1]

    def own(sl: slice | NDArray[np.integer]) -> NDArray[np.integer]:
        own_key = lay.cell[sl].astype(np.int64) * n_area + lay.area[sl]
        return np.where(lay.additive[lay.ind[sl]], own_key, -1)

    def part(sl: slice | NDArray[np.integer]) -> NDArray[np.integer]:
        p = lay.area_parent[lay.area[sl]]
        k = lay.cell[sl].astype(np.int64) * n_area + p
        return np.where((p >= 0) & lay.additive[lay.ind[sl]], k, -1)

    space = lay.sizes[4] * n_area
    if _use_dense(lay, space, dense):
        return Rule(space, part, _totals(lay, own, space, lambda sl: np.ones(1, bool)))
    ids, uniques = _factorized(lay, part)
    total_row = np.full(len(uniques), -1, dtype=np.int64)
    index = pd.Index(uniques)
    for sl in spans(len(lay.ind)):
        k = own(sl)
        group = index.get_indexer(k)
        hit = np.flatnonzero((k >= 0) & (group >= 0))
        total_row[group[hit]] = hit + sl.start
    return Rule(len(uniques), lambda sl: ids[sl], total_row)


def _smallest(keys: NDArray[np.integer], rows: NDArray[np.integer], sizes: NDArray[np.float64],
              n_groups: int) -> NDArray[np.integer]:
    """The row with the smallest size in each group (the first such row on ties)."""
    low = np.full(n_groups, np.inf)
    np.minimum.at(low, keys, sizes)
    at_min = sizes <= low[keys]
    _, first = np.unique(keys[at_min], return_index=True)
    return rows[at_min][first]


def _candidates(rule: Rule, lay: Layout, need: NDArray[np.bool_], hidden: NDArray[np.bool_],
                visible: NDArray[np.bool_]) -> tuple[NDArray[np.integer], NDArray[np.integer]]:
    """(group, row) of the visible, not yet hidden parts of the groups in ``need``."""
    if rule.parts is not None:
        groups = np.flatnonzero(need)
        rows = rule.parts[groups].ravel()
        keys = np.repeat(groups, rule.parts.shape[1])
        ok = rows >= 0
        keys, rows = keys[ok], rows[ok]
        ok = visible[rows] & ~hidden[rows]
        return keys[ok], rows[ok]
    found: list[tuple[NDArray[np.integer], NDArray[np.integer]]] = []
    for sl in spans(len(lay.ind)):
        k = rule.part_key(sl)
        sel = np.flatnonzero((k >= 0) & visible[sl] & ~hidden[sl])
        sel = sel[need[k[sel]]]
        found.append((k[sel], sel + sl.start))
    return np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found])


def _apply(rule: Rule, lay: Layout, hidden: NDArray[np.bool_], visible: NDArray[np.bool_],
           size_key: NDArray[np.float64]) -> int:
    """One pass of one rule; returns the number of rows newly hidden."""
    hidden_keys = rule.part_key(np.flatnonzero(hidden))
    count = np.bincount(hidden_keys[hidden_keys >= 0], minlength=rule.n_groups)
    tot = rule.total_row
    safe = np.maximum(tot, 0)
    has = tot >= 0
    tot_hidden = has & hidden[safe]
    need = (count + tot_hidden == 1) & (tot_hidden | (has & visible[safe]))
    if not need.any():
        return 0
    keys, rows = _candidates(rule, lay, need, hidden, visible)
    chosen = _smallest(keys, rows, size_key[rows], rule.n_groups) if rows.size else rows
    # a group with no visible part left to hide: hide its total instead
    bare = need.copy()
    bare[keys] = False
    totals = tot[bare & has & ~tot_hidden]
    hidden[chosen] = True
    hidden[totals] = True
    return chosen.size + totals.size


def secondary_suppression(
    lay: Layout, status: NDArray[np.int8], num: NDArray[np.float64], den: NDArray[np.float64],
    *, dense: bool | None = None,
) -> NDArray[np.int8]:
    """Hide further rows until no hidden value can be recovered by subtraction.

    ``dense`` forces how the sex and parent groups are keyed (True: by the key
    itself, False: factorized); None, the default, decides by size. The result
    is the same either way.
    """
    hidden = (status == SUPPRESSED) | (status == AT_SOURCE)
    if not hidden.any():
        return status
    visible = (status == OK) & lay.additive[lay.ind]
    size_key = np.where(np.isnan(num), np.nan_to_num(den, nan=np.inf), num)
    rules = [_city_rule(lay), _sex_rule(lay, dense)]
    if (lay.area_parent >= 0).any():
        rules.append(_parent_rule(lay, dense))
    # every pass that changes anything hides at least one more row, so this ends
    while sum(_apply(rule, lay, hidden, visible, size_key) for rule in rules) > 0:
        pass
    out = status.copy()
    out[hidden & (status == OK)] = SUPPRESSED
    return out
