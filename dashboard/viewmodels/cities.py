"""The country level of a many-city store (/cities): each municipality's own value of an
indicator beside its country's, judged by the registry (``compared_to_national``), from
``dashboard.registry.Cities`` (``current_registry().read()``) and one indicator's values at a
time (``current_registry().values(indicator_id)``).

One value per municipality: the chosen indicator, period and sex at the indicator's
headline age group (the age group most municipalities report, ``all`` preferred).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import dash
import pandas as pd
import shapely

from dashboard.registry import Cities
from dashboard.viewmodels.choices import DomainGroup
from presentation import palette
from presentation.i18n import catalogue_field, city_name, domain_name, indicator_name, unit_label

SORTS = ("name", "comparison", "high", "low")
SEXES = ("total", "female", "male")
TINY = 0.02  # of the map's span: an outline smaller than this gets a dot
DEFAULT_TRIES = 8  # indicators whose values the default's search reads at most
VALUE_COLUMNS = ["slug", "indicator_id", "period", "sex", "age_group", "value", "lower_ci", "upper_ci",
                 "national_value", "compared_to_national"]
ValuesOf = Callable[[str], pd.DataFrame]


@dataclass(frozen=True)
class Label:
    """Where a municipality's name goes on the map: a point inside its outline."""

    slug: str
    lon: float
    lat: float
    tiny: bool  # too small to see at the map's scale: marked with a dot


@dataclass(frozen=True)
class CityRow:
    """One municipality: its value of the chosen cell beside its country's."""

    slug: str
    name: str
    value: float | None
    lower: float | None
    upper: float | None
    national_value: float | None
    national_name: str  # the country in the page's language ("" when the city has none)
    comparison: str  # a key of palette.COMPARISON: the registry's judgement, no_data, not_compared
    areas: int | None
    loaded_at: Any  # a timestamp, None when unknown


@dataclass(frozen=True)
class CitiesModel:
    lang: str
    indicator_id: str | None  # None: the registry lists no indicator
    indicator: str  # its name in the page's language
    unit: str
    decimals: int
    menu: tuple[DomainGroup, ...]
    periods: tuple[str, ...]
    period: str | None
    sexes: tuple[str, ...]
    sex: str
    age_group: str | None
    several_ages: bool  # the indicator's values come in several age groups (the page says which)
    sort: str
    rows: tuple[CityRow, ...]  # every municipality of the registry, in ``sort`` order
    outlines: tuple[tuple[str, dict[str, Any]], ...]  # (slug, GeoJSON geometry)
    labels: tuple[Label, ...]  # where each outline's name goes
    bounds: tuple[float, float, float, float] | None  # lon/lat of every outline

    @property
    def counts(self) -> dict[str, int]:
        """How many municipalities fall in each comparison outcome."""
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.comparison] = counts.get(row.comparison, 0) + 1
        return counts

    @property
    def countries(self) -> tuple[str, ...]:
        """The countries the municipalities are compared with (most stores: one)."""
        return tuple(dict.fromkeys(r.national_name for r in self.rows if r.national_name))


def is_many_city(cities: Cities) -> bool:
    return len(cities.cities) > 0


def cities_model(cities: Cities, values_of: ValuesOf, params: dict[str, Any], lang: str) -> CitiesModel:
    """The page's model for the URL's (or the controls') choice; unknown choices fall back.
    ``values_of``: one indicator's values of every municipality (``Registry.values``)."""
    indicators = _memo(cities, "indicators", lambda: _indicators(cities.indicators))
    menu = _memo(cities, f"menu-{lang}", lambda: _menu(indicators, lang))
    indicator_id = _pick(params.get("indicator"), list(indicators), None) or default_indicator(cities, values_of)
    mine = values_of(indicator_id) if indicator_id else pd.DataFrame()
    if not len(mine):
        mine = pd.DataFrame(columns=VALUE_COLUMNS)
    periods, period, sexes, sex, age, cell = choose_cell(mine, params)
    info = indicators.get(indicator_id or "", {})
    sort = _pick(params.get("sort"), list(SORTS), "name") or "name"
    rows = sort_rows(_rows(cities.cities, cell, lang), sort)
    return CitiesModel(
        lang=lang, indicator_id=indicator_id, indicator=indicator_name(info, lang) if info else "",
        unit=unit_label(str(info.get("unit") or ""), lang), decimals=_decimals(info.get("decimals")),
        menu=menu, periods=periods, period=period, sexes=sexes, sex=sex, age_group=age,
        several_ages=mine["age_group"].nunique() > 1, sort=sort, rows=rows,
        outlines=(shapes := _shapes(cities))[0], labels=shapes[1], bounds=_bounds(cities.cities))


def _memo(cities: Cities, key: str, make: Callable[[], Any]) -> Any:
    """What ``make`` derives from the registry's state, made once per state."""
    found = cities.memo.get(key)
    if found is None:
        found = cities.memo[key] = make()
    return found


def outlines_collection(outlines: Sequence[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Municipalities' outlines as a GeoJSON FeatureCollection, keyed by ``id`` (the slug)."""
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "id": slug, "properties": {}, "geometry": shape}
                         for slug, shape in outlines]}


def outlines_token(cities: Cities) -> str:
    """A name for the registry's state: in the outlines' URL, which browsers keep forever."""
    return hashlib.sha256(repr(cities.state).encode()).hexdigest()[:16]


def outlines_url(cities: Cities) -> str:
    """Where the browser fetches every municipality's outline (``dashboard.app``)."""
    path = f"/geo/cities-{outlines_token(cities)}.geojson"
    try:
        return str(dash.get_relative_path(path))
    except Exception:  # no running app (plain-function use): the bare path
        return path


def outlines_body(cities: Cities) -> bytes:
    """The outlines' GeoJSON, made once per state of the registry."""
    return _memo(cities, "geojson", lambda: json.dumps(
        outlines_collection(_shapes(cities)[0]), separators=(",", ":")).encode())  # type: ignore[no-any-return]


def _shapes(cities: Cities) -> tuple[tuple[tuple[str, dict[str, Any]], ...], tuple[Label, ...]]:
    """The outlines, parsed, and where their names go: once per state of the registry."""
    found = cities.memo.get("shapes")
    if found is None:
        outlines = _outlines(cities.cities)
        found = cities.memo["shapes"] = (outlines, _labels(outlines, _bounds(cities.cities)))
    return found  # type: ignore[no-any-return]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in record.items()} for record in frame.to_dict("records")]


def _pick(value: Any, allowed: list[str], default: str | None) -> str | None:
    text = value.strip() if isinstance(value, str) else None
    return text if text in allowed else default


def _indicators(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Each indicator once, as the first city that has it describes it (the registry is
    ordered by city), with ``id`` for the catalogue's helpers."""
    first = frame.drop_duplicates("indicator_id", keep="first")
    return {str(record["indicator_id"]): {**record, "id": str(record["indicator_id"])}
            for record in _records(first)}


def _menu(indicators: dict[str, dict[str, Any]], lang: str) -> tuple[DomainGroup, ...]:
    """The indicators by domain (domains in order of first appearance), names sorted."""
    domains: dict[str, list[tuple[str, str]]] = {}
    for ind_id, info in indicators.items():
        domains.setdefault(str(info.get("domain") or ""), []).append((ind_id, indicator_name(info, lang)))
    return tuple(DomainGroup(d, domain_name(d, lang), tuple(sorted(items, key=lambda i: i[1].casefold())))
                 for d, items in domains.items())


def choose_cell(values: pd.DataFrame, params: dict[str, Any]) -> tuple[
        tuple[str, ...], str | None, tuple[str, ...], str, str | None, pd.DataFrame]:
    """Of one indicator's values: its periods, the period (asked, else the latest), its
    sexes, the sex (asked, else total), the headline age group, and that cell's rows."""
    periods = tuple(sorted(values["period"].astype(str).unique()))
    period = _pick(params.get("period"), list(periods), periods[-1] if periods else None)
    present = set(values["sex"].astype(str))
    sexes = tuple(s for s in (*SEXES, *sorted(present - set(SEXES))) if s in present)
    sex = _pick(params.get("sex"), list(sexes), "total" if "total" in sexes or not sexes else sexes[0]) or "total"
    age = headline_age(values)
    cell = values[(values["period"] == period) & (values["sex"] == sex) & (values["age_group"] == age)]
    return periods, period, sexes, sex, age, cell


def default_indicator(cities: Cities, values_of: ValuesOf) -> str | None:
    """Of the indicators most municipalities have (then by id), the first of the first few
    that compares a municipality with its country in its latest period (so the page does not
    open on a grey map); else the first of them."""
    if not len(cities.indicators):
        return None
    held = cities.indicators.groupby("indicator_id")["slug"].nunique()
    ranked = sorted(held.index.astype(str), key=lambda i: (-int(held[i]), i))
    for ind_id in ranked[:DEFAULT_TRIES]:
        values = values_of(ind_id)
        if not len(values):
            continue
        cell = choose_cell(values, {})[-1]  # what the page opens on
        if (cell["compared_to_national"].notna() & cell["value"].notna()).any():
            return ind_id
    return ranked[0]


def headline_age(values: pd.DataFrame) -> str | None:
    """The age group most municipalities report for an indicator (``all`` on a tie, else the
    first by name); None when it has no values."""
    if not len(values):
        return None
    cities = values.groupby("age_group")["slug"].nunique()
    best = cities.max()
    tied = sorted(str(a) for a in cities[cities == best].index)
    return "all" if "all" in tied else tied[0]


def _decimals(value: Any) -> int:
    return 1 if value is None or pd.isna(value) else int(value)


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def comparison_key(value: Any, judged: Any) -> str:
    """The swatch of a municipality: no value → ``no_data``; no (known) judgement against
    the country → ``not_compared``; else the registry's word."""
    if _number(value) is None:
        return "no_data"
    if isinstance(judged, str) and judged in palette.COMPARISON:
        return judged
    return "not_compared"


def country_names(cities: list[dict[str, Any]], lang: str) -> dict[str, str]:
    """Each country (by its code) under one name, the first city's (cities may name their
    comparator differently: "Szwecja", "Sweden"), so that the page names one country once."""
    names: dict[str, str] = {}
    for city in cities:
        code, name = city.get("national_code"), catalogue_field(city, "national_name", lang)
        if isinstance(code, str) and name:
            names.setdefault(code, name)
    return names


def _rows(cities: pd.DataFrame, cell: pd.DataFrame, lang: str) -> list[CityRow]:
    by_slug = {str(r["slug"]): r for r in _records(cell)}
    records = _records(cities)
    countries = country_names(records, lang)
    rows = []
    for city in records:
        slug = str(city["slug"])
        found = by_slug.get(slug, {})
        national = _number(found.get("national_value"))
        rows.append(CityRow(
            slug=slug, name=city_name(city, lang) or slug, value=_number(found.get("value")),
            lower=_number(found.get("lower_ci")), upper=_number(found.get("upper_ci")),
            national_value=national,
            national_name=countries.get(str(city.get("national_code")), "")
            or catalogue_field(city, "national_name", lang),
            comparison=comparison_key(found.get("value"), found.get("compared_to_national")),
            areas=None if pd.isna(city.get("areas")) else int(city["areas"]),
            loaded_at=None if pd.isna(city.get("loaded_at")) else city["loaded_at"]))
    return rows


def sort_rows(rows: list[CityRow], sort: str) -> tuple[CityRow, ...]:
    """By name; by comparison (best first, in the map legend's order); by value (either
    way). Municipalities without a value come last, by name."""
    by_name = sorted(rows, key=lambda r: r.name.casefold())
    if sort == "name":
        return tuple(by_name)
    valued = [r for r in by_name if r.value is not None]
    rest = [r for r in by_name if r.value is None]
    if sort == "comparison":
        valued.sort(key=lambda r: palette.MAP_ORDER.index(r.comparison))
    else:
        valued.sort(key=lambda r: float(r.value or 0.0), reverse=sort == "high")
    return (*valued, *rest)


def _outlines(cities: pd.DataFrame) -> tuple[tuple[str, dict[str, Any]], ...]:
    out = []
    for slug, outline in zip(cities["slug"], cities["outline"], strict=True):
        if isinstance(outline, str) and outline.strip():
            out.append((str(slug), json.loads(outline)))
    return tuple(out)


def _labels(outlines: tuple[tuple[str, dict[str, Any]], ...],
            bounds: tuple[float, float, float, float] | None) -> tuple[Label, ...]:
    """A point inside each outline; ``tiny`` when the outline is under ``TINY`` of the view's
    span (the map marks it with a dot, or it could not be seen)."""
    span = max(bounds[2] - bounds[0], bounds[3] - bounds[1]) if bounds else 0.0
    labels = []
    for slug, shape in outlines:
        geometry = shapely.geometry.shape(shape)
        x0, y0, x1, y1 = geometry.bounds
        point = geometry.representative_point()
        labels.append(Label(slug, float(point.x), float(point.y), max(x1 - x0, y1 - y0) < TINY * span))
    return tuple(labels)


def _bounds(cities: pd.DataFrame) -> tuple[float, float, float, float] | None:
    box = cities[["min_x", "min_y", "max_x", "max_y"]].apply(pd.to_numeric, errors="coerce").dropna()
    if not len(box):
        return None
    return (float(box["min_x"].min()), float(box["min_y"].min()),
            float(box["max_x"].max()), float(box["max_y"].max()))
