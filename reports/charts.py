"""The profile's charts as :class:`~reports.drawing.Figure` objects (millimetres).

- spine chart (Fingertips style): the area's value against the range of all
  areas, the city at the centre, worst on the left and best on the right;
- trend chart: the area with its 95% CI against the city over the periods;
- SII sparkline: the gap between the most and least deprived areas over the periods;
- locator map: the area within the city.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely

from reports import strings, style
from reports.drawing import (
    Circle,
    Figure,
    Item,
    Label,
    Line,
    Point,
    Poly,
    Rect,
    Shape,
    fit,
    text_width,
    wrap,
)
from reports.numbers import number
from reports.profile import IndicatorRow, InequalityLine, Spine, TrendSeries


# --- spine ------------------------------------------------------------------------------
def spine_scale(spine: Spine, polarity: str, width: float) -> Any:
    """x position (0..width) of a value: city at the centre, best (or highest) on the right."""
    centre = spine.city if spine.city is not None else (spine.lowest + spine.highest) / 2
    half = max(abs(spine.highest - centre), abs(centre - spine.lowest)) or 1.0
    sign = -1.0 if polarity == "low_is_good" else 1.0

    def x(value: float) -> float:
        return width / 2 + sign * (value - centre) / half * (width / 2)

    return x


def spine_items(row: IndicatorRow, x0: float, y0: float, width: float, height: float) -> list[Item]:
    """The spine of ``row`` in the box (x0, y0, width, height); empty without a spine."""
    spine = row.spine
    if spine is None:
        return []
    r = min(height * 0.32, 1.6)
    pad = r + 0.3  # room for the marker at either end
    x0, width = x0 + pad, width - 2 * pad
    x = spine_scale(spine, row.polarity, width)
    bar_h = height * 0.5
    top = y0 + (height - bar_h) / 2
    lo, hi = sorted((x(spine.lowest), x(spine.highest)))
    q1, q3 = sorted((x(spine.q25), x(spine.q75)))
    items: list[Item] = [
        Rect(x0 + lo, top, hi - lo, bar_h, fill=style.SPINE_RANGE),
        Rect(x0 + q1, top, max(q3 - q1, 0.2), bar_h, fill=style.SPINE_IQR),
    ]
    if spine.city is not None:
        items.append(Line(x0 + width / 2, y0 + 0.3, x0 + width / 2, y0 + height - 0.3,
                          stroke=style.CITY_LINE, width=0.45))
    if spine.area is not None:
        items.append(Circle(x0 + x(spine.area), y0 + height / 2, r,
                            fill=style.comparison_fill(row.compared), stroke=style.INK, width=0.25))
    return items


def spine_figure(row: IndicatorRow, width: float = 40.0, height: float = 5.0, lang: str = "en") -> Figure:
    """One spine as a figure of its own (the HTML profile puts one in each table row)."""
    fig = Figure(width, height, title=spine_text(row, lang))
    fig.add(*spine_items(row, 0.0, 0.0, width, height))
    return fig


def spine_ends(row: IndicatorRow, lang: str) -> tuple[str, str]:
    """The values at the left and right ends: worst and best (or lowest and highest)."""
    s = row.spine
    if s is None:
        return "", ""
    left, right = (s.highest, s.lowest) if row.polarity == "low_is_good" else (s.lowest, s.highest)
    return number(left, row.decimals, lang), number(right, row.decimals, lang)


def spine_text(row: IndicatorRow, lang: str) -> str:
    """A text alternative of the spine chart."""
    s = row.spine
    if s is None:
        return ""
    return (f"{row.name}: {number(s.area, row.decimals, lang)}; "
            f"{number(s.lowest, row.decimals, lang)}–{number(s.highest, row.decimals, lang)}; "
            f"{strings.text('city_value', lang)} {number(s.city, row.decimals, lang)}")


# --- trend ------------------------------------------------------------------------------
def nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values covering lo..hi."""
    if not math.isfinite(lo) or not math.isfinite(hi):
        return []
    if hi - lo < 1e-12:
        lo, hi = lo - (abs(lo) * 0.1 or 1.0), hi + (abs(hi) * 0.1 or 1.0)
    raw = (hi - lo) / max(count - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    v = start
    while v <= hi + step * 0.999:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _runs(xs: Sequence[float], *cols: Sequence[float | None]) -> list[list[tuple[float, ...]]]:
    """Consecutive points where every column has a value."""
    runs: list[list[tuple[float, ...]]] = [[]]
    for i, x in enumerate(xs):
        vals = [c[i] for c in cols]
        if any(v is None for v in vals):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((x, *[float(v) for v in vals if v is not None]))
    return [r for r in runs if r]


def _tick_decimals(ticks: list[float], decimals: int) -> int:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    needed = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return min(max(needed, 0), max(decimals, needed))


def _axes(fig: Figure, box: tuple[float, float, float, float], ticks: list[float],
          y: Any, periods: list[str], x: Any, decimals: int, lang: str) -> None:
    left, _top, right, bottom = box
    dec = _tick_decimals(ticks, decimals)
    for t in ticks:
        fig.add(Line(left, y(t), right, y(t), stroke=style.RULE, width=0.15),
                Label(left - 1.0, y(t), number(t, dec, lang), 5.5, style.MUTED, "end"))
    last = len(periods) - 1
    every = max(1, math.ceil(len(periods) / 6))
    for i, p in enumerate(periods):
        if i == last or (i % every == 0 and last - i >= every):  # the last is always labelled
            fig.add(Label(x(i), bottom + 2.4, p, 5.5, style.MUTED, "middle"))
    fig.add(Line(left, bottom, right, bottom, stroke=style.MUTED, width=0.2))


def _plot_series(fig: Figure, s: TrendSeries, x: Any, y: Any) -> None:
    xs = list(range(len(s.periods)))
    for run in _runs(xs, s.lower, s.upper):
        upper = [(x(i), y(u)) for i, _lo, u in run]
        lower = [(x(i), y(lo)) for i, lo, _u in reversed(run)]
        fig.add(Poly(tuple(upper + lower), fill=style.AREA_BAND, closed=True))
    for run in _runs(xs, s.city):
        fig.add(Poly(tuple((x(i), y(v)) for i, v in run), stroke=style.CITY_LINE, width=0.35,
                     dash=(1.2, 0.8)))
    for run in _runs(xs, s.area):
        fig.add(Poly(tuple((x(i), y(v)) for i, v in run), stroke=style.AREA_LINE, width=0.45))
        fig.add(*[Circle(x(i), y(v), 0.55, fill=style.AREA_LINE) for i, v in run])


def trend_chart(row: IndicatorRow, lang: str, width: float = 58.0, height: float = 44.0) -> Figure:
    """Area (line, 95% CI band) against city (dashed) over the periods, titled with the
    indicator and subtitled with the trend and gap trend."""
    s = row.series
    fig = Figure(width, height, title=_trend_text(row, lang))
    title = wrap(f"{row.name}" + (f" ({row.unit})" if row.unit else ""), width, 6.5, bold=True)[:2]
    for i, line in enumerate(title):
        fig.add(Label(0, 1.6 + i * 3.0, line, 6.5, style.INK, bold=True))
    sub_y = 1.6 + len(title) * 3.0 + 0.2
    fig.add(Label(0, sub_y, fit(_subtitle(row, lang), width, 5.8), 5.8, style.MUTED))
    if s is None:
        return fig
    values = [v for v in (*s.area, *s.lower, *s.upper, *s.city) if v is not None]
    if not values:
        return fig
    ticks = nice_ticks(min(values), max(values))
    left, top, right, bottom = 11.0, sub_y + 3.5, width - 4.0, height - 4.5
    n = len(s.periods)

    def x(i: float) -> float:
        return left + (right - left) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return bottom - (v - ticks[0]) / ((ticks[-1] - ticks[0]) or 1.0) * (bottom - top)

    _axes(fig, (left, top, right, bottom), ticks, y, s.periods, x, row.decimals, lang)
    _plot_series(fig, s, x, y)
    return fig


def sii_sparkline(line: InequalityLine, width: float = 34.0, height: float = 7.0) -> Figure:
    """The SII of every period as a small line (no gap: a dashed zero line, when in range)."""
    fig = Figure(width, height, title=f"SII {', '.join(line.periods)}")
    values = [v for v in line.series if v is not None]
    if not values:
        return fig
    lo, hi = min(*values, 0.0), max(*values, 0.0)
    n, pad = len(line.series), 1.0

    def x(i: float) -> float:
        return pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return height - pad - (v - lo) / ((hi - lo) or 1.0) * (height - 2 * pad)

    fig.add(Line(pad, y(0.0), width - pad, y(0.0), stroke=style.MUTED, width=0.15, dash=(0.8, 0.6)))
    for run in _runs(list(range(n)), line.series):
        fig.add(Poly(tuple((x(i), y(v)) for i, v in run), stroke=style.AREA_LINE, width=0.35))
        fig.add(*[Circle(x(i), y(v), 0.45, fill=style.AREA_LINE) for i, v in run])
    return fig


def gap_text(row: IndicatorRow, lang: str) -> str:
    """The gap trend's words, or nothing when there are too few periods to judge it."""
    return "" if row.gap_trend == "not_enough_data" else strings.label("gap", row.gap_trend, lang)


def _subtitle(row: IndicatorRow, lang: str) -> str:
    trend = f"{style.trend_arrow(row.trend, row.polarity)} {strings.label('trend', row.trend, lang)}"
    gap = gap_text(row, lang)
    return f"{trend} · {gap}" if gap else trend


def _trend_text(row: IndicatorRow, lang: str) -> str:
    s = row.series
    if s is None:
        return row.name
    return (f"{row.name}, {s.periods[0]}–{s.periods[-1]}: "
            f"{strings.label('trend', row.trend, lang)}; {strings.label('gap', row.gap_trend, lang)}")


def trend_legend(lang: str, width: float = 120.0) -> Figure:
    """Area line, its CI band and the city line, in one row."""
    fig = Figure(width, 5.0)
    area = strings.text("this_area", lang)
    ci = strings.text("ci95", lang)
    city = strings.text("city_value", lang)
    fig.add(Line(0, 2.5, 7, 2.5, stroke=style.AREA_LINE, width=0.45), Circle(3.5, 2.5, 0.55, fill=style.AREA_LINE),
            Label(8.5, 2.5, area, 6.5, style.INK),
            Rect(30, 1.2, 7, 2.6, fill=style.AREA_BAND), Label(38.5, 2.5, f"{area}, {ci}", 6.5, style.INK),
            Line(72, 2.5, 79, 2.5, stroke=style.CITY_LINE, width=0.35, dash=(1.2, 0.8)),
            Label(80.5, 2.5, city, 6.5, style.INK))
    return fig


def comparison_legend(lang: str, codes: Sequence[str], width: float = 180.0) -> Figure:
    """Chips with the symbol and word of each comparison outcome, spread over ``width``
    (two rows when one is too narrow)."""
    words = [strings.label("compared", c, lang) for c in codes]
    sizes = [7.2 + text_width(w, 6.5) for w in words]
    rows = [list(range(len(codes)))]
    if sum(sizes) + 3.0 * (len(codes) - 1) > width:
        half = (len(codes) + 1) // 2
        rows = [list(range(half)), list(range(half, len(codes)))]
    fig = Figure(width, 5.0 * len(rows))
    for r, members in enumerate(rows):
        gap = (width - sum(sizes[i] for i in members)) / max(len(members) - 1, 1)
        gap = min(max(gap, 3.0), 12.0)
        x, y = 0.0, r * 5.0
        for i in members:
            code = codes[i]
            fig.add(Rect(x, y + 0.8, 6.0, 3.4, fill=style.comparison_fill(code), stroke=style.MUTED,
                         width=0.15),
                    Label(x + 3.0, y + 2.5, style.comparison_symbol(code), 6.5,
                          style.comparison_ink(code), "middle", bold=True),
                    Label(x + 7.2, y + 2.5, words[i], 6.5, style.INK))
            x += sizes[i] + gap
    return fig


# --- locator map ------------------------------------------------------------------------
LOCATOR_OUTLINES = 400  # other areas drawn one by one; more: the city's outline, filled
def _rings(geom: Any, project: Any) -> tuple[tuple[Point, ...], ...]:
    rings: list[tuple[Point, ...]] = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in (poly.exterior, *poly.interiors):
            coords = np.asarray(ring.coords)
            rings.append(tuple(project(coords)))
    return tuple(rings)


def locator_legend(area_name: str, lang: str, width: float) -> Figure:
    """Swatches of the locator map, centred: this area, prioritized areas, other areas."""
    entries = [(style.MAP_AREA, area_name), (style.MAP_PRIORITIZED, strings.text("prioritized_areas", lang)),
               (style.MAP_PEER, strings.text("other_areas", lang))]
    sizes = [5.5 + text_width(fit(name, 50, 6.5), 6.5) for _, name in entries]
    x = max((width - sum(sizes) - 6.0 * (len(entries) - 1)) / 2, 0.0)
    fig = Figure(width, 5.0)
    for (color, name), size in zip(entries, sizes, strict=True):
        fig.add(Rect(x, 1.1, 4.0, 2.8, fill=color, stroke=style.MUTED, width=0.1),
                Label(x + 5.5, 2.5, fit(name, 50, 6.5), 6.5, style.MUTED))
        x += size + 6.0
    return fig


def locator_map(frame: Any, width: float, height: float, title: str = "",
                locator_outlines: int = LOCATOR_OUTLINES) -> Figure:
    """The areas of the level (grey), prioritized ones a shade darker, this area in colour,
    and the city outline; projected equirectangularly around the city's centre. Beyond
    ``locator_outlines`` other areas, they are drawn as the city's filled outline."""
    fig = Figure(width, height, title=title)
    if frame is None or frame.empty:
        return fig
    minx, miny, maxx, maxy = frame.total_bounds
    coslat = math.cos(math.radians((miny + maxy) / 2))
    dx, dy = (maxx - minx) * coslat or 1e-9, (maxy - miny) or 1e-9
    scale = min((width - 2) / dx, (height - 2) / dy)
    ox = (width - dx * scale) / 2
    oy = (height - dy * scale) / 2

    def project(c: np.ndarray) -> list[Point]:
        xs = ox + (c[:, 0] - minx) * coslat * scale
        ys = oy + (maxy - c[:, 1]) * scale
        return list(zip(xs.round(2).tolist(), ys.round(2).tolist(), strict=True))

    tolerance = 0.25 / scale  # a quarter millimetre on paper
    # Past a few hundred areas their borders are a grey mass at this size: the other areas
    # are then the city's own outline, filled (one shape, not thousands for the PDF to draw)
    others = ((frame["role"] == "peer") & ~frame["prioritized"]).to_numpy()
    many = int(others.sum()) > locator_outlines and bool((frame["role"] == "city").any())
    shown = frame[~others] if many else frame
    geoms = shapely.simplify(shown.geometry.values, tolerance, preserve_topology=True)
    layers: dict[str, list[tuple[Point, ...]]] = {"peer": [], "prioritized": [], "area": [], "city": []}
    for geom, role, prio in zip(geoms, shown["role"], shown["prioritized"], strict=True):
        layers["prioritized" if role == "peer" and prio else role].extend(_rings(geom, project))
    if many:
        layers["peer"] = list(layers["city"])
    # one path per layer: the areas of a coverage never overlap, so even-odd filling is exact
    fig.add(Shape(tuple(layers["peer"]), fill=style.MAP_PEER, stroke=style.MAP_EDGE, width=0.2),
            Shape(tuple(layers["prioritized"]), fill=style.MAP_PRIORITIZED, stroke=style.MAP_EDGE, width=0.2),
            Shape(tuple(layers["area"]), fill=style.MAP_AREA, stroke=style.INK, width=0.3),
            Shape(tuple(layers["city"]), fill=None, stroke=style.MAP_CITY, width=0.4))
    return fig
