"""The cells of the table (indicator × period × sex × age group) and their supplied city rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from indicators.keys import group_ids, split_key
from indicators.prepare import Inputs


@dataclass
class Cells:
    """The indicator × period × sex × age group cells."""

    id: NDArray[np.integer]  # per input row
    n: int
    ind: NDArray[np.integer]  # per cell
    per: NDArray[np.integer]
    sex: NDArray[np.integer]
    age: NDArray[np.integer]
    supplied: NDArray[np.integer]  # input row of the supplied city value, -1 when none


def cells_of(inp: Inputs) -> Cells:
    """Cell id of every input row, and where the source supplied the city's value."""
    sizes = [len(inp.ind_cats), len(inp.per_cats), 3, len(inp.age_cats)]
    ids, n, keys = group_ids([(inp.ind, sizes[0]), (inp.per, sizes[1]), (inp.sex, sizes[2]),
                              (inp.age, sizes[3])])
    present = np.bincount(ids, minlength=n) > 0
    if present.sum() < n:  # keep only the cells that have rows
        compact = np.cumsum(present) - 1
        ids, keys, n = compact[ids], keys[present], int(present.sum())
    ind, per, sex, age = split_key(keys, sizes)
    supplied = np.full(n, -1, dtype=np.int64)
    city_rows = np.flatnonzero(inp.area == inp.city)
    supplied[ids[city_rows]] = city_rows
    return Cells(ids.astype(np.int32), n, ind, per, sex, age, supplied)
