"""The indicator page's ranked chart as a file: PNG or SVG, drawn with matplotlib (no
browser needed). Every area's value with its 95% interval, best first, coloured by its
comparison with the city (the dashboard's palette; a symbol in the legend too;
prioritized areas marked ◆ as on the page), and the city's value as a dashed line. Names
are drawn as plain text (no math markup)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from presentation import palette
from presentation.i18n import t

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
LABELLED_MAX = 120  # more areas than this: a dot per area, no names (they would overlap)
DPI = 150


@dataclass(frozen=True)
class RankedChart:
    """What the chart shows: ``frame`` has name, value, lower, upper, comparison (a palette
    key), best first."""

    frame: pd.DataFrame
    city_value: float | None
    title: str
    subtitle: str
    unit: str
    lang: str


def _plain(text: str) -> str:
    """Text as matplotlib shows it without reading math markup from it."""
    return str(text).replace("$", r"\$")


def _figure(chart: RankedChart) -> Figure:
    frame = chart.frame[chart.frame["value"].notna()].reset_index(drop=True)
    n = len(frame)
    labelled = n <= LABELLED_MAX
    height = 2.2 + (0.22 * n if labelled else 6.0)
    fig = Figure(figsize=(8.0, height), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    colours = [palette.COMPARISON.get(str(k), palette.COMPARISON["not_compared"]).fill
               for k in frame["comparison"]]
    value = frame["value"].to_numpy(dtype=float)
    lower = np.where(np.isnan(frame["lower"].to_numpy(dtype=float)), value, frame["lower"])
    upper = np.where(np.isnan(frame["upper"].to_numpy(dtype=float)), value, frame["upper"])
    ax.hlines(y, lower, upper, color=palette.MUTED, linewidth=1.0 if labelled else 0.4)
    ax.scatter(value, y, c=colours, s=30 if labelled else 6, edgecolors=palette.INK,
               linewidths=0.4, zorder=3)
    if chart.city_value is not None:
        ax.axvline(chart.city_value, color=palette.CITY_LINE, linestyle="--", linewidth=1.0)
    ax.set_yticks(y if labelled else [])
    if labelled:  # the page's labels (prioritized areas marked ◆) when the frame has them
        names = frame["label"] if "label" in frame.columns else frame["name"]
        ax.set_yticklabels([_plain(name) for name in names], fontsize=7)
    ax.set_ylim(-1, max(n, 1))
    ax.set_xlabel(_plain(chart.unit))
    ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(_plain(chart.title), x=0.01, ha="left", fontsize=11, fontweight="bold")
    ax.set_title(_plain(chart.subtitle), loc="left", fontsize=8, color=palette.MUTED)
    shown = [k for k in palette.MAP_ORDER if k in set(map(str, frame["comparison"]))]
    handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=palette.COMPARISON[k].fill,
                      markeredgecolor=palette.INK, label=f"{palette.COMPARISON[k].symbol} "
                      f"{t('cmpl.' + k, chart.lang)}") for k in shown]
    if chart.city_value is not None:
        handles.append(Line2D([], [], color=palette.CITY_LINE, linestyle="--",
                              label=t("chart.city", chart.lang)))
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=7,
                   frameon=False)
    return fig


def chart_bytes(chart: RankedChart, fmt: str) -> bytes:
    """The chart as PNG or SVG (text kept as text in SVG; no date, so same input, same file)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown chart format {fmt!r}. Valid: {', '.join(FORMATS)}")
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "atlas"}):
        fig = _figure(chart)
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(out, format=fmt, metadata=metadata)
    return out.getvalue()
