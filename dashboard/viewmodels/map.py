"""The map page's model: every area's value, interval, comparison and value class for a
selection, and the figure (whole, or a Patch of values only when the browser already holds
the geometry of this load batch)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dash
import numpy as np
import pandas as pd

import settings
from dashboard.classify import classify
from dashboard.display import comparison_keys, number_format
from dashboard.figures.choropleth import MapSpec, map_figure, map_patch
from dashboard.model import Atlas
from dashboard.selection import Selection
from dashboard.urls import geometry_path
from dashboard.viewmodels.ages import age_label
from dashboard.viewmodels.comparator import Comparator, comparator_of, judged
from dashboard.viewmodels.targets import TargetLine, indicator_lines
from presentation import palette
from presentation.i18n import indicator_name, t
from presentation.numbers import format_number


@dataclass(frozen=True)
class MapModel:
    frame: pd.DataFrame  # code, name, value, lower, upper, comparator_value, comparison, klass
    spec: MapSpec
    indicator_id: str
    title: str
    period: str
    counts: dict[Any, int]
    class_labels: tuple[str, ...]
    comparator: Comparator
    targets: tuple[tuple[str, TargetLine], ...] = ()  # (whose name, line): the city's first


def geo_url(atlas: Atlas) -> str:
    path = geometry_path(atlas.version())
    try:
        return str(dash.get_relative_path(path))
    except Exception:  # no running app (plain-function use): the bare path
        return path


def _classes(atlas: Atlas, sel: Selection, values: np.ndarray) -> Any:
    key = ("classes", sel.indicator_id, sel.period, sel.sex, sel.scheme)
    return atlas.cached(key, lambda: classify(values, sel.scheme))


def class_labels(bounds: tuple[float, ...], lower: float, lang: str, decimals: int) -> tuple[str, ...]:
    edges = (lower, *bounds)
    return tuple(
        f"{format_number(edges[i], lang, decimals)}–{format_number(edges[i + 1], lang, decimals)}"
        for i in range(len(bounds))
    )


def headline_cell(atlas: Atlas, indicator_id: str, period: str, sex: str,
                  age_group: str | None = None) -> pd.DataFrame:
    """The whole rows of one cell at ``age_group``, else the indicator's headline age group
    (what the map shows by default)."""
    age = age_group or atlas.age_groups().get(indicator_id)
    if age is None:  # no headline age group: no rows on the map (the slice is empty)
        return atlas.slice(indicator_id, period, sex)
    return atlas.cell(indicator_id, period, sex, str(age))


def slice_frame(atlas: Atlas, indicator_id: str, period: str, sex: str,
                comparator: str = "city", age_group: str | None = None) -> tuple[pd.DataFrame, float | None]:
    """Every mapped area (in the atlas's order) with its value, interval, comparator value
    and comparison key against ``comparator``, and the city value; memoized per load batch."""

    def build() -> tuple[pd.DataFrame, float | None]:
        areas = atlas.areas()
        rows = judged(atlas, headline_cell(atlas, indicator_id, period, sex, age_group), comparator)
        codes = rows["area_code"].astype(str)
        city_row = rows[codes == atlas.city_code()]
        rows = rows[(rows["level"] != "city").to_numpy()]
        rows = rows.set_index(rows["area_code"].astype(str)).reindex(areas.index)
        frame = pd.DataFrame({
            "code": areas.index.to_numpy(), "name": areas["name"].to_numpy(),
            "value": rows["value"].to_numpy(dtype=float), "lower": rows["lower_ci95"].to_numpy(dtype=float),
            "upper": rows["upper_ci95"].to_numpy(dtype=float),
            "comparator_value": rows["comparator_value"].to_numpy(dtype=float),
            "compared_to_city": rows["compared_to_comparator"].to_numpy(dtype=object),
        })
        frame["comparison"] = comparison_keys(frame)
        city = city_row["value"].iloc[0] if len(city_row) else None
        return frame, (None if city is None or pd.isna(city) else float(city))

    return atlas.cached(("map-slice", indicator_id, period, sex, comparator, age_group), build)


def map_model(atlas: Atlas, sel: Selection) -> MapModel:
    """Every area with its value, interval, comparison and value class for ``sel``."""
    cat: Any = atlas.catalogue().loc[sel.indicator_id]
    base, city_value = slice_frame(atlas, str(sel.indicator_id), str(sel.period), sel.sex, sel.comparator,
                                   sel.age_group)
    comparator = comparator_of(atlas, sel.comparator, sel.lang)
    values = base["value"].to_numpy()
    classes = _classes(atlas, sel, values)
    frame = base.assign(klass=classes.assign(values) if classes.k else -1)
    decimals, unit = number_format(cat, sel.lang)
    spec = MapSpec(
        lang=sel.lang, colouring=sel.colouring, decimals=decimals, unit=unit,
        city_value=city_value,
        class_colours=tuple(palette.class_colours(classes.k, str(cat["polarity"]))) if classes.k else (),
        prioritized=tuple(atlas.prioritized().index), tile_url=settings.get("WELLBEING_TILE_URL"),
        comparator=comparator.value, comparator_label=comparator.label, comparator_phrase=comparator.phrase,
    )
    counts = atlas.cached(("map-counts", sel.indicator_id, sel.period, sel.sex, sel.comparator, sel.age_group),
                          lambda: base["comparison"].value_counts().to_dict())
    return MapModel(frame, spec, str(sel.indicator_id), map_title(cat, sel), str(sel.period), counts,
                    class_labels(classes.bins, classes.lower, sel.lang, decimals) if classes.k else (),
                    comparator, indicator_lines(atlas, str(sel.indicator_id), sel.sex, sel.lang, decimals, unit))


def map_title(cat: Any, sel: Selection) -> str:
    """The indicator's name, with the sex shown when it is not everyone and the age group
    when it is not the headline one ("Arbetslöshet, kvinnor, 16–24 år"): title, legend and
    text alternative all say whose figures these are."""
    name = indicator_name(cat, sel.lang)
    if sel.sex != "total":
        name = f"{name}, {t('sex.' + sel.sex, sel.lang).lower()}"
    if sel.age_group:  # not the headline age group: say which ages
        label = age_label(sel.age_group, str(cat["value_type"]), sel.lang)
        words = f"{t('col.age', sel.lang).lower()} {label}" if label == sel.age_group else label.lower()
        name = f"{name}, {words}"
    return name


def map_output(atlas: Atlas, model: MapModel, loaded_version: Any) -> tuple[Any, int | None]:
    """A whole figure, or a Patch of the traces when the browser has this batch's geometry."""
    version = atlas.version()
    url = geo_url(atlas)
    if loaded_version is not None and loaded_version == version:
        return map_patch(model.frame, model.spec, url), version
    return map_figure(model.frame, model.spec, url, atlas.display_geometry().bounds), version
