"""`comparison_table`: values, catalogue and areas in; the long comparison table out."""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators import timeline as tl
from indicators import trends as tr
from indicators.cells import Cells, cells_of
from indicators.chunks import each_span
from indicators.city import city_cells
from indicators.compare import C, compare_to_city, compare_to_rest
from indicators.contract import GAP_TRENDS, STATUSES
from indicators.disclosure import ADDITIVE_CODES, Layout, secondary_suppression
from indicators.frame import Columns, build_frame, empty_table
from indicators.measures import COUNT, MEASURES, Measures, is_share
from indicators.prepare import Inputs, read_inputs
from indicators.ranks import rank_within
from indicators.rows import Rows, add_city_rows, check_unique, input_rows
from indicators.spread import by_spread
from indicators.standardise import standardise

Array = NDArray[np.float64]
OK = STATUSES.index("ok")
GAP_NONE = GAP_TRENDS.index("not_enough_data")


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
    problem in the inputs. Indicators of the standardised value types (dsr, isr,
    life_expectancy) come as counts by age band and are computed first
    (:mod:`indicators.standardise`).
    """
    if len(values) == 0:
        return empty_table()
    values = standardise(values, catalogue, city_code)
    inp = read_inputs(values, catalogue, areas, city_code, min_numerator, min_denominator)
    cells = cells_of(inp)
    check_unique(inp, cells)
    rows = input_rows(inp, cells)
    n = len(inp.ind)
    head = Measures(*(getattr(rows, name)[:n] for name in MEASURES))
    city = city_cells(inp, head, rows.status[:n], cells)
    add_city_rows(rows, inp, cells, city)
    inp.release_rows()
    cells.id = cells.id[:0]
    crow_of = _city_row_of_cell(rows, cells.n)
    rows.status = secondary_suppression(_layout(inp, rows, cells, crow_of), rows.status,
                                        rows.num, rows.den)
    rows.hide_unpublished()
    cols = _analyse(inp, rows, cells, crow_of)
    return build_frame(inp, rows, city, cols)


def _layout(inp: Inputs, rows: Rows, cells: Cells, crow_of: NDArray[np.integer]) -> Layout:
    sizes = (len(inp.ind_cats), len(inp.area_cats), len(inp.per_cats), len(inp.age_cats),
             cells.n, len(inp.level_cats))
    return Layout(
        ind=rows.ind, area=rows.area, per=rows.per, age=rows.age, sex=rows.sex, cell=rows.cell,
        is_city=rows.is_city, area_level=inp.area_level, area_parent=inp.area_parent,
        additive=np.isin(inp.cat.vtype, ADDITIVE_CODES), city_row=crow_of,
        sizes=sizes,
    )


def _city_row_of_cell(rows: Rows, n_cells: int) -> NDArray[np.integer]:
    out = np.zeros(n_cells, dtype=np.int64)
    city_rows = np.flatnonzero(rows.is_city)
    out[rows.cell[city_rows]] = city_rows
    return out


def _compare(inp: Inputs, rows: Rows, crow_of: NDArray[np.integer]) -> dict[str, NDArray]:
    """City values, differences and both comparisons, block by block."""
    n = len(rows)
    out: dict[str, NDArray] = {k: np.empty(n) for k in (
        "city_value", "city_lo95", "city_hi95", "difference", "ratio", "rest_value")}
    out["to_city"] = np.empty(n, np.int8)
    out["to_rest"] = np.empty(n, np.int8)
    cat = inp.cat

    def block(sl: slice) -> None:
        ind, crow = rows.ind[sl], crow_of[rows.cell[sl]]
        vt, pol = cat.vtype[ind], cat.polarity[ind]
        value, cv = rows.value[sl], rows.value[crow]
        to_city = compare_to_city(value, rows.lo95[sl], rows.hi95[sl], rows.lo998[sl],
                                  rows.hi998[sl], cv, pol, vt)
        to_rest, rest = compare_to_rest(vt, pol, cat.scale[ind], rows.num[sl], rows.den[sl],
                                        value, rows.sd[sl], rows.num[crow], rows.den[crow], cv,
                                        rows.sd[crow])
        is_city = rows.is_city[sl]
        out["to_city"][sl] = np.where(is_city, C["benchmark"], to_city)
        out["to_rest"][sl] = np.where(is_city, C["benchmark"], to_rest)
        out["rest_value"][sl] = np.where(is_city, np.nan, rest)
        out["city_value"][sl] = cv
        out["city_lo95"][sl], out["city_hi95"][sl] = rows.lo95[crow], rows.hi95[crow]
        # an area's count against the city total says nothing: no difference, no ratio
        summed = (vt == COUNT) & ~is_city
        with np.errstate(invalid="ignore", divide="ignore"):
            out["difference"][sl] = np.where(summed, np.nan, value - cv)
            out["ratio"][sl] = np.where(summed | (cv == 0), np.nan, value / cv)

    each_span(block, n)
    return out


def _analyse(inp: Inputs, rows: Rows, cells: Cells, crow_of: NDArray[np.integer]) -> Columns:
    got = _compare(inp, rows, crow_of)
    got["to_city"], basis = by_spread(got["to_city"], rows.value, rows.lo95, got["city_value"],
                                      rows.cell, cells.n, rows.is_city, rows.status,
                                      inp.cat.vtype[rows.ind], inp.cat.polarity[rows.ind])
    line = tl.timeline(rows.ind, rows.area, rows.sex, rows.age, rows.per,
                       (len(inp.ind_cats), len(inp.area_cats), 3, len(inp.age_cats),
                        len(inp.per_cats)), (cells.ind, cells.per))
    buffers = [np.empty((line.n_series, line.n_pos)) for _ in range(2)]
    trend = _trend(inp, rows, line, buffers)
    gap = _gap_trend(rows, got["city_value"], crow_of, line, buffers)
    del buffers
    n_levels = len(inp.level_cats)
    group = rows.cell * n_levels + inp.area_level[rows.area]
    rank, quintile = rank_within(group, cells.n * n_levels, rows.area, len(inp.area_cats),
                                 rows.value, inp.cat.polarity[rows.ind],
                                 ~rows.is_city & (rows.status == OK))
    return Columns(got["city_value"], got["city_lo95"], got["city_hi95"], got["difference"],
                   got["ratio"], got["to_city"], got["to_rest"], got["rest_value"], trend, gap,
                   rank, quintile, line.is_latest, basis)


def _trend(inp: Inputs, rows: Rows, line: tl.Timeline, buffers: list[Array]) -> NDArray[np.int8]:
    """Logistic test where a proportion has its counts, weighted regression elsewhere."""
    pol = inp.cat.polarity[rows.ind]
    if line.n_pos < tr.TREND_POINTS:
        return tr.trend_names(np.full(len(rows), tr.NOT_ENOUGH, np.int8), pol)
    ok = rows.status == OK
    counts = np.zeros(len(rows), dtype=bool)
    share_ind = is_share(inp.cat.vtype)

    def block(sl: slice) -> None:
        with np.errstate(invalid="ignore"):
            counts[sl] = ok[sl] & share_ind[rows.ind[sl]] & (rows.num[sl] >= 0) & (
                rows.den[sl] > 0)

    each_span(block, len(rows))
    raw = np.full(len(rows), tr.NOT_ENOUGH, dtype=np.int8)
    if counts.any():
        x = tl.grid(line, rows.num, counts, buffers[0])
        n = tl.grid(line, rows.den, counts, buffers[1])
        raw = tl.at_rows(line, tl.run_blocks(tl.logistic_codes, tr.NOT_ENOUGH, x, n),
                         tr.NOT_ENOUGH)
    other = ok & ~counts
    if other.any():
        values = tl.grid(line, rows.value, other, buffers[0])
        weights = tl.grid(line, rows.var, other, buffers[1], reciprocal=True)
        by_wls = tl.at_rows(line, tl.run_blocks(tl.wls_codes, tr.NOT_ENOUGH, values, weights),
                            tr.NOT_ENOUGH)
        raw = np.where(raw != tr.NOT_ENOUGH, raw, by_wls)
    return tr.trend_names(raw, pol)


def _gap_trend(rows: Rows, city_value: Array, crow_of: NDArray[np.integer], line: tl.Timeline,
               buffers: list[Array]) -> NDArray[np.int8]:
    if line.n_pos < tr.TREND_POINTS:
        return np.full(len(rows), GAP_NONE, dtype=np.int8)
    gap, var = np.empty(len(rows)), np.empty(len(rows))

    def block(sl: slice) -> None:
        crow = crow_of[rows.cell[sl]]
        city_den = rows.den[crow]
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.nan_to_num(np.clip(rows.den[sl] / city_den, 0.0, 1.0))
            gap[sl] = np.where(rows.is_city[sl], np.nan, rows.value[sl] - city_value[sl])
            # Var(area − city) when the city includes the area with weight w:
            # Var(area)·(1 − 2w) + Var(city)
            var[sl] = rows.var[sl] * (1.0 - 2.0 * share) + rows.var[crow]

    each_span(block, len(rows))
    ok = var > 0
    per_window = tl.run_blocks(tr.gap_classify, GAP_NONE, tl.grid(line, gap, ok, buffers[0]),
                               tl.grid(line, var, ok, buffers[1]))
    out = tl.at_rows(line, per_window, GAP_NONE)
    out[rows.is_city] = GAP_NONE
    return out
