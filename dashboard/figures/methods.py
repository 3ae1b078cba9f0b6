"""Charts of the public-health methods on the indicator page: inequality across the
deprivation deciles (with the fitted SII line), the SII over the periods, and the funnel
plot. Pure frame → figure builders returning plain dicts, like dashboard/figures/charts.py;
the words come in ``labels`` (already translated), numbers use the language's separators.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dashboard.display import unit_suffix
from dashboard.figures.charts import MARKERS, Figure, _clean, base_layout
from dashboard.figures.text import plain
from presentation import palette

FITTED_LINE = "#b04a0d"  # palette.DIVERGING's dark end: apart from the blue points
LIMIT_LINE = "#5f6b7a"
POINT_FILL = palette.AREA_LINE


def _value_format(decimals: int, unit: str, lang: str) -> str:
    return f"%{{y:,.{decimals}f}}{plain(unit_suffix(unit, lang))}"


def _two_lines(text: str) -> str:
    """``text`` as plain text broken after its first word (``Most<br>deprived``)."""
    first, _, rest = plain(text).partition(" ")
    return f"{first}<br>{rest}" if rest else first


def inequality_figure(points: pd.DataFrame, fitted: tuple[float, float], city_value: float | None,
                      labels: dict[str, str], lang: str, decimals: int, unit: str = "") -> Figure:
    """The areas in ten population groups from most (x = 0) to least deprived (x = 1), the
    fitted SII line from ``fitted`` = (value at 0, value at 1) and the city as a level line.

    ``points``: ``decile, x, value, areas, hover``. ``labels``: ``points``, ``fitted``,
    ``city``, ``x`` (axis title), ``most``, ``least`` (the axis ends).
    """
    fmt = _value_format(decimals, unit, lang)
    hover = [plain(h) for h in points["hover"]]
    data: list[dict[str, Any]] = []
    if city_value is not None:
        data.append({"type": "scatter", "x": [0, 1], "y": [city_value, city_value], "mode": "lines",
                     "name": plain(labels["city"]), "hoverinfo": "skip",
                     "line": {"color": palette.CITY_LINE, "dash": "dash", "width": 1.6}})
    data += [
        {"type": "scatter", "x": [0, 1], "y": _clean(list(fitted)), "mode": "lines",
         "name": plain(labels["fitted"]), "line": {"color": FITTED_LINE, "width": 3},
         "hovertemplate": f"{fmt}<extra>{plain(labels['fitted'])}</extra>"},
        {"type": "scatter", "x": _clean(points["x"]), "y": _clean(points["value"]), "mode": "markers",
         "name": plain(labels["points"]), "customdata": hover,
         "marker": {"color": POINT_FILL, "size": 11, "symbol": "circle", "line": {"color": "#fff", "width": 1}},
         "hovertemplate": f"<b>%{{customdata}}</b><br>{fmt}<extra></extra>"},
    ]
    layout = base_layout(lang, 340, margin={"l": 56, "r": 16, "t": 12, "b": 96},
                         legend={"orientation": "h", "y": -0.42, "x": 0, "font": {"size": 12}})
    layout["xaxis"] = {**layout["xaxis"], "range": [-0.03, 1.03], "tickformat": ".0%",
                       "tickvals": [0, 0.25, 0.5, 0.75, 1],
                       "title": {"text": plain(labels["x"]), "font": {"size": 12}, "standoff": 4}}
    layout["yaxis"]["title"] = {"text": plain(unit), "font": {"size": 12}}
    layout["annotations"] = [  # the ends on two lines each: apart even on a phone
        {"x": x, "xref": "x", "y": 1, "yref": "paper", "text": text, "showarrow": False, "xanchor": anchor,
         "align": anchor, "yanchor": "bottom", "font": {"size": 11, "color": palette.MUTED}}
        for x, text, anchor in ((0, "◀ " + _two_lines(labels["most"]), "left"),
                                (1, _two_lines(labels["least"]) + " ▶", "right"))]
    layout["margin"]["t"] = 40
    return {"data": data, "layout": layout}


def gap_trend_figure(trend: pd.DataFrame, labels: dict[str, str], lang: str, decimals: int,
                     unit: str = "") -> Figure:
    """The gap between the most and least deprived (the SII) over the periods with its 95%
    interval, against zero (no gap). ``trend``: ``period, gap, lower, upper``; ``labels``:
    ``gap`` (the line's name, in the hover), ``y`` (the axis title: the gap's unit)."""
    value = np.asarray(trend["gap"], dtype=float)
    data = [{
        "type": "scatter", "x": trend["period"].tolist(), "y": _clean(value), "mode": "lines+markers",
        "name": plain(labels["gap"]), "line": {"color": FITTED_LINE, "width": 2.5}, "marker": {"size": 8},
        "error_y": {"type": "data", "symmetric": False, "color": "#7b8794", "thickness": 1.4,
                    "array": _clean(np.asarray(trend["upper"], dtype=float) - value),
                    "arrayminus": _clean(value - np.asarray(trend["lower"], dtype=float))},
        "hovertemplate": f"%{{x}}: {_value_format(decimals, unit, lang)}<extra>{plain(labels['gap'])}</extra>",
    }]
    layout = base_layout(lang, 250, showlegend=False, margin={"l": 56, "r": 16, "t": 12, "b": 40})
    layout["xaxis"].update({"type": "category", "tickangle": -30 if len(trend) > 5 else 0, "automargin": True,
                            "tickfont": {"size": 11}})
    layout["yaxis"] = {**layout["yaxis"], "zeroline": True, "zerolinecolor": palette.CITY_LINE,
                       "zerolinewidth": 1.2, "rangemode": "tozero",
                       "title": {"text": plain(labels["y"]), "font": {"size": 12}}}
    return {"data": data, "layout": layout}


def _limit_trace(limits: pd.DataFrame, level: str, name: str, dash: str) -> dict[str, Any]:
    """The upper and lower limit of one level as one line (a gap between them)."""
    x = limits["denominator"].tolist()
    return {"type": "scatter", "mode": "lines", "name": plain(name), "hoverinfo": "skip",
            "x": [*x, None, *x], "y": [*_clean(limits[f"upper_{level}"]), None, *_clean(limits[f"lower_{level}"])],
            "line": {"color": LIMIT_LINE, "dash": dash, "width": 1.4 if level == "95" else 1.8}}


def _names(prio: pd.DataFrame, city_value: float) -> list[dict[str, Any]]:
    """The prioritized areas' names on a white ground, above a point over the city line and
    below one under it (away from the crowd around the city)."""
    return [{"x": float(x), "y": float(y), "text": plain(name), "showarrow": True, "arrowhead": 0,
             "arrowwidth": 1, "arrowcolor": palette.MUTED, "ax": 0, "ay": -24 if y >= city_value else 24,
             "bgcolor": "rgba(255,255,255,0.9)", "borderpad": 1, "font": {"size": 12, "color": palette.INK}}
            for x, y, name in zip(prio["denominator"], prio["value"], prio["name"], strict=True)
            if not (np.isnan(x) or np.isnan(y))]


def _hover(lines: pd.Series) -> list[str]:
    """Each point's hover text: its lines as plain text, the first (the name) in bold."""
    return [f"<b>{plain(first)}</b><br>" + "<br>".join(plain(line) for line in rest) for first, *rest in lines]


def funnel_figure(points: pd.DataFrame, limits: pd.DataFrame, city_value: float, labels: dict[str, str],
                  lang: str, decimals: int, unit: str = "") -> Figure:
    """Each area's value against its denominator, the city line and the 95% and 99.8%
    limits; the points coloured and shaped by where they lie (``position``, a comparison
    key), prioritized areas larger, outlined and named.

    ``points``: ``denominator, value, position, prioritized, name, hover`` (the hover's
    lines as plain text, the first set in bold); ``labels``: ``city``, ``limits95``,
    ``limits998``, ``x``, ``prioritized`` and ``cmp.<key>``.
    """
    x = limits["denominator"].tolist()
    data: list[dict[str, Any]] = [
        _limit_trace(limits, "998", labels["limits998"], "dash"),
        _limit_trace(limits, "95", labels["limits95"], "dot"),
        {"type": "scatter", "mode": "lines", "x": [x[0], x[-1]], "y": [city_value, city_value],
         "name": plain(labels["city"]), "hoverinfo": "skip", "line": {"color": palette.CITY_LINE, "width": 2}},
    ]
    template = "%{customdata}<extra></extra>"
    prioritized = points["prioritized"].astype(bool)
    for key in palette.MAP_ORDER:
        if not (points["position"] == key).any():
            continue
        part = points[(points["position"] == key) & ~prioritized]  # may be empty: still in the legend
        data.append({"type": "scatter", "mode": "markers", "name": plain(labels[f"cmp.{key}"]),
                     "x": _clean(part["denominator"]) or [None], "y": _clean(part["value"]) or [None],
                     "customdata": _hover(part["hover"]) or [""], "hovertemplate": template,
                     "marker": {"color": palette.COMPARISON[key].fill, "size": 10,
                                "symbol": MARKERS.get(key, "circle"), "line": {"color": "#333", "width": 1}}})
    prio = points[prioritized]
    if not prio.empty:
        keys = prio["position"].tolist()
        data.append({"type": "scatter", "mode": "markers", "name": plain(labels["prioritized"]),
                     "x": _clean(prio["denominator"]), "y": _clean(prio["value"]),
                     "customdata": _hover(prio["hover"]), "hovertemplate": template,
                     "marker": {"color": [palette.COMPARISON[k].fill for k in keys], "size": 15,
                                "symbol": [MARKERS.get(k, "circle") for k in keys],
                                "line": {"color": palette.PRIORITIZED_OUTLINE, "width": 2.5}}})
    layout = base_layout(lang, 400, margin={"l": 56, "r": 16, "t": 16, "b": 110}, hovermode="closest",
                         legend={"orientation": "h", "y": -0.24, "x": 0, "font": {"size": 12}})
    layout["xaxis"] = {**layout["xaxis"], "title": {"text": plain(labels["x"]), "font": {"size": 12}},
                       "rangemode": "tozero"}
    layout["annotations"] = _names(prio, city_value)
    layout["yaxis"]["title"] = {"text": plain(unit), "font": {"size": 12}}
    return {"data": data, "layout": layout}
