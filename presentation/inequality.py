"""Inequality within the city for the indicator page and the profiles: the slope index of
inequality (SII) across the areas ranked by the city's deprivation measure, its trend,
the chart's points (areas by deprivation decile) and the headline sentence.

The deprivation measure is the catalogue indicator named by ``[city] deprivation``
(``snapshot.city["deprivation_indicator"]``); its polarity says which end is deprived
(low_is_good: a high value is deprived). An indicator's areas of a period are ranked by
the measure's value of the same period, or of the latest earlier one (a pooled period
such as ``2020-2022`` is matched by its last year). Areas are weighted by their
residents (the boundaries' population), else by the row's denominator. Only the
areas of the most common level take part, at the indicator's headline age group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import inequality_trend, slope_index_of_inequality
from presentation.i18n import t
from presentation.numbers import format_number
from store.read import Snapshot

YEAR = re.compile(r"(\d{4})(?!.*\d{4})")
BY = ["indicator_id", "period", "sex"]
DECILES = 10


@dataclass(frozen=True)
class Deprivation:
    indicator_id: str
    higher_is_more_deprived: bool


def deprivation_of(snapshot: Snapshot) -> Deprivation | None:
    """The city's deprivation measure, or None when none is configured (or it is gone)."""
    chosen = (snapshot.city or {}).get("deprivation_indicator")
    cat = snapshot.catalogue
    if not chosen or len(cat) == 0 or chosen not in set(cat["id"].astype(str)):
        return None
    polarity = str(cat.loc[cat["id"].astype(str) == chosen, "polarity"].iloc[0])
    return Deprivation(str(chosen), polarity != "high_is_good")


def _end_year(period: object) -> int:
    found = YEAR.search(str(period))
    return int(found.group(1)) if found else -1


def _area_rows(table: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """Published area rows of the most common level at each indicator's headline age."""
    rows = table.loc[(table["level"].astype(str) != "city") & (table["status"].astype(str) == "ok")]
    if len(rows) == 0:
        return rows
    level = rows["level"].astype(str).value_counts().index[0]
    headline = (rows["headline_age_group"].astype(object).fillna("all").astype(str)
                if "headline_age_group" in rows else "all")
    rows = rows.loc[(rows["level"].astype(str) == level)
                    & (rows["age_group"].astype(str) == headline)]
    people = snapshot.areas.set_index(snapshot.areas["code"].astype(str))["population"]
    weight = rows["area_code"].astype(str).map(people).astype(float)
    return rows.assign(weight=weight.fillna(rows["denominator"].astype(float)))


def _with_deprivation(rows: pd.DataFrame, dep: Deprivation, areas: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with the deprivation value of their area (``areas``: the area rows of the
    whole table) in the same period or the latest earlier one."""
    source = areas.loc[(areas["indicator_id"].astype(str) == dep.indicator_id)
                       & (areas["sex"].astype(str) == "total")]
    by_area = source.assign(year=source["period"].map(_end_year))[
        ["area_code", "year", "value"]].astype({"area_code": str})
    if len(by_area) == 0:
        return rows.assign(deprivation=np.nan)
    years = np.sort(by_area["year"].unique())
    wanted = rows["period"].map(_end_year).to_numpy()
    pick = years[np.clip(np.searchsorted(years, wanted, side="right") - 1, 0, len(years) - 1)]
    lookup = by_area.set_index(["area_code", "year"])["value"]
    lookup = lookup[~lookup.index.duplicated()]
    index = pd.MultiIndex.from_arrays([rows["area_code"].astype(str).to_numpy(), pick])
    return rows.assign(deprivation=lookup.reindex(index).to_numpy(dtype=np.float64))


def inequality_table(table: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """SII / RII per indicator × period × sex with the gap's trend (``sii_trend``); empty
    when the city names no deprivation measure."""
    dep = deprivation_of(snapshot)
    if dep is None or len(table) == 0:
        return pd.DataFrame(columns=[*BY, "sii", "sii_trend"])
    areas = _area_rows(table, snapshot)
    rows = _with_deprivation(areas, dep, areas)
    rows = rows.loc[rows["indicator_id"].astype(str) != dep.indicator_id]
    if len(rows) == 0:
        return pd.DataFrame(columns=[*BY, "sii", "sii_trend"])
    data = rows[[*BY, "area_code", "value", "lower_ci95", "upper_ci95", "weight",
                 "deprivation"]].astype({c: str for c in (*BY, "area_code")})
    sii = slope_index_of_inequality(data, by=BY, population="weight",
                                    higher_is_more_deprived=dep.higher_is_more_deprived)
    # per indicator: its own periods (pooled 2015-2017 or single years) are consecutive, not
    # interleaved with other indicators' (a period missing from the window breaks it)
    sii["sii_trend"] = pd.concat([inequality_trend(part, by=("indicator_id", "sex")).astype(str)
                                  for _, part in sii.groupby("indicator_id", sort=False)])
    sii["status"] = sii["status"].astype(str)
    return sii


def decile_points(table: pd.DataFrame, snapshot: Snapshot, indicator_id: str, period: str,
                  sex: str) -> pd.DataFrame:
    """The chart's points: the areas in ten groups of equal population from most to least
    deprived (``decile`` 1 = most deprived), each with its population-weighted mean value
    and the midpoint of its span on the cumulative population scale (``x``)."""
    dep = deprivation_of(snapshot)
    empty = pd.DataFrame(columns=["decile", "x", "value", "areas"])
    if dep is None:
        return empty
    areas = _area_rows(table, snapshot)
    rows = areas.loc[(areas["indicator_id"].astype(str) == indicator_id)
                     & (areas["period"].astype(str) == period) & (areas["sex"].astype(str) == sex)]
    rows = _with_deprivation(rows, dep, areas).dropna(subset=["deprivation", "value", "weight"])
    if len(rows) == 0:
        return empty
    order = rows.sort_values("deprivation", ascending=not dep.higher_is_more_deprived,
                             kind="stable")
    share = order["weight"].to_numpy(dtype=float) / order["weight"].sum()
    mid = np.cumsum(share) - share / 2
    decile = np.minimum((mid * DECILES).astype(int) + 1, DECILES)
    frame = pd.DataFrame({"decile": decile, "x": mid, "w": share,
                          "value": order["value"].to_numpy(dtype=float)})
    frame["wx"], frame["wv"] = frame["w"] * frame["x"], frame["w"] * frame["value"]
    sums = frame.groupby("decile")[["w", "wx", "wv"]].sum()
    out = pd.DataFrame({"x": sums["wx"] / sums["w"], "value": sums["wv"] / sums["w"],
                        "areas": frame.groupby("decile").size()})
    return out.reset_index()


def gap_unit(value_type: str, unit: str, lang: str) -> str:
    """The unit of a difference: percentage points for percentages (and proportions shown
    in %), points on the city = 100 scale for standardised ratios, else the unit."""
    in_percent = value_type == "percentage" or (value_type == "proportion" and str(unit).strip() == "%")
    if value_type == "isr":
        return t("ineq.isr_points", lang)
    return t("ineq.pp", lang) if in_percent else unit


def headline(row: pd.Series, name: str, unit: str, decimals: int, deprivation_name: str,
             lang: str) -> str:
    """One sentence: the gap between the most and least deprived ends (the size of the
    SII, in ``unit``: see gap_unit), its 95% interval (of the gap's size, when the SII
    is negative the SII's interval negated) and whether it is closing."""
    if str(row.get("status")) != "ok" or pd.isna(row.get("sii")):
        return t("ineq.none", lang, indicator=name, measure=deprivation_name)

    def num(v: float) -> str:
        return format_number(v, lang, decimals)

    higher = row["fitted_most_deprived"] > row["fitted_least_deprived"]
    key = "ineq.higher_in_deprived" if higher else "ineq.lower_in_deprived"
    # the gap is most deprived − least deprived when higher there: −SII, its interval flipped
    low, high = ((-row["sii_upper_ci95"], -row["sii_lower_ci95"]) if row["sii"] < 0
                 else (row["sii_lower_ci95"], row["sii_upper_ci95"]))
    sentence = t(key, lang, indicator=name, gap=num(abs(row["sii"])), unit=unit,
                 low=num(low), high=num(high),
                 measure=deprivation_name, period=row["period"])
    return f"{sentence} {t('ineq.trend.' + str(row.get('sii_trend')), lang)}"
