"""Charts of the profile, compare and indicator pages: pure frame → figure builders.

Every builder takes plain frames with the columns it names and the words to
show, and returns a Plotly figure as a plain dict (``{"data": ..., "layout":
...}``): Dash sends it as it is, without the cost of validating a
``go.Figure`` on every callback. Colours come from presentation/palette.py;
numbers use the language's separators (``layout.separators``).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from dashboard.display import unit_suffix
from dashboard.figures.choropleth import FONT
from dashboard.figures.text import plain
from presentation import palette
from presentation.numbers import style

Figure = dict[str, Any]
AXIS = {"showgrid": False, "linecolor": "#9aa5b1", "ticks": "outside", "tickcolor": "#9aa5b1"}
GRID = {"gridcolor": "#e8ecf1", "zeroline": False}


def _clean(values: Any) -> list[float | None]:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
            for v in np.asarray(values, dtype=float).tolist()]


def base_layout(lang: str, height: int, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "height": height, "margin": {"l": 56, "r": 16, "t": 16, "b": 44},
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "font": {"family": FONT, "size": 13, "color": palette.INK},
        "separators": style(lang).plotly_separators,
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"family": FONT, "color": palette.INK}},
        "legend": {"orientation": "h", "y": -0.18, "x": 0, "font": {"size": 12}},
        "xaxis": dict(AXIS), "yaxis": dict(GRID),
    }
    layout.update(extra)
    return layout


def _band(frame: pd.DataFrame, name: str, fill: str, **extra: Any) -> dict[str, Any]:
    """A CI band: upper along the periods, lower back (left out where there is no interval)."""
    ok = frame.dropna(subset=["lower", "upper"])
    periods = ok["period"].tolist()
    return {"type": "scatter", "x": periods + periods[::-1],
            "y": _clean(ok["upper"]) + _clean(ok["lower"])[::-1], "fill": "toself", "fillcolor": fill,
            "line": {"width": 0}, "mode": "lines", "name": plain(name), "hoverinfo": "skip", **extra}


def _line(frame: pd.DataFrame, name: str, line: dict[str, Any], fmt: str, **extra: Any) -> dict[str, Any]:
    return {"type": "scatter", "x": frame["period"].tolist(), "y": _clean(frame["value"]), "name": plain(name),
            "mode": "lines+markers", "line": line, "hovertemplate": fmt, **extra}


def trend_figure(area: pd.DataFrame, city: pd.DataFrame, labels: dict[str, str], lang: str,
                 decimals: int, unit: str = "") -> Figure:
    """Area against city over the periods, each with its 95% CI band.

    ``area``/``city``: columns ``period, value, lower, upper`` (periods as text, in order).
    ``labels``: ``area``, ``city``, ``area_band``, ``city_band``.
    """
    fmt = f"%{{y:,.{decimals}f}}{plain(unit_suffix(unit, lang))}"
    data = [
        _band(city, labels["city_band"], "rgba(60,60,60,0.10)"),
        _band(area, labels["area_band"], "rgba(31,95,145,0.16)"),
        _line(city, labels["city"], {"color": palette.CITY_LINE, "dash": "dash", "width": 2}, fmt,
              marker={"symbol": "diamond", "size": 7}),
        _line(area, labels["area"], {"color": palette.AREA_LINE, "width": 3}, fmt, marker={"size": 8}),
    ]
    # the legend above the plot: below it, a phone's rotated years would run under it
    layout = base_layout(lang, 360, hovermode="x unified", margin={"l": 56, "r": 16, "t": 8, "b": 44},
                         legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "font": {"size": 12}})
    layout["xaxis"].update({"type": "category", "automargin": True})
    layout["yaxis"]["title"] = {"text": plain(unit), "font": {"size": 12}}
    return {"data": data, "layout": layout}


def _whiskers(value: np.ndarray, lower: Any, upper: Any) -> dict[str, Any]:
    return {"type": "data", "symmetric": False, "color": "#333",
            "array": _clean(np.asarray(upper, dtype=float) - value),
            "arrayminus": _clean(value - np.asarray(lower, dtype=float))}


def sex_figure(frame: pd.DataFrame, labels: dict[str, str], lang: str, decimals: int,
               unit: str = "") -> Figure:
    """Area and city side by side for each sex, with 95% CI whiskers.

    ``frame``: columns ``sex_label, who ('area'|'city'), value, lower, upper``.
    """
    data = []
    for who, colour in (("area", palette.AREA_LINE), ("city", "#8a96a3")):
        part = frame[frame["who"] == who]
        value = np.asarray(part["value"], dtype=float)
        data.append({"type": "bar", "x": part["sex_label"].tolist(), "y": _clean(value), "name": labels[who],
                     "marker": {"color": colour}, "error_y": _whiskers(value, part["lower"], part["upper"]),
                     "hovertemplate": f"%{{x}}: %{{y:,.{decimals}f}}{plain(unit_suffix(unit, lang))}"
                                      f"<extra>{labels[who]}</extra>"})
    layout = base_layout(lang, 330, barmode="group", bargap=0.35)
    layout["yaxis"]["title"] = {"text": plain(unit), "font": {"size": 12}}
    return {"data": data, "layout": layout}


MARKERS = {"much_better": "triangle-up", "better": "triangle-up", "worse": "triangle-down",
           "much_worse": "triangle-down", "higher": "triangle-up-open", "lower": "triangle-down-open",
           "not_compared": "circle-open"}


def _ticks(frame: pd.DataFrame) -> list[str]:
    """The y tick texts: labels as plain text, prioritized areas in bold."""
    return [f"<b>{plain(label)}</b>" if prio else plain(label)
            for label, prio in zip(frame["label"].tolist(), frame["prioritized"].tolist(), strict=True)]


def ranked_figure(frame: pd.DataFrame, city_value: float | None, lang: str, decimals: int,
                  unit: str = "", city_label: str = "", reference: tuple[float, str] | None = None) -> Figure:
    """Every area's value with its 95% CI, ranked; the city as a dashed line (and a
    comparator's one value, ``reference`` = (value, label), as a dotted one).

    ``frame`` (in display order, first on top): ``value, lower, upper, comparison,
    prioritized, label, hover`` where ``label`` is the y tick text (plain text: prioritized
    areas are set in bold here).
    """
    data: list[dict[str, Any]] = []
    for key in palette.MAP_ORDER:
        part = frame[frame["comparison"] == key]
        if part.empty or key == "no_data":
            continue
        value = np.asarray(part["value"], dtype=float)
        prio = part["prioritized"].to_numpy(dtype=bool)
        data.append({
            "type": "scatter", "mode": "markers", "x": _clean(value), "y": _ticks(part), "name": key,
            "marker": {"color": palette.COMPARISON[key].fill, "size": np.where(prio, 16, 12).tolist(),
                       "symbol": MARKERS.get(key, "circle"),
                       "line": {"color": np.where(prio, "#000", "#333").tolist(),
                                "width": np.where(prio, 2.5, 1.0).tolist()}},
            "error_x": {**_whiskers(value, part["lower"], part["upper"]), "color": "#7b8794", "thickness": 1.4},
            # [hover text, area code]: the code lets a click open the area's profile
            "customdata": [[plain(v), str(c)] for v, c in zip(
                part["hover"].tolist(), part["link"] if "link" in part else part["hover"], strict=True)],
            "hovertemplate": f"<b>%{{y}}</b><br>%{{x:,.{decimals}f}}{plain(unit_suffix(unit, lang))}"
                             "<br>%{customdata[0]}<extra></extra>",
        })
    given = [(city_value, city_label, "dash"), *([(*reference, "dot")] if reference else [])]
    lines = [(float(v), label, dash) for v, label, dash in given if v is not None and not math.isnan(v)]
    for trace in data:
        trace["showlegend"] = False
    # The lines are named in a legend below, not beside them: a label on the axis would
    # widen its range (Plotly makes room for annotations), squeezing the areas on a phone.
    data += [{"type": "scatter", "mode": "lines", "x": [None], "y": [None], "name": plain(label),
              "hoverinfo": "skip", "showlegend": True, "line": _reference_line(dash)} for _, label, dash in lines]
    layout = base_layout(lang, max(320, 26 * len(frame) + 70), showlegend=bool(lines),
                         margin={"l": 10, "r": 20, "t": 30, "b": 24},
                         legend={"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "font": {"size": 12}})
    layout["yaxis"] = {"type": "category", "categoryorder": "array", "automargin": True,
                       "categoryarray": _ticks(frame)[::-1], "gridcolor": "#f0f2f5"}
    layout["xaxis"] = {"showgrid": True, "gridcolor": "#e8ecf1", "side": "top",
                       "title": {"text": plain(unit), "font": {"size": 12}}}
    layout["shapes"] = [{"type": "line", "xref": "x", "yref": "paper", "x0": v, "x1": v, "y0": 0, "y1": 1,
                         "line": _reference_line(dash)} for v, _, dash in lines]
    return {"data": data, "layout": layout}


def _reference_line(dash: str) -> dict[str, Any]:
    """The city's line (dashed, dark) or a comparator's (dotted, grey)."""
    return {"color": palette.CITY_LINE if dash == "dash" else "#6b7785", "dash": dash, "width": 2}


def _grid(n: int, cols: int, gap: float = 0.04) -> list[tuple[list[float], list[float]]]:
    """Axis domains (x, y) of ``n`` panels in rows of ``cols``, top row first."""
    rows = max(1, math.ceil(n / cols))
    width, height = (1 - gap * (cols - 1)) / cols, (1 - 0.12 * (rows - 1)) / rows
    out = []
    for i in range(n):
        r, c = divmod(i, cols)
        x0, y1 = c * (width + gap), 1 - r * (height + 0.12)
        out.append(([x0, x0 + width], [y1 - height, y1]))
    return out


def small_multiples(series: list[tuple[str, pd.DataFrame]], city: pd.DataFrame, lang: str,
                    decimals: int, city_label: str, unit: str = "", cols: int = 3) -> Figure:
    """One panel per area (area line against the dashed city line), with one y range.

    ``series``: (title, frame with ``period, value, lower, upper``) per area.
    """
    n = max(len(series), 1)
    cols = min(cols, n)
    rows = math.ceil(n / cols)
    fmt = f"%{{y:,.{decimals}f}}{plain(unit_suffix(unit, lang))}"
    every = [f["value"] for _, f in series] + [f["lower"] for _, f in series] + \
            [f["upper"] for _, f in series] + [city["value"]]
    joined = np.concatenate([np.asarray(v, dtype=float) for v in every]) if every else np.array([])
    finite = joined[np.isfinite(joined)]
    y_range = [float(finite.min()), float(finite.max())] if finite.size else None
    if y_range:
        pad = (y_range[1] - y_range[0]) * 0.08 or 1.0
        y_range = [y_range[0] - pad, y_range[1] + pad]
    data: list[dict[str, Any]] = []
    layout = base_layout(lang, 250 * rows + 60, hovermode="x unified", annotations=[])
    for i, ((title, frame), (xd, yd)) in enumerate(zip(series, _grid(len(series), cols), strict=True)):
        ax = "" if i == 0 else str(i + 1)
        on = {"xaxis": f"x{ax}", "yaxis": f"y{ax}"}
        data += [
            _band(frame, title, "rgba(31,95,145,0.14)", showlegend=False, **on),
            _line(city, city_label, {"color": palette.CITY_LINE, "dash": "dash", "width": 1.6}, fmt,
                  mode="lines", showlegend=i == 0, **on),
            _line(frame, title, {"color": palette.AREA_LINE, "width": 2.5}, fmt, marker={"size": 6},
                  showlegend=False, **on),
        ]
        layout[f"xaxis{ax}"] = {**AXIS, "type": "category", "domain": xd, "anchor": f"y{ax}"}
        layout[f"yaxis{ax}"] = {**GRID, "domain": yd, "anchor": f"x{ax}", "range": y_range,
                                "showticklabels": i % cols == 0}
        layout["annotations"].append({"text": plain(title), "x": sum(xd) / 2, "y": yd[1], "xref": "paper",
                                      "yref": "paper", "xanchor": "center", "yanchor": "bottom",
                                      "showarrow": False, "font": {"size": 13, "family": FONT}})
    return {"data": data, "layout": layout}


# the chosen areas' lines in a domain's panels: dark Okabe–Ito hues, each with its own marker
AREA_STYLES = [("#1f5f91", "circle"), ("#b35806", "square"), ("#00796b", "diamond"), ("#6a3d9a", "triangle-up"),
               ("#8c510a", "cross"), ("#c51b7d", "x"), ("#01665e", "star"), ("#4d4d4d", "hexagon")]


def domain_multiples(panels: list[tuple[str, list[tuple[str, pd.DataFrame]], pd.DataFrame, int, str]],
                     lang: str, city_label: str, cols: int = 3) -> Figure:
    """One panel per indicator of a domain, each on its own scale: every chosen area (a
    colour and a marker shape of its own, named in the legend once) and the dashed city.

    ``panels``: (title, [(area name, series)], city series, decimals, unit); series have
    ``period, value``.
    """
    n = max(len(panels), 1)
    cols = min(cols, n)
    rows = math.ceil(n / cols)
    data: list[dict[str, Any]] = []
    height, top = 240 * rows + 130, 90  # the legend sits in the top margin, above the panels' titles
    layout = base_layout(lang, height, hovermode="x unified", annotations=[],
                         legend={"orientation": "h", "x": 0, "y": 1 + 34 / (height - top - 72), "yanchor": "bottom",
                                 "font": {"size": 12}},
                         margin={"l": 48, "r": 16, "t": top, "b": 72})  # room for the last row's rotated ticks
    for i, ((title, areas, city, decimals, unit), (xd, yd)) in enumerate(zip(panels, _grid(n, cols), strict=False)):
        ax = "" if i == 0 else str(i + 1)
        on = {"xaxis": f"x{ax}", "yaxis": f"y{ax}"}
        fmt = f"%{{y:,.{decimals}f}}{plain(unit_suffix(unit, lang))}"
        data.append(_line(city, city_label, {"color": palette.CITY_LINE, "dash": "dash", "width": 1.6}, fmt,
                          mode="lines", showlegend=i == 0, legendgroup="city", **on))
        for j, (name, frame) in enumerate(areas):
            colour, symbol = AREA_STYLES[j % len(AREA_STYLES)]
            data.append(_line(frame, name, {"color": colour, "width": 2}, fmt,
                              marker={"size": 6, "symbol": symbol}, showlegend=i == 0, legendgroup=name, **on))
        layout[f"xaxis{ax}"] = {**AXIS, "type": "category", "domain": xd, "anchor": f"y{ax}", "tickangle": -45,
                                "tickfont": {"size": 10}}
        layout[f"yaxis{ax}"] = {**GRID, "domain": yd, "anchor": f"x{ax}", "tickfont": {"size": 10}}
        layout["annotations"].append({"text": plain(title), "x": sum(xd) / 2, "y": yd[1], "xref": "paper",
                                      "yref": "paper", "xanchor": "center", "yanchor": "bottom",
                                      "showarrow": False, "font": {"size": 12, "family": FONT}})
    return {"data": data, "layout": layout}


def locator_figure(codes: list[str], area_code: str, geo_url: str,
                   point: tuple[float, float] | None = None) -> Figure:
    """A small map: all areas pale, the area in the accent colour, fitted to the city; a
    ring around ``point`` (lon, lat: a point inside the area) so that a small area, a
    dot at the city's scale, is still found."""
    ring = [] if point is None else [{
        "type": "scattergeo", "lon": [point[0]], "lat": [point[1]], "mode": "markers", "hoverinfo": "skip",
        "showlegend": False, "marker": {"symbol": "circle-open", "size": 30, "color": palette.INK,
                                        "line": {"width": 2.5, "color": palette.INK}}}]
    return {
        "data": [{"type": "choropleth", "geojson": geo_url, "featureidkey": "id", "locations": codes,
                  "z": [1 if c == area_code else 0 for c in codes], "zmin": 0, "zmax": 1, "showscale": False,
                  "colorscale": [[0, "#e3e8ee"], [1, palette.AREA_LINE]], "hoverinfo": "skip",
                  "marker": {"line": {"color": "#ffffff", "width": 0.5}}}, *ring],
        "layout": {"geo": {"visible": False, "fitbounds": "locations", "projection": {"type": "mercator"},
                           "bgcolor": "rgba(0,0,0,0)"},
                   "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "paper_bgcolor": "rgba(0,0,0,0)",
                   "height": 200, "dragmode": False},
    }
