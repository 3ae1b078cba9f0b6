"""Values without an interval still say something: comparison by the areas' spread.

A score, mean or median whose row has no confidence interval (no counts, no SD, no
supplied limits) cannot be judged by Fingertips' method. Such a row is compared with
the spread of the areas instead: more than one standard deviation of the areas' values
(same cell, published area rows, at least MIN_AREAS of them) above or below the city
value is better / worse by polarity (higher / lower when neutral); within it, similar.
There is no "much" class. ``comparison_basis`` says which rule judged each row:
``interval``, ``spread`` or ``none``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from indicators.compare import C, outcome
from indicators.contract import COMPARISON_BASES, STATUSES
from indicators.measures import MEAN, MEDIAN, SCORE

Array = NDArray[np.float64]
MIN_AREAS = 3
OK = STATUSES.index("ok")
INTERVAL, SPREAD, NONE = (np.int8(COMPARISON_BASES.index(b)) for b in COMPARISON_BASES)


def by_spread(to_city: NDArray[np.int8], value: Array, lo95: Array, city_value: Array,
              cell: NDArray[np.integer], n_cells: int, is_city: NDArray[np.bool_],
              status: NDArray[np.int8], vtype: NDArray[np.integer],
              polarity: NDArray[np.integer]) -> tuple[NDArray[np.int8], NDArray[np.int8]]:
    """``to_city`` with the spread rule filled in, and the basis of every row."""
    usable = ~is_city & (status == OK) & ~np.isnan(value)
    counts = np.bincount(cell[usable], minlength=n_cells).astype(np.float64)
    total = np.bincount(cell[usable], weights=value[usable], minlength=n_cells)
    squares = np.bincount(cell[usable], weights=value[usable] ** 2, minlength=n_cells)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / counts
        sd = np.sqrt(np.maximum(squares - counts * mean**2, 0.0) / (counts - 1.0))
    sd = np.where(counts >= MIN_AREAS, sd, np.nan)[cell]
    kinds = (vtype == SCORE) | (vtype == MEAN) | (vtype == MEDIAN)
    with np.errstate(invalid="ignore"):
        eligible = (usable & kinds & np.isnan(lo95) & ~np.isnan(city_value) & (sd > 0)
                    & (to_city == C["not_compared"]))
        gap = value - city_value
        codes = outcome(np.sign(gap), np.abs(gap) > sd, np.zeros(len(gap), bool), polarity,
                        eligible)
    basis = np.where(eligible, SPREAD, np.where(to_city == C["not_compared"], NONE, INTERVAL))
    basis = np.where(is_city, NONE, basis).astype(np.int8)
    return np.where(eligible, codes, to_city).astype(np.int8), basis
