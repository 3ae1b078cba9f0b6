"""The places layer over the choropleth: one point trace per category (its colour and
shape, white outline), hover text with the place's name and category.

Pure builders: a ``PlaceLayer`` in, trace dicts out. With a tile base map (``scattermap``,
MapLibre) Plotly draws every marker as a circle, so categories differ by colour only there.
"""

from __future__ import annotations

from typing import Any

from dash import Patch

from dashboard.figures.text import plain
from dashboard.viewmodels.places import PlaceLayer

SIZE = 12
THIN = ("star", "cross", "x", "triangle-up")
TRACE_PREFIX = "places:"


def place_traces(layer: PlaceLayer | None, tiles: bool) -> list[dict[str, Any]]:
    """One ``scattergeo`` (or ``scattermap`` with tiles) trace per category."""
    if layer is None:
        return []
    traces = []
    for kind in layer.kinds:
        rows = layer.frame[layer.frame["category"] == kind.code]
        size = SIZE + (3 if kind.symbol in THIN else 0)  # thin shapes look smaller at one size
        marker: dict[str, Any] = {"size": size, "color": kind.colour, "opacity": 0.95}
        if tiles:
            marker["symbol"] = "circle"
        else:
            marker |= {"symbol": kind.symbol, "line": {"color": "#ffffff", "width": 1.5}}
        traces.append({
            "type": "scattermap" if tiles else "scattergeo", "mode": "markers",
            "name": TRACE_PREFIX + kind.code, "lon": rows["lon"].round(6).tolist(),
            "lat": rows["lat"].round(6).tolist(), "marker": marker,
            "customdata": [[plain(n)] for n in rows["name"]],
            "hovertemplate": f"<b>%{{customdata[0]}}</b><br>{plain(kind.name)}<extra></extra>",
            "showlegend": False,
        })
    return traces


def with_places(figure: Any, traces: list[dict[str, Any]]) -> Any:
    """``figure`` (a whole figure dict, or a Patch that replaces ``data``) with the places'
    traces drawn last, over the areas."""
    if not traces:
        return figure
    if isinstance(figure, Patch):
        figure["data"].extend(traces)
        return figure
    return {**figure, "data": [*figure["data"], *traces]}
