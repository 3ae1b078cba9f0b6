"""The compare page's models: the "tartan rug" (latest value of every indicator for the
chosen areas and the city) and the chosen areas' trends of one indicator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.display import comparison_keys
from dashboard.model import Atlas
from dashboard.viewmodels.catalogue import IndicatorInfo, by_domain, indicator_info, info_of
from dashboard.viewmodels.profile import series


@dataclass(frozen=True)
class RugCell:
    value: float | None
    key: str  # the comparison's swatch key (``no_data`` without a value)


@dataclass(frozen=True)
class RugRow:
    indicator: IndicatorInfo
    city: RugCell | None
    cells: tuple[RugCell | None, ...]  # one per chosen area, in their order


@dataclass(frozen=True)
class RugSection:
    domain: str
    rows: tuple[RugRow, ...]


@dataclass(frozen=True)
class Rug:
    areas: tuple[tuple[str, str], ...]  # the chosen areas: (code, name)
    sections: tuple[RugSection, ...]


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


def _cell(row: Any) -> RugCell | None:
    return None if row is None else RugCell(row.value, str(row.key))


def rug_model(atlas: Atlas, codes: list[str], lang: str) -> Rug:
    """The rug of ``codes`` (known area codes): every indicator by domain, the city first;
    an empty rug when no area is chosen."""
    if not codes:
        return Rug((), ())
    rows = latest_table(atlas, codes)
    lookup = {(r.indicator_id, r.area_code): r for r in rows.itertuples(index=False)}
    names = atlas.areas()["name"]
    city_code = atlas.city_code()
    sections = tuple(
        RugSection(domain, tuple(
            RugRow(info_of(info, lang), _cell(lookup.get((str(info["id"]), city_code))),
                   tuple(_cell(lookup.get((str(info["id"]), c))) for c in codes))
            for info in infos))
        for domain, infos in by_domain(atlas))
    return Rug(tuple((c, str(names.loc[c])) for c in codes), sections)


def trends_model(atlas: Atlas, codes: list[str], indicator_id: str, lang: str) -> Trends:
    names = atlas.areas()["name"]
    return Trends(indicator_info(atlas, indicator_id, lang),
                  tuple((str(names.loc[c]), series(atlas, c, indicator_id)) for c in codes),
                  series(atlas, atlas.city_code(), indicator_id))
