"""Vector figures as plain shapes in millimetres, drawn into a PDF or written as SVG.

A chart is a :class:`Figure`: a size and a list of shapes (lines, rectangles,
circles, polygons, multi-ring shapes, labels). :mod:`reports.charts`
builds them; the PDF renderer draws them with fpdf2 and :func:`to_svg` writes
them inline into the HTML profile, so both formats show the same chart.
Text widths come from the DejaVu Sans metrics, the font the PDF embeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

import matplotlib

PT = 25.4 / 72  # millimetres per point
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
SVG_FONT = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif"

Point = tuple[float, float]


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = "#000000"
    width: float = 0.2
    dash: tuple[float, float] | None = None


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.2


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.2


@dataclass(frozen=True)
class Poly:
    """An open polyline (``closed=False``) or a simple polygon."""

    points: tuple[Point, ...]
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.2
    closed: bool = False
    dash: tuple[float, float] | None = None


@dataclass(frozen=True)
class Shape:
    """Several rings filled with the even-odd rule (a multipolygon with holes)."""

    rings: tuple[tuple[Point, ...], ...]
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.2


@dataclass(frozen=True)
class Label:
    """Text whose vertical middle is at ``y``; ``anchor`` is start, middle or end."""

    x: float
    y: float
    text: str
    size: float = 7.0  # points
    color: str = "#222222"
    anchor: str = "start"
    bold: bool = False


Item = Line | Rect | Circle | Poly | Shape | Label


@dataclass
class Figure:
    width: float
    height: float
    items: list[Item] = field(default_factory=list)
    title: str = ""  # text alternative (SVG <title>)

    def add(self, *items: Item) -> None:
        self.items.extend(items)


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(FONT_BOLD if bold else FONT_REGULAR, lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    widths = {code: hmtx[name][0] for code, name in cmap.items()}
    return widths, int(font["head"].unitsPerEm)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in millimetres of ``text`` set in DejaVu Sans at ``size`` points."""
    widths, upm = _advances(bold)
    fallback = widths.get(ord("n"), upm // 2)
    units = sum(widths.get(ord(c), fallback) for c in text)
    return units / upm * size * PT


def fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text``, cut with an ellipsis so that it fits in ``width`` millimetres."""
    if text_width(text, size, bold) <= width:
        return text
    widths, upm = _advances(bold)
    fallback = widths.get(ord("n"), upm // 2)
    room = width / (size * PT) * upm - widths.get(ord("…"), fallback)  # in font units
    used, kept = 0, 0  # the longest start of the text that fits with the ellipsis
    for char in text:
        used += widths.get(ord(char), fallback)
        if used > room:
            break
        kept += 1
    return text[:kept].rstrip() + "…"


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` millimetres (long words are cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = fit(word, width, size, bold)
    if current:
        lines.append(current)
    return lines or [""]


# --- SVG --------------------------------------------------------------------------------
def _f(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _paint(fill: str | None, stroke: str | None, width: float) -> str:
    out = f' fill="{fill or "none"}"'
    if stroke:
        out += f' stroke="{stroke}" stroke-width="{_f(width)}"'
    return out


def _svg_item(item: Item) -> str:
    if isinstance(item, Line):
        dash = f' stroke-dasharray="{_f(item.dash[0])} {_f(item.dash[1])}"' if item.dash else ""
        return (f'<line x1="{_f(item.x1)}" y1="{_f(item.y1)}" x2="{_f(item.x2)}" y2="{_f(item.y2)}"'
                f' stroke="{item.stroke}" stroke-width="{_f(item.width)}"{dash}/>')
    if isinstance(item, Rect):
        return (f'<rect x="{_f(item.x)}" y="{_f(item.y)}" width="{_f(item.w)}" height="{_f(item.h)}"'
                f"{_paint(item.fill, item.stroke, item.width)}/>")
    if isinstance(item, Circle):
        return (f'<circle cx="{_f(item.cx)}" cy="{_f(item.cy)}" r="{_f(item.r)}"'
                f"{_paint(item.fill, item.stroke, item.width)}/>")
    if isinstance(item, Poly):
        tag = "polygon" if item.closed else "polyline"
        pts = " ".join(f"{_f(x)},{_f(y)}" for x, y in item.points)
        dash = f' stroke-dasharray="{_f(item.dash[0])} {_f(item.dash[1])}"' if item.dash else ""
        return f'<{tag} points="{pts}"{_paint(item.fill, item.stroke, item.width)}{dash}/>'
    if isinstance(item, Shape):
        if not item.rings:
            return ""
        d = " ".join("M" + " L".join(f"{_f(x)} {_f(y)}" for x, y in ring) + " Z" for ring in item.rings)
        return f'<path d="{d}" fill-rule="evenodd"{_paint(item.fill, item.stroke, item.width)}/>'
    anchor = {"start": "start", "middle": "middle", "end": "end"}[item.anchor]
    weight = ' font-weight="bold"' if item.bold else ""
    size = item.size * PT
    return (f'<text x="{_f(item.x)}" y="{_f(item.y + 0.35 * size)}" font-size="{_f(size)}"'
            f' fill="{item.color}" text-anchor="{anchor}"{weight}>{escape(item.text)}</text>')


def to_svg(fig: Figure, css_width: str | None = None) -> str:
    """The figure as an inline ``<svg>`` element (user units are millimetres)."""
    width = css_width or f"{_f(fig.width)}mm"
    body = "".join(_svg_item(i) for i in fig.items)
    title = f"<title>{escape(fig.title)}</title>" if fig.title else ""
    return (
        f'<svg viewBox="0 0 {_f(fig.width)} {_f(fig.height)}"'
        f' width="{width}" role="img" font-family="{SVG_FONT}"'
        f' aria-label="{escape(fig.title)}">{title}{body}</svg>'
    )
