"""The indicator page's public-health methods: inequality within the city (the slope index
of inequality across the areas ranked by the city's deprivation measure) and the funnel
plot (each area's value against its denominator, with control limits around the city)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from dashboard.model import Atlas, records
from dashboard.selection import Selection
from dashboard.viewmodels.catalogue import IndicatorInfo, indicator_info
from indicators.errors import IndicatorError
from presentation.funnel import FUNNEL_TYPES, funnel_of
from presentation.i18n import indicator_name
from presentation.inequality import decile_points, deprivation_of, inequality_table

TREND = ["period", "gap", "lower", "upper", "trend"]
POSITIONS = {  # (outside the 99.8% limits, outside the 95% limits) above and below, by polarity
    "low_is_good": {"above": ("much_worse", "worse"), "below": ("much_better", "better")},
    "high_is_good": {"above": ("much_better", "better"), "below": ("much_worse", "worse")},
    "neutral": {"above": ("higher", "higher"), "below": ("lower", "lower")},
}


@dataclass(frozen=True)
class InequalityModel:
    """What the "Inequality within the city" block shows for one indicator, period and sex."""

    indicator: IndicatorInfo
    value_type: str
    period: str
    measure: str | None  # the deprivation measure's name; None: the city names none
    is_measure: bool  # the indicator is the measure itself (not ranked by itself)
    headline_age: bool  # the page shows the age group inequality is computed for
    row: dict[str, Any] | None  # the SII row of the period and sex (None: not computed)
    points: pd.DataFrame  # decile, x (cumulative population 0..1), value, areas
    city_value: float | None
    trend: pd.DataFrame  # TREND: the gap (most − least deprived: −SII), its 95% interval and
    # its trend up to each period, over the periods

    @property
    def shown(self) -> bool:
        """There is a chart to draw (a measure, not the measure itself, a computed SII)."""
        return (self.measure is not None and not self.is_measure and self.headline_age
                and self.row is not None and len(self.points) > 0)


@dataclass(frozen=True)
class FunnelModel:
    """The funnel plot of one indicator cell (``applies``: its value type has one)."""

    indicator: IndicatorInfo
    applies: bool
    points: pd.DataFrame  # code, name, denominator, value, lower, upper, prioritized, band, position
    limits: pd.DataFrame  # denominator, lower_95, upper_95, lower_998, upper_998
    city_value: float | None

    @property
    def shown(self) -> bool:
        return self.applies and len(self.points) > 0 and self.city_value is not None


def _inequality_table(atlas: Atlas) -> pd.DataFrame:
    return atlas.derived("inequality", lambda: inequality_table(atlas.comparisons(), atlas.snapshot()))


def _city_value(rows: pd.DataFrame, city_code: str) -> float | None:
    city = rows.loc[rows["area_code"].astype(str) == city_code, "value"]
    return float(city.iloc[0]) if len(city) and pd.notna(city.iloc[0]) else None


def _trend(table: pd.DataFrame, indicator_id: str, sex: str) -> pd.DataFrame:
    """The gap over the periods as the headline reads it: the most deprived end minus the
    least deprived one (the SII runs the other way: least − most), with its 95% interval."""
    mine = table[(table["indicator_id"].astype(str) == indicator_id) & (table["sex"].astype(str) == sex)
                 & (table["status"].astype(str) == "ok")].sort_values("period")
    return pd.DataFrame({"period": mine["period"].astype(str).to_numpy(),
                         "gap": -mine["sii"].to_numpy(dtype=float),
                         "lower": -mine["sii_upper_ci95"].to_numpy(dtype=float),
                         "upper": -mine["sii_lower_ci95"].to_numpy(dtype=float),
                         "trend": mine["sii_trend"].astype(str).to_numpy()}, columns=TREND)


def inequality_model(atlas: Atlas, sel: Selection) -> InequalityModel:
    """The SII of ``sel``'s indicator, period and sex, its deciles and its trend."""
    ind, period, sex = str(sel.indicator_id), str(sel.period), sel.sex
    info = indicator_info(atlas, ind, sel.lang)
    value_type = str(atlas.catalogue().loc[ind, "value_type"])
    headline = atlas.age_groups().get(ind)
    empty = InequalityModel(info, value_type, period, None, False, sel.age_group in (None, headline),
                            None, pd.DataFrame(columns=["decile", "x", "value", "areas"]), None,
                            pd.DataFrame(columns=TREND))
    snapshot = atlas.snapshot()
    dep = deprivation_of(snapshot)
    if dep is None:
        return empty
    measure = indicator_name(atlas.catalogue().loc[dep.indicator_id], sel.lang)
    if ind == dep.indicator_id:
        return replace(empty, measure=measure, is_measure=True)
    table = _inequality_table(atlas)
    mine = table[(table["indicator_id"].astype(str) == ind) & (table["period"].astype(str) == period)
                 & (table["sex"].astype(str) == sex)]

    cell = atlas.cell(ind, period, sex, str(headline)) if headline is not None else None

    def points() -> pd.DataFrame:  # the cell and the measure's rows are all decile_points reads
        rows = pd.concat([cell if cell is not None else atlas.indicator_table(ind),
                          atlas.indicator_table(dep.indicator_id)])
        return decile_points(rows, snapshot, ind, period, sex)

    return InequalityModel(
        info, value_type, period, measure, False, empty.headline_age,
        records(mine)[0] if len(mine) else None,
        atlas.cached(("deciles", ind, period, sex), points),
        _city_value(cell, atlas.city_code()) if cell is not None else None,
        atlas.cached(("sii-trend", ind, sex), lambda: _trend(table, ind, sex)))


def bands(values: np.ndarray, denominators: np.ndarray, limits: pd.DataFrame) -> np.ndarray:
    """Where each point lies against the limits drawn at its denominator (the curves are
    drawn straight between their points, so they are read the same way): 2 above the 99.8%
    limit, 1 above the 95% one, 0 within, -1 and -2 below."""
    grid = limits["denominator"].to_numpy(dtype=float)

    def at(column: str) -> np.ndarray:
        return np.interp(denominators, grid, limits[column].to_numpy(dtype=float))

    band = np.zeros(len(values), dtype=np.int8)
    band[values > at("upper_95")] = 1
    band[values < at("lower_95")] = -1
    band[values > at("upper_998")] = 2
    band[values < at("lower_998")] = -2
    return band


def positions(band: np.ndarray, polarity: str) -> np.ndarray:
    """A band as a comparison key (palette and words): outside the 99.8% limits much better
    or much worse, outside the 95% ones better or worse (higher or lower for a neutral
    indicator), else similar."""
    keys = POSITIONS.get(polarity, POSITIONS["neutral"])
    table = {2: keys["above"][0], 1: keys["above"][1], 0: "similar", -1: keys["below"][1],
             -2: keys["below"][0]}
    return np.array([table[int(b)] for b in band], dtype=object)


def funnel_model(atlas: Atlas, sel: Selection) -> FunnelModel:
    """Every mapped area's value against its denominator, and the limits around the city."""
    ind, period, sex = str(sel.indicator_id), str(sel.period), sel.sex
    info = indicator_info(atlas, ind, sel.lang)
    applies = str(atlas.catalogue().loc[ind, "value_type"]) in FUNNEL_TYPES
    empty = FunnelModel(info, applies, pd.DataFrame(columns=["code", "name", "denominator", "value", "lower",
                                                             "upper", "prioritized", "band",
                                                             "position"]),
                        pd.DataFrame(columns=["denominator", "lower_95", "upper_95", "lower_998",
                                              "upper_998"]), None)
    age = sel.age_group or atlas.age_groups().get(ind)
    if not applies or age is None:
        return empty
    rows = atlas.cell(ind, period, sex, str(age))
    try:
        funnel = funnel_of(rows, atlas.catalogue(), ind, period, sex, str(age))
    except IndicatorError:  # e.g. a city value outside the value's domain: no limits to draw
        funnel = None
    if funnel is None:
        return empty
    areas = atlas.areas()
    points = funnel.points[funnel.points["area_code"].astype(str).isin(areas.index)]
    codes = points["area_code"].astype(str).to_numpy()
    whole = rows.set_index(rows["area_code"].astype(str))
    frame = pd.DataFrame({
        "code": codes, "name": areas["name"].reindex(codes).to_numpy(),
        "denominator": points["denominator"].to_numpy(dtype=float),
        "value": points["value"].to_numpy(dtype=float),
        "lower": whole["lower_ci95"].reindex(codes).to_numpy(dtype=float),
        "upper": whole["upper_ci95"].reindex(codes).to_numpy(dtype=float),
        "prioritized": points["prioritized"].to_numpy(dtype=bool),
    })
    frame["band"] = bands(frame["value"].to_numpy(), frame["denominator"].to_numpy(), funnel.limits)
    frame["position"] = positions(frame["band"].to_numpy(), info.polarity)
    return FunnelModel(info, True, frame, funnel.limits, funnel.city_value)
