"""The scatter of two indicators across areas: a pure builder of the Plotly figure."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.figures.text import plain
from presentation import palette

Figure = dict[str, Any]


def scatter_figure(frame: pd.DataFrame, city: tuple[float | None, float | None], labels: dict[str, str],
                   hover: list[str], base: dict[str, Any]) -> Figure:
    """Areas as points (prioritized: larger diamonds, outlined, named), the city as a cross
    with dashed lines at its values. ``frame``: code, name, x, y, prioritized; ``labels``:
    x, y (axis titles), areas, prioritized, city; ``hover``: one text per row."""
    prio = frame["prioritized"].to_numpy(dtype=bool)
    data: list[dict[str, Any]] = []
    for chosen, name in ((False, labels["areas"]), (True, labels["prioritized"])):
        part = frame[prio == chosen]
        texts = [h for h, p in zip(hover, prio, strict=True) if p == chosen]
        data.append({
            "type": "scatter", "mode": "markers+text" if chosen else "markers", "name": plain(name),
            "x": part["x"].tolist(), "y": part["y"].tolist(),
            "text": [plain(n) for n in part["name"]] if chosen else None, "textposition": "top center",
            "customdata": [[t, c] for t, c in zip(texts, part["code"].astype(str), strict=True)],
            "hovertemplate": "%{customdata[0]}<extra></extra>",
            "marker": {"size": 14 if chosen else 9, "symbol": "diamond" if chosen else "circle",
                       "color": "#b3541e" if chosen else "#4a6fa5",
                       "line": {"color": "#000" if chosen else "#fff", "width": 2 if chosen else 1}},
        })
    cx, cy = city
    if cx is not None and cy is not None:
        data.append({"type": "scatter", "mode": "markers", "name": plain(labels["city"]), "x": [cx], "y": [cy],
                     "hovertemplate": f"{plain(labels['city'])}<extra></extra>",
                     "marker": {"size": 16, "symbol": "x-thin", "line": {"color": palette.CITY_LINE, "width": 3}}})
    layout = {**base, "showlegend": True,
              "legend": {"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"},
              "xaxis": {"title": {"text": plain(labels["x"])}, "zeroline": False, "gridcolor": "#e8ecf1"},
              "yaxis": {"title": {"text": plain(labels["y"])}, "zeroline": False, "gridcolor": "#e8ecf1"}}
    layout["shapes"] = [
        {"type": "line", "xref": "x", "yref": "paper", "x0": cx, "x1": cx, "y0": 0, "y1": 1,
         "line": {"color": palette.CITY_LINE, "dash": "dash", "width": 1}} for _ in [0] if cx is not None
    ] + [
        {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": cy, "y1": cy,
         "line": {"color": palette.CITY_LINE, "dash": "dash", "width": 1}} for _ in [0] if cy is not None
    ]
    return {"data": data, "layout": layout}
