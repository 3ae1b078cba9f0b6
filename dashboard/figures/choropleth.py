"""The map: a choropleth of areas, by comparison with the city or by value classes.

Pure builders: a frame of areas in, a Plotly figure (or the parts of one) out.
The geometry is referenced by URL (served once per load batch, see
dashboard/geometry.py), so a figure carries only codes, values and labels.
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
import plotly.graph_objects as go
from dash import Patch

from dashboard import palette
from dashboard.display import unit_suffix
from dashboard.i18n import t
from dashboard.numbers import format_number, style

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


def _nan_to_none(values: np.ndarray, decimals: int) -> list[Any]:
    rounded = np.round(values.astype(float), decimals + 1)
    return [None if math.isnan(v) else v for v in rounded.tolist()]


def _hovertemplate(spec: MapSpec, key: str) -> str:
    d = spec.decimals
    unit = unit_suffix(spec.unit, spec.lang)
    swatch = palette.COMPARISON[key]
    head = "<b>%{customdata[0]}</b><br>"
    if key == "no_data":
        return head + t("cmpl.no_data", spec.lang) + "<extra></extra>"
    city = format_number(spec.city_value, spec.lang, d)
    return (
        head
        + f"{t('hover.value', spec.lang)}: %{{customdata[1]:,.{d}f}}{unit}"
        + f" ({t('ci95', spec.lang)} %{{customdata[2]:,.{d}f}}–%{{customdata[3]:,.{d}f}})<br>"
        + f"{t('hover.city', spec.lang)}: {city}{unit}<br>"
        + f"{swatch.symbol} {t('cmpl.' + key, spec.lang)}"
        + "<extra></extra>"
    )


def _colours(part: pd.DataFrame, key: str, spec: MapSpec) -> tuple[list[Any], list[list[Any]]]:
    """z values and a colour scale for one trace."""
    if spec.colouring == "classes" and key != "no_data" and spec.class_colours:
        k = len(spec.class_colours)
        scale = [[i / max(k - 1, 1), c] for i, c in enumerate(spec.class_colours)]
        if k == 1:
            scale = [[0, spec.class_colours[0]], [1, spec.class_colours[0]]]
        return part["klass"].clip(lower=0).astype(int).tolist(), scale
    fill = palette.COMPARISON[key].fill
    return [0] * len(part), [[0, fill], [1, fill]]


def _zrange(spec: MapSpec) -> tuple[int, int]:
    if spec.colouring == "classes" and spec.class_colours:
        return 0, max(len(spec.class_colours) - 1, 1)
    return 0, 1


def map_traces(frame: pd.DataFrame, spec: MapSpec, geo_url: str) -> list[dict[str, Any]]:
    """The figure's ``data``: one trace per comparison outcome, then the outlines."""
    kind = "choroplethmap" if spec.tile_url else "choropleth"
    zmin, zmax = _zrange(spec)
    traces: list[dict[str, Any]] = []
    for key in palette.MAP_ORDER:
        part = frame[frame["comparison"] == key]
        if part.empty:
            continue
        z, scale = _colours(part, key, spec)
        no_value = key == "no_data"
        custom = [part["name"].tolist()] if no_value else [
            part["name"].tolist(), *(_nan_to_none(part[c].to_numpy(), spec.decimals)
                                     for c in ("value", "lower", "upper"))]
        traces.append({
            "type": kind, "geojson": geo_url, "featureidkey": "id", "name": key,
            "locations": part["code"].tolist(), "z": z, "zmin": zmin, "zmax": zmax,
            "colorscale": scale, "showscale": False,
            "customdata": [list(row) for row in zip(*custom, strict=True)],
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
               bounds: tuple[float, float, float, float]) -> go.Figure:
    """The whole map figure (first load, or after a new load batch)."""
    return go.Figure({"data": map_traces(frame, spec, geo_url), "layout": map_layout(spec, bounds)},
                     skip_invalid=False)


def map_patch(frame: pd.DataFrame, spec: MapSpec, geo_url: str) -> Patch:
    """Only what changes with the indicator, period, sex or colouring: the traces."""
    patch = Patch()
    patch["data"] = map_traces(frame, spec, geo_url)
    patch["layout"]["separators"] = style(spec.lang).plotly_separators
    return patch
