"""Display geometry for the browser: simplified as a coverage, quantized, compact.

The map needs the outlines at screen resolution, not survey precision:

- **Simplify as a coverage.** The areas are simplified together
  (``shapely.coverage_simplify``: shared edges stay shared, so no slivers open
  between neighbours) with a tolerance of a pixel of a full-screen map (the
  city's extent / ``cells``). When the areas are many, each is only a few
  pixels wide at the full view, so the tolerance grows with
  ``sqrt(areas / LARGE_COUNT)`` (about 1.7 pixels at 6,000 areas): the outlines
  cannot show finer detail there, and the vertex count stays bounded.
- **Quantize.** Coordinates are written with as many decimals as a pixel needs
  (:func:`grid_decimals`).
- **Clean after rounding.** Consecutive duplicates and vertices that rounding
  left exactly collinear are dropped, and rings that collapse are dropped. A
  collinear vertex is kept where three or more rings meet (a junction), so
  neighbours keep identical vertex sequences along their shared border. An area
  that would vanish entirely is written with more decimals instead, so every
  area stays drawn and clickable.
- **Compact JSON.** Only ``id`` (the area code, the traces' ``featureidkey``) and
  the geometry per feature; no properties, no whitespace.

The result is served once per load batch as a GeoJSON resource that the map
traces reference by URL, so an indicator change never re-sends it. A load computes it
once and keeps it in the store (``display_geometries``, issue 14), so a web worker reads
it instead of simplifying thousands of outlines when it starts; it lives in ``store/``
because both the writer (``etl``) and the readers (the dashboard, for a store written
without it) make it.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

DEFAULT_CELLS = 900
LARGE_COUNT = 2000  # above this many areas the simplification tolerance grows
MAX_DECIMALS = 6


@dataclass(frozen=True)
class DisplayGeometry:
    body: bytes  # compact JSON
    gzipped: bytes
    bounds: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    decimals: int
    tolerance: float = 0.0  # of the coverage simplification, degrees
    vertices: int = 0  # written, closing points included

    @functools.cached_property
    def geojson(self) -> dict[str, Any]:
        """The FeatureCollection (decoded when asked: the pages serve the bytes)."""
        return json.loads(self.body)  # type: ignore[no-any-return]

    @classmethod
    def of_gzipped(cls, gzipped: bytes, bounds: tuple[float, float, float, float], decimals: int,
                   tolerance: float, vertices: int) -> DisplayGeometry:
        """As kept in the store (the gzipped body only)."""
        return cls(gzip.decompress(gzipped), gzipped, bounds, decimals, tolerance, vertices)


def grid_decimals(extent: float, cells: int = DEFAULT_CELLS) -> int:
    """Decimals of a degree that resolve ``extent / cells`` (between 2 and 6)."""
    if extent <= 0 or cells <= 0:
        return MAX_DECIMALS
    step = extent / cells
    return int(min(MAX_DECIMALS, max(2, math.ceil(-math.log10(step)))))


def display_tolerance(extent: float, n_areas: int, cells: int = DEFAULT_CELLS) -> float:
    """A pixel of a full-screen map, widened by ``sqrt(n_areas / LARGE_COUNT)`` when areas are many."""
    return extent / cells * max(1.0, math.sqrt(n_areas / LARGE_COUNT))


def _polygons(geom: Any) -> list[Any]:
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [p for part in geom.geoms for p in _polygons(part)]
    return []  # lines and points left over from make_valid


def _rings(geom: Any) -> list[list[np.ndarray]]:
    """Each polygon's rings (exterior first) as coordinate arrays."""
    return [[np.asarray(p.exterior.coords)] + [np.asarray(r.coords) for r in p.interiors]
            for p in _polygons(geom) if not p.is_empty]


def _dedupe(ring: np.ndarray, decimals: int) -> np.ndarray:
    """``ring`` rounded, without consecutive duplicates (the closing point is kept)."""
    arr = np.round(ring, decimals)
    if len(arr) < 2:
        return arr
    keep = np.ones(len(arr), dtype=bool)
    keep[1:] = np.any(arr[1:] != arr[:-1], axis=1)
    return arr[keep]


def _drop_collinear(ring: np.ndarray, junctions: set[tuple[float, float]]) -> np.ndarray:
    """Drop vertices exactly on the line of their neighbours, except at junctions."""
    if len(ring) < 5 or not np.array_equal(ring[0], ring[-1]):
        return ring
    pts = ring[:-1]
    prev, nxt = np.vstack([pts[-1:], pts[:-1]]), np.vstack([pts[1:], pts[:1]])
    cross = ((pts[:, 0] - prev[:, 0]) * (nxt[:, 1] - prev[:, 1])
             - (pts[:, 1] - prev[:, 1]) * (nxt[:, 0] - prev[:, 0]))
    scale = np.abs(pts).max() or 1.0
    keep = np.abs(cross) > 1e-12 * scale * scale
    keep |= np.array([tuple(p) in junctions for p in pts.tolist()], dtype=bool) if junctions else False
    if keep.sum() < 3:
        return ring
    kept = pts[keep]
    return np.vstack([kept, kept[:1]])


def _junctions(rounded: list[list[list[np.ndarray]]]) -> set[tuple[float, float]]:
    """Rounded vertices that occur three or more times (where borders meet, or a ring pinches)."""
    rings = [r[:-1] for area in rounded for poly in area for r in poly if len(r) > 1]
    if not rings:
        return set()
    pts, counts = np.unique(np.vstack(rings), axis=0, return_counts=True)
    return {tuple(p) for p in pts[counts >= 3].tolist()}


def _coordinates(polys: list[list[np.ndarray]], junctions: set[tuple[float, float]]) -> list[Any]:
    """GeoJSON polygon coordinates of rounded rings; collapsed rings and polygons dropped."""
    result = []
    for rings in polys:
        cleaned = [_drop_collinear(r, junctions) for r in rings]
        if len(cleaned[0]) < 4:  # the exterior collapsed: so did the polygon
            continue
        result.append([r.tolist() for r in cleaned if len(r) >= 4])
    return result


def _geometry(coords: list[Any]) -> dict[str, Any]:
    if len(coords) == 1:
        return {"type": "Polygon", "coordinates": coords[0]}
    return {"type": "MultiPolygon", "coordinates": coords}


def _rescue(geom: Any, decimals: int) -> list[Any]:
    """An area that rounding erased, written with more decimals until it shows."""
    for more in range(decimals + 1, MAX_DECIMALS + 1):
        coords = _coordinates([[_dedupe(r, more) for r in p] for p in _rings(geom)], set())
        if coords:
            return coords
    return []


def simplify_coverage(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplify polygons that tile the city without opening gaps between them."""
    try:
        return np.asarray(shapely.coverage_simplify(geoms, tolerance))
    except Exception:  # not a clean coverage: fall back to per-area simplify
        return np.asarray(shapely.simplify(geoms, tolerance, preserve_topology=True))


def _encode(collection: dict[str, Any]) -> tuple[bytes, bytes]:
    body = json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode()
    return body, gzip.compress(body, 6, mtime=0)  # no timestamp: the same bytes on every run


def display_geometry(frame: gpd.GeoDataFrame, codes: list[str] | None = None,
                     cells: int = DEFAULT_CELLS) -> DisplayGeometry:
    """A compact FeatureCollection (feature ``id`` = area code) of ``frame``'s areas."""
    if codes is not None:
        frame = frame[frame["code"].isin(codes)]
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        empty: dict[str, Any] = {"type": "FeatureCollection", "features": []}
        body, gz = _encode(empty)
        return DisplayGeometry(body, gz, (0.0, 0.0, 0.0, 0.0), MAX_DECIMALS)
    lon_min, lat_min, lon_max, lat_max = (float(v) for v in frame.total_bounds)
    extent = max(lon_max - lon_min, (lat_max - lat_min) / math.cos(math.radians(lat_min or 1)))
    decimals = grid_decimals(extent, cells)
    tolerance = display_tolerance(extent, len(frame), cells)
    geoms = [shapely.make_valid(g) if g is not None else None
             for g in simplify_coverage(frame.geometry.to_numpy(), tolerance)]
    rounded = [[[_dedupe(r, decimals) for r in p] for p in _rings(g)] if g is not None else []
               for g in geoms]
    junctions = _junctions(rounded)
    features, vertices = [], 0
    for code, polys, original in zip(frame["code"], rounded, frame.geometry, strict=True):
        coords = _coordinates(polys, junctions) or _rescue(original, decimals)
        if coords:
            vertices += sum(len(r) for p in coords for r in p)
            features.append({"type": "Feature", "id": str(code), "geometry": _geometry(coords)})
    collection = {"type": "FeatureCollection", "features": features}
    body, gz = _encode(collection)
    return DisplayGeometry(body, gz, (lon_min, lat_min, lon_max, lat_max), decimals, tolerance,
                           vertices)
