"""Neighbourhood boundaries of the synthetic demo city (EPSG:3006, SWEREF99 TM).

The city sits around 6,400,000 N / 380,000 E (south-western Sweden). Its
outline is a wobbly, slightly elongated blob cut in two by a meandering river.
Neighbourhoods are Voronoi cells of well-spread seed points (denser in the
centre), computed separately on each bank, so the river is a border. The
noded cell network is densified and bent by a smooth displacement field, which
gives organic borders while every shared border stays exactly shared: a
vertex is moved by a function of its coordinates only, so both neighbours
move it alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import split

CENTRE = (380_000.0, 6_400_000.0)
RADIUS = 4_600.0  # metres, mean radius of the city outline
N_AREAS = 40
GRID = 0.01  # coordinates are rounded to centimetres


@dataclass(frozen=True)
class Cell:
    """One neighbourhood before naming: its polygon and facts about its place."""

    polygon: Polygon
    distance: float  # metres from the city centre to the polygon's centroid
    bearing: float  # degrees clockwise from north, as seen from the centre
    on_river: bool


def outline(rng: np.random.Generator) -> Polygon:
    """A wobbly, east-west elongated city outline."""
    theta = np.linspace(0.0, 2 * math.pi, 181)[:-1]
    radius = np.ones_like(theta)
    for k, amp in ((2, 0.10), (3, 0.11), (4, 0.07), (5, 0.04), (7, 0.03), (11, 0.015)):
        radius += amp * np.cos(k * theta + rng.uniform(0, 2 * math.pi))
    x = CENTRE[0] + RADIUS * 1.15 * radius * np.cos(theta)
    y = CENTRE[1] + RADIUS * 0.92 * radius * np.sin(theta)
    return Polygon(np.column_stack([x, y]))


def river() -> LineString:
    """A meandering river from west to east, a little south of the centre."""
    x = np.linspace(CENTRE[0] - 9_000, CENTRE[0] + 9_000, 241)
    u = (x - CENTRE[0]) / 1_000.0
    y = CENTRE[1] - 500 + 650 * np.sin(u / 1.7) + 260 * np.sin(u / 0.65 + 1.0) + 25 * u
    return LineString(np.column_stack([x, y]))


def _local_scale(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Typical neighbourhood size at a place: small in the centre, large outside."""
    d = np.hypot(x - CENTRE[0], y - CENTRE[1])
    return 1.0 + d / 1_600.0


def seeds(shape: Polygon, n: int, rng: np.random.Generator) -> np.ndarray:
    """Mitchell's best-candidate points, spread relative to the local scale."""
    minx, miny, maxx, maxy = shape.bounds
    chosen: list[tuple[float, float]] = []
    while len(chosen) < n:
        cx = rng.uniform(minx, maxx, 40)
        cy = rng.uniform(miny, maxy, 40)
        inside = shapely.contains_xy(shape, cx, cy)
        cx, cy = cx[inside], cy[inside]
        if cx.size == 0:
            continue
        if not chosen:
            best = int(np.argmin(np.hypot(cx - CENTRE[0], cy - CENTRE[1])))
        else:
            pts = np.asarray(chosen)
            d = np.min(np.hypot(cx[:, None] - pts[:, 0], cy[:, None] - pts[:, 1]), axis=1)
            best = int(np.argmax(d / _local_scale(cx, cy)))
        chosen.append((float(cx[best]), float(cy[best])))
    return np.asarray(chosen)


def _voronoi(points: np.ndarray, part: Polygon) -> list[Polygon]:
    cells = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=part)
    out: list[Polygon] = []
    for cell in shapely.get_parts(cells):
        piece = shapely.intersection(cell, part)
        out.extend(p for p in shapely.get_parts(piece) if isinstance(p, Polygon) and p.area > 1)
    return out


def _warp(coords: np.ndarray) -> np.ndarray:
    """A smooth displacement field (metres); a pure function of the coordinates."""
    x = (coords[:, 0] - CENTRE[0]) / 1_000.0
    y = (coords[:, 1] - CENTRE[1]) / 1_000.0
    dx = 90 * np.sin(1.9 * y + 0.3) + 45 * np.sin(4.3 * y + 1.7 * x + 2.0)
    dy = 90 * np.sin(1.7 * x + 1.1) + 45 * np.sin(3.9 * x - 1.3 * y + 0.5)
    out = coords + np.column_stack([dx, dy])
    return np.round(out / GRID) * GRID


def _organic(cells: list[Polygon]) -> list[Polygon]:
    """Densify the shared-border network and bend it; one polygon per input cell."""
    network = shapely.union_all([c.boundary for c in cells], grid_size=GRID)
    network = shapely.segmentize(network, 60.0)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(network))))
    out: list[Polygon] = []
    for cell in cells:
        probe = cell.representative_point()
        face = next(f for f in faces if f.contains(probe))
        out.append(shapely.transform(face, _warp))
    return out


def neighbourhoods(seed: int = 3006) -> tuple[list[Cell], Polygon, LineString]:
    """The ~40 neighbourhood cells, the city outline and the river (all EPSG:3006)."""
    rng = np.random.default_rng(seed)
    city = outline(rng)
    flow = river()
    points = seeds(city, N_AREAS, rng)
    cells: list[Polygon] = []
    for part in split(city, flow).geoms:
        inside = points[shapely.contains_xy(part, points[:, 0], points[:, 1])]
        if len(inside):  # slivers cut off by a meander without a seed are dropped
            cells.extend(_voronoi(inside, part))
    city = shapely.union_all(cells, grid_size=GRID)
    warped = _organic(cells)
    bank = shapely.transform(flow, _warp)
    out = []
    for poly in warped:
        c = poly.centroid
        dx, dy = c.x - CENTRE[0], c.y - CENTRE[1]
        out.append(
            Cell(
                polygon=poly,
                distance=math.hypot(dx, dy),
                bearing=math.degrees(math.atan2(dx, dy)) % 360.0,
                on_river=poly.distance(bank) < 5.0,
            )
        )
    return out, shapely.transform(city, _warp), bank


def is_coverage(polygons: list[Polygon]) -> bool:
    """True when the polygons share borders exactly (no gaps inside, no overlaps)."""
    valid = bool(np.all(shapely.coverage_is_valid(np.asarray(polygons, dtype=object))))
    return valid and all(p.is_valid for p in polygons)


def centre_point() -> Point:
    return Point(CENTRE)
