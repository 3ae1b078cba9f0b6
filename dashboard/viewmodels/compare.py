"""The compare page's models: the "tartan rug" (latest value of every indicator for the
chosen areas and the city) and the chosen areas' trends of one indicator."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from dashboard.display import comparison_keys
from dashboard.model import Atlas
from dashboard.viewmodels.catalogue import IndicatorInfo, by_domain, indicator_info, info_of
from dashboard.viewmodels.compare_ages import with_age_rows
from dashboard.viewmodels.profile import series
from dashboard.viewmodels.targets import TargetLine, line, progress


@dataclass(frozen=True)
class RugCell:
    value: float | None
    key: str  # the comparison's swatch key (``no_data`` without a value)
    lower: float | None = None  # the 95% interval
    upper: float | None = None
    period: str = ""  # the cell's latest period (some areas' latest may be older)
    target: TargetLine | None = None  # the target that applies to the cell's area, if any


@dataclass(frozen=True)
class RugRow:
    indicator: IndicatorInfo
    city: RugCell | None
    cells: tuple[RugCell | None, ...]  # one per chosen area, in their order
    period: str = ""  # the row's period: the city's latest, else the areas' newest
    age: str = ""  # an age group other than the headline one, in words (compare_ages)


@dataclass(frozen=True)
class RugSection:
    domain: str
    rows: tuple[RugRow, ...]


@dataclass(frozen=True)
class Rug:
    areas: tuple[tuple[str, str], ...]  # the chosen areas: (code, name)
    sections: tuple[RugSection, ...]


@dataclass(frozen=True)
class IndicatorPanel:
    """One indicator of a domain: every chosen area's series and the city's."""

    indicator: IndicatorInfo
    areas: tuple[tuple[str, pd.DataFrame], ...]  # (area name, its series)
    city: pd.DataFrame


@dataclass(frozen=True)
class DomainTrends:
    domain: str
    panels: tuple[IndicatorPanel, ...]  # the domain's indicators in catalogue order


@dataclass(frozen=True)
class Trends:
    indicator: IndicatorInfo
    panels: tuple[tuple[str, pd.DataFrame], ...]  # (area name, its series), one per chosen area
    city: pd.DataFrame


def latest_table(atlas: Atlas, codes: list[str]) -> pd.DataFrame:
    """Latest row per indicator × area (sex total) for ``codes`` and the city, redacted."""
    parts = [atlas.area_rows(code) for code in [atlas.city_code(), *codes]]
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if rows.empty:
        return rows
    rows = rows[(rows["sex"].astype(str) == "total") & rows["is_latest"].astype(bool)]
    rows = rows.copy()
    rows["key"] = comparison_keys(rows)
    rows["indicator_id"] = rows["indicator_id"].astype(str)
    rows["area_code"] = rows["area_code"].astype(str)
    return rows


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _cell(row: Any) -> RugCell | None:
    if row is None:
        return None
    return RugCell(_number(row.value), str(row.key), _number(row.lower_ci95), _number(row.upper_ci95),
                   str(row.period))


def _row(info: Any, lookup: dict[tuple[str, str], Any], city_code: str, codes: list[str], lang: str) -> RugRow:
    city = _cell(lookup.get((str(info["id"]), city_code)))
    cells = tuple(_cell(lookup.get((str(info["id"]), c))) for c in codes)
    periods = [c.period for c in cells if c is not None]
    period = city.period if city is not None else (max(periods) if periods else "")
    return RugRow(info_of(info, lang), city, cells, period)


def rug_model(atlas: Atlas, codes: list[str], lang: str) -> Rug:
    """The rug of ``codes`` (known area codes): every indicator by domain, the city first;
    an empty rug when no area is chosen."""
    if not codes:
        return Rug((), ())
    rows = latest_table(atlas, codes)
    lookup: dict[tuple[str, str], Any] = {(str(r.indicator_id), str(r.area_code)): r
                                          for r in rows.itertuples(index=False)}
    names = atlas.areas()["name"]
    city_code = atlas.city_code()
    sections = tuple(RugSection(domain, with_age_rows(
        atlas, tuple(_row(info, lookup, city_code, codes, lang) for info in infos), codes, lang, _cell))
        for domain, infos in by_domain(atlas))
    if not progress(atlas).empty:
        sections = tuple(replace(s, rows=tuple(_targeted(atlas, r, codes, lang) for r in s.rows)) for s in sections)
    return Rug(tuple((c, str(names.loc[c])) for c in codes), sections)


def _targeted(atlas: Atlas, row: RugRow, codes: list[str], lang: str) -> RugRow:
    """``row`` with each cell's target (the area's own, else the city-wide one)."""
    ind = row.indicator

    def marked(cell: RugCell | None, code: str) -> RugCell | None:
        if cell is None:
            return None
        return replace(cell, target=line(atlas, ind.id, code, cell.value, lang, ind.decimals, ind.unit))

    return replace(row, city=marked(row.city, atlas.city_code()),
                   cells=tuple(marked(c, code) for c, code in zip(row.cells, codes, strict=True)))


def rug_frame(model: Rug, city_name: str) -> pd.DataFrame:
    """The rug as a long table for the CSV: one row per indicator × area (the city first),
    with period, value, interval and the comparison's key (blank for the city)."""
    rows = []
    for section in model.sections:
        for row in section.rows:
            whos = [("", city_name, row.city), *((code, name, cell) for (code, name), cell in
                                                 zip(model.areas, row.cells, strict=True))]
            name_of = f"{row.indicator.name}, {row.age}" if row.age else row.indicator.name
            rows += [{"indicator_id": row.indicator.id, "indicator": name_of, "unit": row.indicator.unit,
                      "area_code": code, "area": name, "period": cell.period if cell else "",
                      "value": cell.value if cell else None, "lower": cell.lower if cell else None,
                      "upper": cell.upper if cell else None,
                      "comparison": ("" if not code else cell.key) if cell else "no_data"}
                     for code, name, cell in whos]
    columns = ["indicator_id", "indicator", "unit", "area_code", "area", "period", "value", "lower", "upper",
               "comparison"]
    return pd.DataFrame(rows, columns=columns)


def trends_model(atlas: Atlas, codes: list[str], indicator_id: str, lang: str) -> Trends:
    names = atlas.areas()["name"]
    return Trends(indicator_info(atlas, indicator_id, lang),
                  tuple((str(names.loc[c]), series(atlas, c, indicator_id)) for c in codes),
                  series(atlas, atlas.city_code(), indicator_id))


def domain_trends(atlas: Atlas, codes: list[str], domain: str, lang: str) -> DomainTrends:
    """Every indicator of ``domain``: the chosen areas' trends against the city (one panel
    per indicator, each on its own scale)."""
    names = atlas.areas()["name"]
    infos = dict(by_domain(atlas)).get(domain, [])
    panels = tuple(IndicatorPanel(info_of(info, lang),
                                  tuple((str(names.loc[c]), series(atlas, c, str(info["id"]))) for c in codes),
                                  series(atlas, atlas.city_code(), str(info["id"])))
                   for info in infos)
    return DomainTrends(domain, panels)
