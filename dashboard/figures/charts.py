"""Charts of the profile, compare and indicator pages: pure frame → Figure builders.

Every builder takes plain frames with the columns it names and the words to
show; colours come from dashboard/palette.py, numbers use the language's
separators (``layout.separators``).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import palette
from dashboard.display import unit_suffix
from dashboard.figures.choropleth import FONT
from dashboard.numbers import style


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
        "xaxis": {"showgrid": False, "linecolor": "#9aa5b1", "ticks": "outside", "tickcolor": "#9aa5b1"},
        "yaxis": {"gridcolor": "#e8ecf1", "zeroline": False},
    }
    layout.update(extra)
    return layout


def _band(frame: pd.DataFrame, name: str, fill: str) -> go.Scatter:
    """A CI band: upper along the periods, lower back (gaps where there is no interval)."""
    ok = frame.dropna(subset=["lower", "upper"])
    x = ok["period"].tolist() + ok["period"].tolist()[::-1]
    y = _clean(ok["upper"]) + _clean(ok["lower"])[::-1]
    return go.Scatter(x=x, y=y, fill="toself", fillcolor=fill, line={"width": 0}, name=name,
                      mode="lines", hoverinfo="skip", showlegend=True)


def trend_figure(area: pd.DataFrame, city: pd.DataFrame, labels: dict[str, str], lang: str,
                 decimals: int, unit: str = "") -> go.Figure:
    """Area against city over the periods, each with its 95% CI band.

    ``area``/``city``: columns ``period, value, lower, upper`` (periods as text, in order).
    ``labels``: ``area``, ``city``, ``area_band``, ``city_band``.
    """
    fmt = f"%{{y:,.{decimals}f}}{unit_suffix(unit, lang)}"
    fig = go.Figure()
    fig.add_trace(_band(city, labels["city_band"], "rgba(60,60,60,0.10)"))
    fig.add_trace(_band(area, labels["area_band"], "rgba(31,95,145,0.16)"))
    fig.add_trace(go.Scatter(x=city["period"].tolist(), y=_clean(city["value"]), name=labels["city"],
                             mode="lines+markers", line={"color": palette.CITY_LINE, "dash": "dash", "width": 2},
                             marker={"symbol": "diamond", "size": 7}, hovertemplate=fmt))
    fig.add_trace(go.Scatter(x=area["period"].tolist(), y=_clean(area["value"]), name=labels["area"],
                             mode="lines+markers", line={"color": palette.AREA_LINE, "width": 3},
                             marker={"size": 8}, hovertemplate=fmt))
    fig.update_layout(**base_layout(lang, 330, hovermode="x unified"))
    fig.update_xaxes(type="category")
    return fig


def sex_figure(frame: pd.DataFrame, labels: dict[str, str], lang: str, decimals: int,
               unit: str = "") -> go.Figure:
    """Area and city side by side for each sex, with 95% CI whiskers.

    ``frame``: columns ``sex_label, who ('area'|'city'), value, lower, upper``.
    """
    fig = go.Figure()
    for who, colour in (("area", palette.AREA_LINE), ("city", "#8a96a3")):
        part = frame[frame["who"] == who]
        value = np.asarray(part["value"], dtype=float)
        fig.add_trace(go.Bar(
            x=part["sex_label"].tolist(), y=_clean(value), name=labels[who], marker_color=colour,
            error_y={"type": "data", "symmetric": False, "color": "#333",
                     "array": _clean(np.asarray(part["upper"], dtype=float) - value),
                     "arrayminus": _clean(value - np.asarray(part["lower"], dtype=float))},
            hovertemplate=f"%{{x}}: %{{y:,.{decimals}f}}{unit_suffix(unit, lang)}<extra>{labels[who]}</extra>",
        ))
    fig.update_layout(**base_layout(lang, 330, barmode="group", bargap=0.35))
    return fig


def ranked_figure(frame: pd.DataFrame, city_value: float | None, lang: str, decimals: int,
                  unit: str = "", city_label: str = "") -> go.Figure:
    """Every area's value with its 95% CI, ranked; the city as a dashed line.

    ``frame`` (already in display order, first on top): ``name, value, lower, upper,
    comparison, prioritized, label`` where ``label`` is the y tick text.
    """
    n = len(frame)
    fig = go.Figure()
    suffix = unit_suffix(unit, lang)
    for key in palette.MAP_ORDER:
        part = frame[frame["comparison"] == key]
        if part.empty or key == "no_data":
            continue
        sw = palette.COMPARISON[key]
        value = np.asarray(part["value"], dtype=float)
        prio = part["prioritized"].to_numpy(dtype=bool)
        fig.add_trace(go.Scatter(
            x=_clean(value), y=part["label"].tolist(), mode="markers", name=f"{sw.symbol} {key}",
            marker={"color": sw.fill, "size": np.where(prio, 13, 10).tolist(),
                    "symbol": _marker_symbol(key), "line": {"color": np.where(prio, "#000", "#555").tolist(),
                                                            "width": np.where(prio, 2.5, 0.8).tolist()}},
            error_x={"type": "data", "symmetric": False, "color": "#7b8794", "thickness": 1.4,
                     "array": _clean(np.asarray(part["upper"], dtype=float) - value),
                     "arrayminus": _clean(value - np.asarray(part["lower"], dtype=float))},
            customdata=part["hover"].tolist() if "hover" in part else None,
            hovertemplate=f"<b>%{{y}}</b><br>%{{x:,.{decimals}f}}{suffix}<br>%{{customdata}}<extra></extra>",
        ))
    height = max(320, 26 * n + 70)
    fig.update_layout(**base_layout(lang, height, showlegend=False,
                                    margin={"l": 10, "r": 20, "t": 30, "b": 40}))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=frame["label"].tolist()[::-1],
                     automargin=True, gridcolor="#f0f2f5", showgrid=True)
    fig.update_xaxes(showgrid=True, gridcolor="#e8ecf1", side="top", ticksuffix="")
    if city_value is not None and not math.isnan(city_value):
        fig.add_vline(x=city_value, line={"color": palette.CITY_LINE, "dash": "dash", "width": 2},
                      annotation_text=city_label, annotation_position="bottom right")
    return fig


def _marker_symbol(key: str) -> str:
    return {"much_better": "triangle-up", "better": "triangle-up", "worse": "triangle-down",
            "much_worse": "triangle-down", "higher": "triangle-up-open", "lower": "triangle-down-open",
            "not_compared": "circle-open"}.get(key, "circle")


def small_multiples(series: list[tuple[str, pd.DataFrame]], city: pd.DataFrame, lang: str,
                    decimals: int, city_label: str, unit: str = "", cols: int = 3) -> go.Figure:
    """One panel per area (area line against the dashed city line), shared y axis.

    ``series``: (title, frame with ``period, value, lower, upper``) per area.
    """
    n = max(len(series), 1)
    cols = min(cols, n)
    rows = math.ceil(n / cols)
    fig = make_subplots(rows=rows, cols=cols, shared_yaxes=True, subplot_titles=[s[0] for s in series],
                        horizontal_spacing=0.04, vertical_spacing=0.12 if rows > 1 else 0.05)
    fmt = f"%{{y:,.{decimals}f}}{unit_suffix(unit, lang)}"
    for i, (title, frame) in enumerate(series):
        r, c = i // cols + 1, i % cols + 1
        fig.add_trace(_band(frame, title, "rgba(31,95,145,0.14)").update(showlegend=False), row=r, col=c)
        fig.add_trace(go.Scatter(x=city["period"].tolist(), y=_clean(city["value"]), name=city_label,
                                 mode="lines", line={"color": palette.CITY_LINE, "dash": "dash", "width": 1.6},
                                 showlegend=i == 0, hovertemplate=fmt), row=r, col=c)
        fig.add_trace(go.Scatter(x=frame["period"].tolist(), y=_clean(frame["value"]), name=title,
                                 mode="lines+markers", line={"color": palette.AREA_LINE, "width": 2.5},
                                 marker={"size": 6}, showlegend=False, hovertemplate=fmt), row=r, col=c)
    fig.update_layout(**base_layout(lang, 250 * rows + 60, hovermode="x unified"))
    fig.update_xaxes(type="category", showgrid=False, linecolor="#9aa5b1")
    fig.update_yaxes(gridcolor="#e8ecf1")
    fig.update_annotations(font={"size": 13, "family": FONT})
    return fig


def locator_figure(codes: list[str], area_code: str, geo_url: str) -> go.Figure:
    """A small map: all areas pale, the area in the accent colour, fitted to the city."""
    z = [1 if c == area_code else 0 for c in codes]
    fig = go.Figure(go.Choropleth(
        geojson=geo_url, featureidkey="id", locations=codes, z=z, zmin=0, zmax=1, showscale=False,
        colorscale=[[0, "#e3e8ee"], [1, palette.AREA_LINE]], hoverinfo="skip",
        marker={"line": {"color": "#ffffff", "width": 0.5}},
    ))
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)")
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, paper_bgcolor="rgba(0,0,0,0)",
                      height=200, dragmode=False)
    return fig
