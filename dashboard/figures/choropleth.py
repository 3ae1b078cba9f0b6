"""The map: a choropleth of areas, by comparison with the city or by value classes.

Pure builders: a frame of areas in, a Plotly figure (or the parts of one) out.
The geometry is referenced by URL (served once per load batch, see
store/display_geometry.py), so a figure carries only codes, values and labels.
There is one trace per comparison outcome, so the hover text names the
outcome without repeating it per area, and a last trace outlines the
prioritized areas.

Frame columns: ``code, name, value, lower, upper, comparison, klass`` where
``comparison`` is a key of ``palette.COMPARISON`` and ``klass`` the value class
(-1 when there is no value).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from dash import Patch

from dashboard.display import compared_text, unit_suffix
from dashboard.figures.text import plain
from presentation import palette
from presentation.i18n import t
from presentation.numbers import MISSING, format_number, style

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class MapSpec:
    """How to draw one map: colouring, classes, units and words."""

    lang: str
    colouring: str  # "comparison" | "classes"
    decimals: int = 1
    unit: str = ""
    city_value: float | None = None
    class_colours: tuple[str, ...] = ()
    prioritized: tuple[str, ...] = ()
    tile_url: str = ""
    comparator: str = "city"  # what the outcomes are judged against (dashboard.selection)
    comparator_label: str = ""  # its name on its own ("Sweden"), for the hover's value line
    comparator_phrase: str = ""  # its name inside a sentence ("the rest of the city")


def _nan_to_none(values: np.ndarray, decimals: int) -> list[Any]:
    rounded = np.round(values.astype(float), decimals)  # hover shows `decimals`; round once
    return [None if v != v else v for v in rounded.tolist()]  # NaN is not equal to itself


def _hovertemplate(spec: MapSpec, key: str) -> str:
    d = spec.decimals
    unit = plain(unit_suffix(spec.unit, spec.lang))
    swatch = palette.COMPARISON[key]
    head = "<b>%{customdata[0]}</b><br>"
    if key == "no_data":
        return head + t("cmpl.no_data", spec.lang) + "<extra></extra>"
    city = format_number(spec.city_value, spec.lang, d)
    against = f"{t('hover.city', spec.lang)}: {city}{unit}<br>"
    if spec.comparator != "city":  # the comparator's value differs by area (the rest, a parent)
        against += f"{plain(spec.comparator_label)}: %{{customdata[4]}}<br>"
    outcome = compared_text(key, spec.lang, spec.comparator, plain(spec.comparator_phrase))
    return (
        head
        + f"{t('hover.value', spec.lang)}: %{{customdata[1]:,.{d}f}}{unit}"
        + f" ({t('ci95', spec.lang)} %{{customdata[2]:,.{d}f}}–%{{customdata[3]:,.{d}f}})<br>"
        + against
        + f"{swatch.symbol} {outcome}"
        + "<extra></extra>"
    )


def _comparator_texts(values: np.ndarray, spec: MapSpec) -> list[str]:
    """The comparator's value per area as the hover prints it (``–`` where it has none)."""
    unit = plain(unit_suffix(spec.unit, spec.lang))
    texts = [format_number(v, spec.lang, spec.decimals) for v in values.tolist()]
    return [text if text == MISSING else text + unit for text in texts]


def _zrange(spec: MapSpec) -> tuple[int, int]:
    if spec.colouring == "classes" and spec.class_colours:
        return 0, max(len(spec.class_colours) - 1, 1)
    return 0, 1


def _scale(spec: MapSpec, key: str) -> list[list[Any]] | None:
    """The colour scale of a trace: the class colours, or the outcome's one colour (None)."""
    if spec.colouring != "classes" or key == "no_data" or not spec.class_colours:
        return None
    colours = spec.class_colours
    if len(colours) == 1:
        return [[0, colours[0]], [1, colours[0]]]
    return [[i / (len(colours) - 1), c] for i, c in enumerate(colours)]


def map_traces(frame: pd.DataFrame, spec: MapSpec, geo_url: str) -> list[dict[str, Any]]:
    """The figure's ``data``: one trace per comparison outcome, then the outlines."""
    kind = "choroplethmap" if spec.tile_url else "choropleth"
    zmin, zmax = _zrange(spec)
    codes = frame["code"].to_numpy(dtype=object)
    names = np.array([plain(n) for n in frame["name"]], dtype=object)
    outcome = frame["comparison"].to_numpy(dtype=object)
    klass = np.maximum(frame["klass"].to_numpy(dtype=np.int64), 0)
    numbers = {c: frame[c].to_numpy(dtype=float) for c in ("value", "lower", "upper")}
    traces: list[dict[str, Any]] = []
    for key in palette.MAP_ORDER:
        mask = outcome == key
        if not mask.any():
            continue
        scale = _scale(spec, key)
        fill = palette.COMPARISON[key].fill
        if key == "no_data":
            custom = [[n] for n in names[mask].tolist()]
        else:
            cols = [_nan_to_none(numbers[c][mask], spec.decimals) for c in ("value", "lower", "upper")]
            if spec.comparator != "city":
                cols.append(_comparator_texts(frame["comparator_value"].to_numpy(dtype=float)[mask], spec))
            custom = [list(row) for row in zip(names[mask].tolist(), *cols, strict=True)]
        traces.append({
            "type": kind, "geojson": geo_url, "featureidkey": "id", "name": key,
            "locations": codes[mask].tolist(),
            "z": klass[mask].tolist() if scale else [0] * int(mask.sum()), "zmin": zmin, "zmax": zmax,
            "colorscale": scale or [[0, fill], [1, fill]], "showscale": False, "customdata": custom,
            "hovertemplate": _hovertemplate(spec, key),
            "marker": {"line": {"color": "#ffffff", "width": 0.6}},
        })
    if spec.prioritized:
        traces.append({
            "type": kind, "geojson": geo_url, "featureidkey": "id", "name": "prioritized",
            "locations": list(spec.prioritized), "z": [0] * len(spec.prioritized),
            "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], "showscale": False,
            "hoverinfo": "skip",
            "marker": {"line": {"color": palette.PRIORITIZED_OUTLINE, "width": 2.6}},
        })
    return traces


def tile_style(tile_url: str) -> dict[str, Any]:
    """A MapLibre style with one raster tile source ({z}/{x}/{y} template)."""
    return {
        "version": 8,
        "sources": {"basemap": {"type": "raster", "tiles": [tile_url], "tileSize": 256}},
        "layers": [{"id": "basemap", "type": "raster", "source": "basemap"}],
    }


def _tile_view(bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    lon_min, lat_min, lon_max, lat_max = bounds
    span = max(lon_max - lon_min, (lat_max - lat_min) * 1.6, 1e-4)
    zoom = max(0.0, min(16.0, math.log2(360.0 / span) - 0.3))
    return {"center": {"lon": (lon_min + lon_max) / 2, "lat": (lat_min + lat_max) / 2},
            "zoom": zoom}


def map_layout(spec: MapSpec, bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    """The figure's ``layout``: an invisible base map (or tiles), no legend, tight margins."""
    layout: dict[str, Any] = {
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "showlegend": False,
        "separators": style(spec.lang).plotly_separators,
        "uirevision": "map",
        "dragmode": "pan",
        "font": {"family": FONT, "size": 13, "color": palette.INK},
        "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#9aa5b1",
                       "font": {"family": FONT, "size": 13, "color": palette.INK}},
    }
    if spec.tile_url:
        layout["map"] = {"style": tile_style(spec.tile_url), **_tile_view(bounds)}
    else:
        layout["geo"] = {"visible": False, "fitbounds": "locations", "projection": {"type": "mercator"},
                         "bgcolor": "rgba(0,0,0,0)", "showframe": False}
    return layout


def map_figure(frame: pd.DataFrame, spec: MapSpec, geo_url: str,
               bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    """The whole map figure (first load, or after a new load batch), as a plain dict."""
    return {"data": map_traces(frame, spec, geo_url), "layout": map_layout(spec, bounds)}


def map_patch(frame: pd.DataFrame, spec: MapSpec, geo_url: str) -> Patch:
    """Only what changes with the indicator, period, sex or colouring: the traces."""
    patch = Patch()
    patch["data"] = map_traces(frame, spec, geo_url)
    patch["layout"]["separators"] = style(spec.lang).plotly_separators
    return patch
