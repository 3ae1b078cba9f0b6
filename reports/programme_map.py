"""The report's static map: how many initiatives run in each area in the report year,
drawn on the city's areas (no tiles), prioritized areas outlined, with the count written
in each area that has one. A :class:`~reports.drawing.Figure`, so the PDF draws it as
vector shapes and the HTML writes it as inline SVG, like the profile's locator map."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import shapely

from reports import programme_strings as ps
from reports import style
from reports.drawing import Figure, Label, Point, Rect, Shape, text_width
from reports.programme_model import ProgrammeReport

# (lowest count, fill, label ink): the classes of the count
CLASSES = ((0, style.MAP_PEER, style.INK), (1, "#c6dbef", style.INK), (2, "#6baed6", style.INK),
           (4, "#2166ac", "#ffffff"))
PRIORITIZED_LINE = style.MAP_AREA


def count_class(n: int) -> int:
    """Index into CLASSES of ``n`` initiatives: 0, 1, 2–3, 4 or more."""
    return max(i for i, (low, _, _) in enumerate(CLASSES) if n >= low)


def class_names(lang: str) -> list[str]:
    return [ps.text("map_none", lang), "1", "2–3", "4+"]


def _projector(frame: Any, width: float, height: float) -> Any:
    minx, miny, maxx, maxy = frame.total_bounds
    coslat = math.cos(math.radians((miny + maxy) / 2))
    dx, dy = (maxx - minx) * coslat or 1e-9, (maxy - miny) or 1e-9
    scale = min((width - 2) / dx, (height - 2) / dy)
    ox, oy = (width - dx * scale) / 2, (height - dy * scale) / 2

    def project(c: np.ndarray) -> list[Point]:
        xs = ox + (c[:, 0] - minx) * coslat * scale
        ys = oy + (maxy - c[:, 1]) * scale
        return list(zip(xs.round(2).tolist(), ys.round(2).tolist(), strict=True))

    return project, scale


def _rings(geom: Any, project: Any) -> list[tuple[Point, ...]]:
    rings: list[tuple[Point, ...]] = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or not hasattr(poly, "exterior"):
            continue
        rings.append(tuple(project(np.asarray(poly.exterior.coords))))
        rings.extend(tuple(project(np.asarray(r.coords))) for r in poly.interiors)
    return rings


def initiative_map(report: ProgrammeReport, width: float, height: float) -> Figure:
    """Areas filled by their count class, prioritized ones outlined, counts written."""
    title = ps.text("map_caption", report.lang, year=report.year, city=report.city_name)
    fig = Figure(width, height, title=title)
    frame = report.geometries
    if frame is None or frame.empty:
        return fig
    project, scale = _projector(frame, width, height)
    geoms = shapely.simplify(frame.geometry.values, 0.25 / scale, preserve_topology=True)
    fills: list[list[tuple[Point, ...]]] = [[] for _ in CLASSES]
    outlined: list[tuple[Point, ...]] = []
    city: list[tuple[Point, ...]] = []
    labels: list[Label] = []
    for geom, code, role, prio in zip(geoms, frame["code"], frame["role"], frame["prioritized"],
                                      strict=True):
        rings = _rings(geom, project)
        if role == "city":
            city.extend(rings)
            continue
        n = report.area_counts.get(str(code), 0)
        k = count_class(n)
        fills[k].extend(rings)
        if prio:
            outlined.extend(rings)
        if n:
            spot = shapely.point_on_surface(geom)
            (x, y), = project(np.asarray([[spot.x, spot.y]]))
            labels.append(Label(x, y, str(n), 7.5, CLASSES[k][2], "middle", bold=True))
    for (_, fill, _), rings in zip(CLASSES, fills, strict=True):
        fig.add(Shape(tuple(rings), fill=fill, stroke=style.MAP_EDGE, width=0.25))
    fig.add(Shape(tuple(outlined), fill=None, stroke=PRIORITIZED_LINE, width=0.8),
            Shape(tuple(city), fill=None, stroke=style.MAP_CITY, width=0.4), *labels)
    return fig


def map_legend(lang: str, width: float) -> Figure:
    """The count classes and the prioritized outline, in one row."""
    fig = Figure(width, 7.0)
    x = 0.0
    title = ps.text("initiatives", lang) + ":"
    fig.add(Label(x, 3.5, title, 7, style.MUTED, bold=True))
    x += text_width(title, 7, True) + 3.0
    for (_, fill, _), name in zip(CLASSES, class_names(lang), strict=True):
        fig.add(Rect(x, 1.5, 5.0, 4.0, fill=fill, stroke=style.MUTED, width=0.15),
                Label(x + 6.5, 3.5, name, 7, style.INK))
        x += 10.0 + text_width(name, 7)
    fig.add(Rect(x, 1.5, 5.0, 4.0, fill=None, stroke=PRIORITIZED_LINE, width=0.8),
            Label(x + 6.5, 3.5, ps.text("map_prioritized", lang), 7, style.INK))
    return fig
