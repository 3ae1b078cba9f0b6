"""`comparison_table`: values, catalogue and areas in; the long comparison table out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators import trends as tr
from indicators.city import CityCells, city_cells
from indicators.compare import C, compare_to_city, compare_to_rest
from indicators.contract import GAP_TRENDS, STATUSES
from indicators.disclosure import ADDITIVE_CODES, Layout, primary_status, secondary_suppression
from indicators.frame import build_frame, empty_table
from indicators.keys import group_ids
from indicators.measures import is_share, measure
from indicators.prepare import Inputs, read_inputs
from indicators.ranks import rank_within
from indicators.rows import Cells, Rows, assemble, cells_of, check_unique

Array = NDArray[np.float64]
OK = STATUSES.index("ok")


def comparison_table(
    values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame, city_code: str, *,
    min_numerator: float | None = None, min_denominator: float | None = None,
) -> pd.DataFrame:
    """One row per indicator × area × period × sex × age group, the city's rows included.

    ``values``, ``catalogue`` and ``areas`` are the frames of
    ``store.read.Snapshot``; ``city_code`` is the area code of the whole city.
    Disclosure thresholds: an indicator's catalogue ``min_numerator`` /
    ``min_denominator`` win, else these arguments, else 5 and 30. Columns and
    vocabularies: docs/indicators.md. Raises IndicatorError listing every
    problem in the inputs.
    """
    if len(values) == 0:
        return empty_table()
    inp = read_inputs(values, catalogue, areas, city_code, min_numerator, min_denominator)
    cells = cells_of(inp)
    check_unique(inp, cells)
    rows, city = _rows(inp, cells)
    cols = _analyse(inp, rows, cells)
    return build_frame(inp, rows, city, cols)


def _rows(inp: Inputs, cells: Cells) -> tuple[Rows, CityCells]:
    vt = inp.cat.vtype[inp.ind]
    m = measure(vt, inp.cat.scale[inp.ind], inp.num, inp.den, inp.src_value, inp.src_lo,
                inp.src_hi)
    status = primary_status(inp.src_status, vt, inp.num, inp.den, m.value,
                            inp.cat.min_num[inp.ind], inp.cat.min_den[inp.ind])
    city = city_cells(inp, m, status, cells.id, cells.n, cells.ind)
    rows = assemble(inp, m, status, cells, city)
    del m
    rows.status = secondary_suppression(_layout(inp, rows, cells), rows.status, rows.num,
                                        rows.den)
    rows.hide_unpublished()
    return rows, city


def _layout(inp: Inputs, rows: Rows, cells: Cells) -> Layout:
    sizes = (len(inp.ind_cats), len(inp.area_cats), len(inp.per_cats), len(inp.age_cats),
             cells.n, len(inp.level_cats))
    return Layout(
        ind=rows.ind, area=rows.area, per=rows.per, sex=rows.sex, age=rows.age, cell=rows.cell,
        level=inp.area_level[rows.area], parent=inp.area_parent[rows.area], is_city=rows.is_city,
        additive=np.isin(inp.cat.vtype[rows.ind], ADDITIVE_CODES), sizes=sizes,
    )


@dataclass
class Columns:
    """Computed output columns, aligned with the rows."""

    city_value: Array
    city_lo95: Array
    city_hi95: Array
    to_city: NDArray[np.int8]
    to_rest: NDArray[np.int8]
    rest_value: Array
    trend: NDArray[np.int8]
    gap_trend: NDArray[np.int8]
    rank: Array
    quintile: Array
    is_latest: NDArray[np.bool_]


def _city_row_of(rows: Rows, n_cells: int) -> NDArray[np.int64]:
    out = np.zeros(n_cells, dtype=np.int64)
    city_rows = np.flatnonzero(rows.is_city)
    out[rows.cell[city_rows]] = city_rows
    return out[rows.cell]


def _analyse(inp: Inputs, rows: Rows, cells: Cells) -> Columns:
    vt, pol = inp.cat.vtype[rows.ind], inp.cat.polarity[rows.ind]
    crow = _city_row_of(rows, cells.n)
    city_value, city_var = rows.value[crow], rows.var[crow]
    to_city = compare_to_city(rows.value, rows.lo95, rows.hi95, rows.lo998, rows.hi998,
                              city_value, pol, vt)
    to_rest, rest_value = compare_to_rest(
        vt, pol, inp.cat.scale[rows.ind], rows.num, rows.den, rows.value, rows.sd,
        rows.num[crow], rows.den[crow], city_value, rows.sd[crow])
    to_city[rows.is_city] = C["benchmark"]
    to_rest[rows.is_city] = C["benchmark"]
    rest_value[rows.is_city] = np.nan
    pos, n_pos, is_latest = _period_positions(inp, rows)
    series, n_series, _ = group_ids([(rows.ind, len(inp.ind_cats)), (rows.area, len(inp.area_cats)),
                                     (rows.sex, 3), (rows.age, len(inp.age_cats))])
    trend = _trend(rows, vt, pol, series, n_series, pos, n_pos)
    gap = _gap_trend(rows, city_value, city_var, rows.den[crow], series, n_series, pos, n_pos)
    n_levels = len(inp.level_cats)
    group = rows.cell * n_levels + inp.area_level[rows.area]
    rank, quintile = rank_within(group, cells.n * n_levels, rows.value, pol,
                                 ~rows.is_city & (rows.status == OK))
    return Columns(city_value, rows.lo95[crow], rows.hi95[crow], to_city, to_rest, rest_value,
                   trend, gap, rank, quintile, is_latest)


def _period_positions(inp: Inputs, rows: Rows) -> tuple[NDArray[np.int64], int, NDArray[np.bool_]]:
    """Position of each row's period among its indicator's periods; is it the latest?"""
    present = np.zeros((len(inp.ind_cats), len(inp.per_cats)), dtype=bool)
    present[rows.ind, rows.per] = True
    position = np.cumsum(present, axis=1) - 1
    latest = present.shape[1] - 1 - np.argmax(present[:, ::-1], axis=1)
    return position[rows.ind, rows.per], int(present.sum(axis=1).max()), rows.per == latest[
        rows.ind]


def _trend(rows: Rows, vt: NDArray[np.int8], pol: NDArray[np.int8], series: NDArray[np.int64],
           n_series: int, pos: NDArray[np.int64], n_pos: int) -> NDArray[np.int8]:
    if n_pos < tr.TREND_POINTS:
        return tr.trend_names(np.full(len(rows), tr.NOT_ENOUGH, np.int8), pol)
    ok = rows.status == OK
    shape = (n_series, n_pos)
    with np.errstate(divide="ignore"):
        weight = 1.0 / rows.var
    values = tr.dense(series, pos, shape, rows.value, ok)
    weights = tr.dense(series, pos, shape, weight, ok)
    raw = tr.at_rows(tr.classify(*tr.wls(values, weights)[:4]), series, pos)
    del values, weights
    share = is_share(vt)
    if share.any():
        flag = np.zeros(n_series, dtype=bool)
        flag[series[share]] = True
        compact = np.cumsum(flag) - 1
        sub = compact[series[share]]
        sub_shape = (int(flag.sum()), n_pos)
        x = tr.dense(sub, pos[share], sub_shape, rows.num[share], ok[share])
        n = tr.dense(sub, pos[share], sub_shape, rows.den[share], ok[share])
        logit = tr.at_rows(tr.classify(*tr.logistic(x, n)), sub, pos[share])
        raw[share] = np.where(logit != tr.NOT_ENOUGH, logit, raw[share])
    return tr.trend_names(raw, pol)


def _gap_trend(rows: Rows, city_value: Array, city_var: Array, city_den: Array,
               series: NDArray[np.int64], n_series: int, pos: NDArray[np.int64], n_pos: int,
               ) -> NDArray[np.int8]:
    out = np.full(len(rows), GAP_TRENDS.index("not_enough_data"), dtype=np.int8)
    if n_pos < tr.TREND_POINTS:
        return out
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.clip(np.where(city_den > 0, rows.den / city_den, 0.0), 0.0, 1.0)
        share = np.nan_to_num(share)
        gap = rows.value - city_value
        var = rows.var * (1.0 - 2.0 * share) + city_var
        ok = ~rows.is_city & np.isfinite(gap) & (var > 0)
    shape = (n_series, n_pos)
    per_window = tr.gap_classify(tr.dense(series, pos, shape, gap, ok),
                                 tr.dense(series, pos, shape, var, ok))
    out[:] = tr.at_rows(per_window, series, pos, fill=GAP_TRENDS.index("not_enough_data"))
    out[rows.is_city] = GAP_TRENDS.index("not_enough_data")
    return out
