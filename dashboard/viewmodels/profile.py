"""The area profile's models: the area's facts, its headline rows, the table by domain,
and one indicator's headline row, trends and breakdown by sex (the charts beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.display import comparison_keys
from dashboard.figures.spine import SpineGeometry, spine_geometry
from dashboard.model import Atlas, records
from dashboard.selection import SEX_ORDER
from dashboard.viewmodels.ages import AgeRow, age_rows, other_ages
from dashboard.viewmodels.catalogue import IndicatorInfo, domains_in_order, indicator_info
from dashboard.viewmodels.targets import TargetLine, line
from indicators import headline_rows

SERIES = ["period", "value", "lower", "upper"]


@dataclass(frozen=True)
class AreaFacts:
    code: str
    name: str
    population: float | None  # the boundary file's, else the latest population indicator's
    prioritized: bool
    population_period: str | None = None  # the indicator's period, when it comes from one


@dataclass(frozen=True)
class ProfileRow:
    """One headline row of the profile table, with what its spine chart needs."""

    indicator: IndicatorInfo
    record: dict[str, Any]  # the comparison-table row (period, value, ..., key)
    spine: SpineGeometry | None
    low: float | None  # the lowest and highest area value of the period (the spine's ends)
    high: float | None
    ages: tuple[AgeRow, ...] = ()  # the other age groups' latest rows (indicators loaded by age)
    target: TargetLine | None = None  # the target that applies (own, else city-wide), if any


@dataclass(frozen=True)
class ProfileSection:
    domain: str
    rows: tuple[ProfileRow, ...]


@dataclass(frozen=True)
class ProfileTable:
    area_name: str
    sections: tuple[ProfileSection, ...]


@dataclass(frozen=True)
class SexValue:
    sex: str
    who: str  # "area" or "city"
    value: float | None
    lower: float | None
    upper: float | None


@dataclass(frozen=True)
class AreaIndicator:
    """One area and one indicator: the headline row, both trends, the latest period by sex."""

    area_name: str
    indicator: IndicatorInfo
    latest: dict[str, Any] | None  # the profile table's row of the indicator, None without data
    trend: pd.DataFrame  # the area's period, value, lower, upper
    city_trend: pd.DataFrame  # the city's, likewise
    by_sex: tuple[SexValue, ...]  # the latest period: the area's, then the city's, in SEX_ORDER
    by_age: tuple[AgeRow, ...] = ()  # each age group's latest row (sex total); () for one group


POPULATION_IDS = ("population", "folkmangd", "befolkning", "inhabitants", "residents")


def _known(value: Any) -> bool:
    return value is not None and bool(pd.notna(value))


def _population_indicator(atlas: Atlas, code: str) -> tuple[float | None, str | None]:
    """The area's latest value of a population count in the catalogue (an indicator whose
    id names the population, of a count type), else (None, None)."""
    cat = atlas.catalogue()
    types = cat["value_type"] if "value_type" in cat.columns else pd.Series("count", index=cat.index)
    ids_ = [str(i) for i in cat.index if any(word in str(i).casefold() for word in POPULATION_IDS)
            and (not _known(types.loc[i]) or str(types.loc[i]) == "count")]
    rows = atlas.area_rows(code)
    for ind in ids_:
        hits = rows[(rows["indicator_id"].astype(str) == ind) & (rows["sex"].astype(str) == "total")
                    & rows["value"].notna()]
        if not hits.empty:
            last = hits.sort_values("period").iloc[-1]
            return float(last["value"]), str(last["period"])
    return None, None


def area_facts(atlas: Atlas, code: str) -> AreaFacts:
    """Name, population (the boundaries', else the latest population indicator's, else
    None: the view says it is not known) and whether the area is prioritized."""
    area: Any = atlas.areas().loc[code]
    population, period = area.get("population"), None
    if not _known(population):
        population, period = _population_indicator(atlas, code)
    return AreaFacts(str(area["code"]), str(area["name"]), float(population) if _known(population) else None,
                     bool(area.get("prioritized")), period)


def latest_rows(atlas: Atlas, area_code: str) -> pd.DataFrame:
    """The area's headline rows (``indicators.headline_rows``: one per indicator, sex
    total, headline age group, latest period with data) in catalogue order, with swatch
    keys (memoized)."""

    def build() -> pd.DataFrame:
        rows = headline_rows(atlas.area_rows(area_code), age_groups=atlas.age_groups()).copy()
        rows["indicator_id"] = rows["indicator_id"].astype(str)
        order = {ind: i for i, ind in enumerate(atlas.catalogue().index)}
        rows["order"] = rows["indicator_id"].map(order)
        rows["key"] = comparison_keys(rows)
        return rows.sort_values("order")

    return atlas.cached(("latest-rows", area_code), build)


def _spine_stats(atlas: Atlas, indicator_id: str, period: str, sex: str) -> np.ndarray:
    def build() -> np.ndarray:
        part = atlas.spine(indicator_id, period, sex)
        return part["value"].to_numpy(dtype=float)[(part["level"] != "city").to_numpy(dtype=bool)]

    return atlas.cached(("spine", indicator_id, period, sex), build)


def _profile_row(atlas: Atlas, r: dict[str, Any], lang: str) -> ProfileRow:
    stats = _spine_stats(atlas, r["indicator_id"], str(r["period"]), "total")
    # a count is never set against the city total: no city line (centred on the areas' median)
    cat = atlas.catalogue()
    is_count = "value_type" in cat.columns and str(cat.loc[r["indicator_id"], "value_type"]) == "count"
    city = None if is_count else r["city_value"]
    geom = spine_geometry(stats, city, r["value"], str(r["polarity"]))
    low, high = (float(np.nanmin(stats)), float(np.nanmax(stats))) if stats.size else (None, None)
    info = indicator_info(atlas, r["indicator_id"], lang)
    target = line(atlas, r["indicator_id"], str(r["area_code"]), r["value"], lang, info.decimals, info.unit,
                  age_group=str(r.get("age_group") or "all"))
    return ProfileRow(info, r, geom, low, high, other_ages(atlas, str(r["area_code"]), r["indicator_id"], lang),
                      target)


def profile_table(atlas: Atlas, code: str, lang: str) -> ProfileTable:
    """The area's headline rows by domain (domains and rows in the catalogue's order)."""
    rows = records(latest_rows(atlas, code))
    sections = []
    for domain in domains_in_order(atlas):
        part = tuple(_profile_row(atlas, r, lang) for r in rows if str(r["domain"]) == domain)
        if part:
            sections.append(ProfileSection(domain, part))
    return ProfileTable(str(atlas.areas().loc[code, "name"]), tuple(sections))


def series(atlas: Atlas, area_code: str, indicator_id: str, sex: str = "total") -> pd.DataFrame:
    """``period, value, lower, upper`` of one area (or the city) over the periods."""
    rows = sorted((r for r in atlas.series_records(area_code, indicator_id) if r["sex"] == sex),
                  key=lambda r: str(r["period"]))
    return pd.DataFrame({"period": [str(r["period"]) for r in rows],
                         "value": [r["value"] for r in rows], "lower": [r["lower_ci95"] for r in rows],
                         "upper": [r["upper_ci95"] for r in rows]}, columns=SERIES)


def latest(atlas: Atlas, area_code: str, indicator_id: str) -> dict[str, Any] | None:
    """The area's headline row of the indicator (the profile table's row), as a record."""
    rows = latest_rows(atlas, area_code)
    hits = records(rows[rows["indicator_id"] == indicator_id])
    return hits[0] if hits else None


def _by_sex(atlas: Atlas, code: str, indicator_id: str, period: str | None) -> tuple[SexValue, ...]:
    parts = []
    for who, whose in (("area", code), ("city", atlas.city_code())):
        by_sex = {r["sex"]: r for r in atlas.series_records(whose, indicator_id) if r["period"] == period}
        parts += [SexValue(sex, who, by_sex[sex]["value"], by_sex[sex]["lower_ci95"], by_sex[sex]["upper_ci95"])
                  for sex in SEX_ORDER if sex in by_sex]
    return tuple(parts)


def area_indicator(atlas: Atlas, code: str, indicator_id: str, lang: str) -> AreaIndicator:
    """What the headline line and both charts of the profile show for ``indicator_id``."""
    row = latest(atlas, code, indicator_id)
    period = str(row["period"]) if row is not None else None
    return AreaIndicator(
        area_name=str(atlas.areas().loc[code, "name"]),
        indicator=indicator_info(atlas, indicator_id, lang), latest=row,
        trend=series(atlas, code, indicator_id), city_trend=series(atlas, atlas.city_code(), indicator_id),
        by_sex=_by_sex(atlas, code, indicator_id, period), by_age=age_rows(atlas, code, indicator_id, lang))
