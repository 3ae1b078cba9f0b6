"""The map page's model and its panels: the area frame, legend, text alternative, lists.

:func:`map_state` is the one function the map callback needs: from a selection
to the figure (whole, or a Patch of values only when the browser already holds
the geometry of this load batch) and every panel beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dash
import numpy as np
import pandas as pd
from dash import dcc, html

import settings
from dashboard.classify import classify
from dashboard.display import aria, comparison_keys, number_format, unit_suffix, value_text
from dashboard.figures.choropleth import MapSpec, map_figure, map_patch
from dashboard.model import Atlas
from dashboard.selection import Selection
from dashboard.urls import area_path, href, indicator_path
from presentation import palette
from presentation.i18n import indicator_name, t
from presentation.numbers import format_interval, format_number


@dataclass(frozen=True)
class MapModel:
    frame: pd.DataFrame  # code, name, value, lower, upper, comparison, klass
    spec: MapSpec
    indicator_id: str
    title: str
    period: str
    counts: dict[Any, int]
    class_labels: tuple[str, ...]


def geo_url(atlas: Atlas) -> str:
    path = f"/geo/{atlas.version() or 0}.geojson"
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


def slice_frame(atlas: Atlas, indicator_id: str, period: str, sex: str) -> tuple[pd.DataFrame, float | None]:
    """Every mapped area (in the atlas's order) with its value, interval and comparison key,
    and the city value; memoized per load batch."""

    def build() -> tuple[pd.DataFrame, float | None]:
        areas = atlas.areas()
        rows = atlas.slice(indicator_id, period, sex)
        codes = rows["area_code"].astype(str)
        city_row = rows[codes == atlas.city_code()]
        rows = rows[(rows["level"] != "city").to_numpy()]
        rows = rows.set_index(rows["area_code"].astype(str)).reindex(areas.index)
        frame = pd.DataFrame({
            "code": areas.index.to_numpy(), "name": areas["name"].to_numpy(),
            "value": rows["value"].to_numpy(dtype=float), "lower": rows["lower_ci95"].to_numpy(dtype=float),
            "upper": rows["upper_ci95"].to_numpy(dtype=float),
            "compared_to_city": rows["compared_to_city"].to_numpy(dtype=object),
        })
        frame["comparison"] = comparison_keys(frame)
        city = city_row["value"].iloc[0] if len(city_row) else None
        return frame, (None if city is None or pd.isna(city) else float(city))

    return atlas.cached(("map-slice", indicator_id, period, sex), build)


def map_model(atlas: Atlas, sel: Selection) -> MapModel:
    """Every area with its value, interval, comparison and value class for ``sel``."""
    cat: Any = atlas.catalogue().loc[sel.indicator_id]
    base, city_value = slice_frame(atlas, str(sel.indicator_id), str(sel.period), sel.sex)
    values = base["value"].to_numpy()
    classes = _classes(atlas, sel, values)
    frame = base.assign(klass=classes.assign(values) if classes.k else -1)
    decimals, unit = number_format(cat, sel.lang)
    spec = MapSpec(
        lang=sel.lang, colouring=sel.colouring, decimals=decimals, unit=unit,
        city_value=city_value,
        class_colours=tuple(palette.class_colours(classes.k, str(cat["polarity"]))) if classes.k else (),
        prioritized=tuple(atlas.prioritized().index), tile_url=settings.get("WELLBEING_TILE_URL"),
    )
    counts = atlas.cached(("map-counts", sel.indicator_id, sel.period, sel.sex),
                          lambda: base["comparison"].value_counts().to_dict())
    return MapModel(frame, spec, str(sel.indicator_id), indicator_name(cat, sel.lang), str(sel.period), counts,
                    class_labels(classes.bins, classes.lower, sel.lang, decimals) if classes.k else ())


def map_output(atlas: Atlas, model: MapModel, loaded_version: Any) -> tuple[Any, int | None]:
    """A whole figure, or a Patch of the traces when the browser has this batch's geometry."""
    version = atlas.version()
    url = geo_url(atlas)
    if loaded_version is not None and loaded_version == version:
        return map_patch(model.frame, model.spec, url), version
    return map_figure(model.frame, model.spec, url, atlas.display_geometry().bounds), version


def _swatch(fill: str, symbol: str = "", outline: bool = False) -> html.Span:
    style = {"background": fill}
    if outline:
        style = {"background": "transparent", "border": f"2.5px solid {palette.PRIORITIZED_OUTLINE}"}
    return html.Span(symbol, className="swatch", style={**style, "color": palette.readable_text(fill)
                                                        if not outline else palette.INK},
                     **aria(hidden="true"))


def legend(model: MapModel) -> list[Any]:
    """The legend: title with period and unit, one line per colour (symbol + words + count)."""
    spec, lang = model.spec, model.spec.lang
    items: list[Any] = []
    if spec.colouring == "classes":
        for colour, label in zip(spec.class_colours, model.class_labels, strict=True):
            items.append(html.Li([_swatch(colour), html.Span(label + unit_suffix(spec.unit, lang))]))
    else:
        for key in palette.MAP_ORDER[:-1]:
            if model.counts.get(key):
                sw = palette.COMPARISON[key]
                items.append(html.Li([_swatch(sw.fill, sw.symbol), html.Span(t(f"cmp.{key}", lang)),
                                      html.Span(str(model.counts[key]), className="legend-count")]))
    if model.counts.get("no_data"):
        sw = palette.COMPARISON["no_data"]
        items.append(html.Li([_swatch(sw.fill, sw.symbol), html.Span(t("cmp.no_data", lang)),
                              html.Span(str(model.counts["no_data"]), className="legend-count")]))
    if spec.prioritized:
        items.append(html.Li([_swatch("", outline=True), html.Span(t("legend.prioritized", lang))]))
    unit = f" ({spec.unit})" if spec.unit else ""
    return [
        html.H3(t("legend.title", lang, indicator=model.title, period=model.period) + unit,
                className="legend-title"),
        html.P(t("legend.city_value", lang,
                 value=value_text(spec.city_value, lang, spec.decimals, spec.unit)),
               className="legend-city"),
        html.Ul(items, className="legend-items"),
        dcc.Link(t("map.ranked_link", lang) + " →", className="legend-link",
                 href=href(indicator_path(model.indicator_id), lang, period=model.period)),
    ]


def alt_text(model: MapModel) -> str:
    c = model.counts
    return t("map.alt", model.spec.lang, n=len(model.frame), indicator=model.title,
             period=model.period, better=c.get("better", 0) + c.get("much_better", 0),
             similar=c.get("similar", 0), worse=c.get("worse", 0) + c.get("much_worse", 0))


def prioritized_list(model: MapModel, sel: Selection) -> Any:
    """The prioritized areas with this indicator's value and comparison, each a link."""
    frame: Any = model.frame.set_index("code")
    codes = model.spec.prioritized
    if not codes:
        return html.P(t("map.prioritized.none", sel.lang), className="muted")
    items = []
    for code in codes:
        row = frame.loc[code]
        sw = palette.COMPARISON[row["comparison"]]
        value = value_text(row["value"], sel.lang, model.spec.decimals, model.spec.unit)
        ci = format_interval(row["lower"], row["upper"], sel.lang, model.spec.decimals)
        items.append(html.Li(dcc.Link([
            html.Span(row["name"], className="prio-name"),
            html.Span([
                html.Span([html.Span(value, className="prio-value"),
                           html.Span(f" ({ci})" if ci != "–" else "", className="prio-ci")]),
                html.Span(f"{sw.symbol} {t('cmp.' + row['comparison'], sel.lang)}",
                          className="chip", style={"background": sw.fill, "color": sw.text}),
            ], className="prio-meta"),
        ], href=href(area_path(code), sel.lang, indicator=sel.indicator_id),
            className="prio-link", id={"type": "map-prio-link", "code": code})))
    return html.Ul(items, className="prio-list")
