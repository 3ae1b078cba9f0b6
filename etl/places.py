"""Resources and arenas as places (``[[places]]``, docs/config.md): read, checked,
reprojected to WGS 84, joined to the city's areas, and counted into indicators.

``read_places`` is the one entry (called by ``etl.programme_inputs``): it reads every
block's file (``etl.places_read``), checks every place (``etl.places_check``), finds the
area each point lies in (a point outside every area is kept with ``area_code`` None and
reported in one warning), and computes per category the number of places per area and
per 1,000 residents (``etl.places_indicators``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl.catalogue_columns import LANG_NAMES
from etl.config import CityConfig
from etl.errors import Problem, excerpt
from etl.places_check import checked_points, duplicates
from etl.places_config import place_categories
from etl.places_indicators import count_id, place_catalogue, place_values, rate_id
from etl.places_read import read_points
from etl.readers import display_name
from store.programme_read import PROGRAMME_COLUMNS
from store.read import VALUE_COLUMNS

Say = Callable[[str], None]
SHOWN = 5  # places named in the warning about points outside every area


@dataclass(frozen=True)
class PlacesRead:
    """What the ``[[places]]`` blocks give a load."""

    place_categories: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=PROGRAMME_COLUMNS["place_categories"]))
    places: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROGRAMME_COLUMNS["places"]))
    catalogue: pd.DataFrame | None = None
    values: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VALUE_COLUMNS))
    problems: list[Problem] = field(default_factory=list)
    rows: dict[Path, int] = field(default_factory=dict)


def latest_period(values: pd.DataFrame) -> str | None:
    """The latest single year among the tables' periods (None when there is none)."""
    periods = [str(p) for p in pd.unique(values["period"].astype(str))] if len(values) else []
    years = [p for p in periods if re.fullmatch(r"\d{4}", p)]
    return max(years) if years else None


def _untranslated(cfg: CityConfig, config_file: str) -> list[Problem]:
    return [
        Problem(config_file, f"{b.label} category {excerpt(code)} has no {LANG_NAMES[lang]} name; "
                f"the English name {excerpt(b.categories[code]['en'])} is shown instead",
                f"add {lang} = \"...\" to {code} in [places.categories]", column=f"categories.{code}",
                severity="warning")
        for b in cfg.places for code, lang in b.untranslated
    ]


def _joined(points: pd.DataFrame, areas: gpd.GeoDataFrame) -> pd.Series:
    """The code of the area each point lies in (None outside every area)."""
    if points.empty:
        return pd.Series([], dtype=object)
    geo = gpd.GeoDataFrame(points[[]], geometry=gpd.points_from_xy(points["lon"], points["lat"]),
                           crs="EPSG:4326")
    districts = areas.loc[areas["level"] != "city", ["code", "geometry"]].to_crs("EPSG:4326")
    hits = gpd.sjoin(geo, districts, how="left", predicate="intersects")
    first = hits[~hits.index.duplicated(keep="first")]["code"]  # a point on a shared border
    return first.reindex(points.index).astype(object).where(first.notna(), None)


def _outside(places: pd.DataFrame) -> list[Problem]:
    out = places[places["area_code"].isna()]
    if out.empty:
        return []
    shown = "; ".join(f"{excerpt(r.name)} ({r.file} row {r.row}: lon {r.lon:.5f}, lat {r.lat:.5f})"
                      for r in out.head(SHOWN).itertuples())
    more = f" and {len(out) - SHOWN} more" if len(out) > SHOWN else ""
    return [Problem(
        "[[places]]", f"{len(out)} place(s) lie outside every area: {shown}{more}; they are kept on "
        "the map but counted in no area", "check their coordinates (and crs), or leave them if they "
        "serve the city from outside", severity="warning")]


def _periods(cfg: CityConfig, places: pd.DataFrame, default: str | None, config_file: str
             ) -> tuple[dict[str, str], list[Problem]]:
    """The period of each category's indicators, and conflicts (one period per category)."""
    by_block = {b.number: b.period or default for b in cfg.places}
    if any(p is None for p in by_block.values()):
        return {}, [Problem(config_file, "[[places]] has no period and the tables have no yearly "
                            "period to take", "add period = 2024 (the year the register describes) "
                            "to each [[places]] block", column="period")]
    periods: dict[str, str] = {}
    problems = []
    for code in place_categories(cfg.places):
        blocks = sorted(set(places.loc[places["category"] == code, "block"]))
        found = sorted({str(by_block[b]) for b in blocks}) or [str(by_block[cfg.places[0].number])]
        if len(found) > 1:
            problems.append(Problem(config_file, f"category {excerpt(code)} comes from [[places]] "
                                    f"blocks of different periods ({', '.join(found)})",
                                    "give those blocks the same period", column="period"))
        periods[code] = found[-1]
    return periods, problems


def _catalogue(known: dict[str, dict[str, str]], periods: dict[str, str], files: str,
               catalogue: pd.DataFrame, config_file: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    frames = [place_catalogue({code: names}, periods[code], files, 100_000 + 2 * i)
              for i, (code, names) in enumerate(known.items())]
    rows = pd.concat(frames) if frames else None
    taken = set(catalogue["id"].astype(str)) if len(catalogue) else set()
    problems = [
        Problem(config_file, f"the indicator {excerpt(ind)} computed from the places of category "
                f"{excerpt(code)} is also in the catalogue", "remove it from the catalogue (the load "
                "computes it), or rename the category", column="categories", value=ind)
        for code in known for ind in (count_id(code), rate_id(code)) if ind in taken
    ]
    return rows, problems


def read_places(cfg: CityConfig, areas: gpd.GeoDataFrame, catalogue: pd.DataFrame,
                values: pd.DataFrame, say: Say) -> PlacesRead:
    """Every place of ``cfg.places`` with its area, the categories, the computed indicators'
    catalogue rows and values, and every problem found."""
    if not cfg.places:
        return PlacesRead()
    config_file = display_name(cfg.source, cfg.source.parent)
    known = place_categories(cfg.places)
    problems = _untranslated(cfg, config_file)
    districts = areas[areas["level"] != "city"]
    if districts.empty:  # the boundaries could not be read: nothing to place the points in
        return PlacesRead(problems=problems)
    box = tuple(float(v) for v in districts.to_crs("EPSG:4326").total_bounds)
    frames, rows = [], {}
    for block in cfg.places:
        file = display_name(block.path, cfg.source.parent)
        points = read_points(block, file)
        rows[block.path] = len(points.frame)
        frame, found = checked_points(block, file, points, known, box)  # type: ignore[arg-type]
        problems += found
        frames.append(frame.assign(file=file, block=block.number))
    places = pd.concat(frames, ignore_index=True)
    problems += duplicates(places)
    places["area_code"] = _joined(places, areas)
    problems += _outside(places)
    periods, period_problems = _periods(cfg, places, latest_period(values), config_file)
    problems += period_problems
    out = PlacesRead(problems=problems, rows=rows)
    if period_problems:
        return out
    files = ", ".join(dict.fromkeys(display_name(b.path, cfg.source.parent) for b in cfg.places))
    cat_rows, cat_problems = _catalogue(known, periods, files, catalogue, config_file)
    computed = [place_values(places[places["category"] == code], {code: names}, areas, cfg.code,
                             periods[code]) for code, names in known.items()]
    categories = pd.DataFrame(
        [{"code": code, "position": i + 1, **{f"name_{lang}": names[lang] for lang in names}}
         for i, (code, names) in enumerate(known.items())])[PROGRAMME_COLUMNS["place_categories"]]
    stored = places.assign(id=range(1, len(places) + 1))[PROGRAMME_COLUMNS["places"]]
    inside = int(places["area_code"].notna().sum())
    say(f"Places: {len(places)} read from {len(cfg.places)} file(s) in {len(known)} categories; "
        f"{inside} inside the areas, {len(places) - inside} outside.")
    return PlacesRead(categories, stored, cat_rows, pd.concat(computed, ignore_index=True),
                      problems + cat_problems, rows)
