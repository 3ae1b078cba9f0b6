"""The rows of the comparison table as arrays: the input rows, then the new city rows.

The arrays are allocated once, at their final length, and filled block by
block; the input rows keep their order and a supplied city row keeps its
place (holding its cell's city record).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from indicators.cells import Cells
from indicators.chunks import each_span, spans
from indicators.city import CityCells
from indicators.contract import STATUSES
from indicators.disclosure import primary_status
from indicators.errors import IndicatorError, InputProblem
from indicators.keys import group_ids, small_key_space
from indicators.measures import FLOAT_MEASURES, MEASURES, NO_CI998, measure
from indicators.prepare import Inputs

Array = NDArray[np.float64]
OK = STATUSES.index("ok")
HIDDEN_FIELDS = (*FLOAT_MEASURES, "num", "den")
KEYS = ("ind", "area", "per", "sex", "age", "cell")


@dataclass
class Rows:
    """Every output row: keys, measures, status (input rows first, then new city rows)."""

    ind: NDArray[np.integer]
    area: NDArray[np.integer]
    per: NDArray[np.integer]
    sex: NDArray[np.integer]
    age: NDArray[np.integer]
    cell: NDArray[np.integer]
    value: Array
    lo95: Array
    hi95: Array
    lo998: Array
    hi998: Array
    var: Array
    sd: Array
    ci998: NDArray[np.int8]
    num: Array
    den: Array
    status: NDArray[np.int8]
    is_city: NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.ind)

    @classmethod
    def allocate(cls, n: int) -> Rows:
        arrays: dict[str, Any] = {k: np.empty(n, dtype=np.int32) for k in KEYS}
        arrays |= {k: np.empty(n) for k in (*FLOAT_MEASURES, "num", "den")}
        arrays["ci998"] = np.empty(n, dtype=np.int8)
        return cls(**arrays, status=np.empty(n, np.int8), is_city=np.empty(n, bool))

    def hide_unpublished(self) -> None:
        """Blank every number of a row whose status is not ``ok`` (disclosure control)."""
        hidden = np.flatnonzero(self.status != OK)
        if hidden.size:
            for name in HIDDEN_FIELDS:
                getattr(self, name)[hidden] = np.nan
            self.ci998[hidden] = NO_CI998


def check_unique(inp: Inputs, cells: Cells) -> None:
    """One value per indicator × area × period × sex × age group, or IndicatorError."""
    n_area = len(inp.area_cats)
    if not small_key_space(cells.n * n_area, len(inp.ind)):
        key, n, _ = group_ids([(cells.id, cells.n), (inp.area, n_area)])
    else:
        key, n = np.empty(len(inp.ind), dtype=np.int64), cells.n * n_area
        for sl in spans(len(key)):
            key[sl] = cells.id[sl].astype(np.int64) * n_area + inp.area[sl]
    counts = np.bincount(key, minlength=n)
    if counts.max(initial=0) <= 1:
        return
    dup = np.flatnonzero(counts[key] > 1)
    shown = [InputProblem(
        "values", "duplicate key: another row has the same indicator, area, period, sex "
        "and age group", "keep one row per key (check the source for repeated lines)", int(r),
        "area_code", inp.area_cats[inp.area[r]]) for r in dup[:10]]
    raise IndicatorError(shown)


def input_rows(inp: Inputs, cells: Cells) -> Rows:
    """Rows for the input (measures and primary status), with room for the new city rows."""
    n = len(inp.ind)
    new = np.flatnonzero(cells.supplied < 0)
    rows = Rows.allocate(n + len(new))
    cat = inp.cat

    def block(sl: slice) -> None:
        ind = inp.ind[sl]
        vt = cat.vtype[ind]
        num, den = inp.num[sl], inp.den[sl]
        m = measure(vt, cat.scale[ind], num, den, inp.src_value[sl], inp.src_lo[sl],
                    inp.src_hi[sl], inp.src_sd[sl], (inp.src_lo998[sl], inp.src_hi998[sl]))
        for name in MEASURES:
            getattr(rows, name)[sl] = getattr(m, name)
        rows.status[sl] = primary_status(inp.src_status[sl], vt, num, den, m.value,
                                         cat.min_num[ind], cat.min_den[ind])
        rows.num[sl], rows.den[sl] = num, den
        rows.is_city[sl] = inp.area[sl] == inp.city
        for key, src in zip(KEYS, (inp.ind, inp.area, inp.per, inp.sex, inp.age, cells.id),
                            strict=True):
            getattr(rows, key)[sl] = src[sl]

    each_span(block, n)
    return rows


def add_city_rows(rows: Rows, inp: Inputs, cells: Cells, city: CityCells) -> None:
    """Write each cell's city record: over a supplied row, or as a new row at the end."""
    n = len(inp.ind)
    given = np.flatnonzero(cells.supplied >= 0)
    new = np.flatnonzero(cells.supplied < 0)
    for target, source in ((cells.supplied[given], given), (np.arange(n, len(rows)), new)):
        for name in MEASURES:
            getattr(rows, name)[target] = getattr(city.m, name)[source]
        rows.num[target], rows.den[target] = city.num[source], city.den[source]
        rows.status[target] = city.status[source]
    tail = slice(n, len(rows))
    rows.ind[tail], rows.per[tail] = cells.ind[new], cells.per[new]
    rows.sex[tail], rows.age[tail] = cells.sex[new], cells.age[new]
    rows.area[tail], rows.cell[tail], rows.is_city[tail] = inp.city, new, True
