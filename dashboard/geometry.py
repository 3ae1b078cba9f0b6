"""Display geometry for the browser: simplified as a coverage, quantized, compact.

The map needs the outlines at screen resolution, not survey precision. The
areas are simplified together (``shapely.coverage_simplify`` keeps shared
edges shared, so no slivers open between neighbours) with a tolerance of the
city's extent / ``cells`` (about a pixel of a full-screen map), and written
with as many decimals as that tolerance needs. The result is served once per load batch as a
GeoJSON resource that the map traces reference by URL, so an indicator change
never re-sends it.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

DEFAULT_CELLS = 900


@dataclass(frozen=True)
class DisplayGeometry:
    geojson: dict[str, Any]
    body: bytes  # compact JSON
    gzipped: bytes
    bounds: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    decimals: int


def grid_decimals(extent: float, cells: int = DEFAULT_CELLS) -> int:
    """Decimals of a degree that resolve ``extent / cells`` (between 2 and 6)."""
    if extent <= 0 or cells <= 0:
        return 6
    step = extent / cells
    return int(min(6, max(2, math.ceil(-math.log10(step)))))


def _round_coords(coords: Any, decimals: int) -> Any:
    arr = np.round(np.asarray(coords, dtype=float), decimals)
    out = arr.tolist()
    # Drop consecutive duplicates left by rounding (keep the closing point).
    return [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]


def _polygons(geom: Any) -> list[Any]:
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [p for part in geom.geoms for p in _polygons(part)]
    return []  # lines and points left over from make_valid


def _polygon_coords(geom: Any, decimals: int) -> list[Any] | None:
    result = []
    for poly in _polygons(geom):
        if poly.is_empty:
            continue
        rings = [_round_coords(poly.exterior.coords, decimals)]
        rings += [_round_coords(r.coords, decimals) for r in poly.interiors]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            result.append(rings)
    return result or None


def simplify_coverage(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplify polygons that tile the city without opening gaps between them."""
    try:
        return np.asarray(shapely.coverage_simplify(geoms, tolerance))
    except Exception:  # not a clean coverage: fall back to per-area simplify
        return np.asarray(shapely.simplify(geoms, tolerance, preserve_topology=True))


def display_geometry(frame: gpd.GeoDataFrame, codes: list[str] | None = None,
                     cells: int = DEFAULT_CELLS) -> DisplayGeometry:
    """A compact FeatureCollection (feature ``id`` = area code) of ``frame``'s areas."""
    if codes is not None:
        frame = frame[frame["code"].isin(codes)]
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        empty = {"type": "FeatureCollection", "features": []}
        body = json.dumps(empty).encode()
        return DisplayGeometry(empty, body, gzip.compress(body), (0.0, 0.0, 0.0, 0.0), 6)
    lon_min, lat_min, lon_max, lat_max = (float(v) for v in frame.total_bounds)
    extent = max(lon_max - lon_min, (lat_max - lat_min) / math.cos(math.radians(lat_min or 1)))
    decimals = grid_decimals(extent, cells)
    geoms = simplify_coverage(frame.geometry.to_numpy(), extent / cells)
    features = []
    for code, geom in zip(frame["code"], geoms, strict=True):
        coords = _polygon_coords(shapely.make_valid(geom), decimals) if geom is not None else None
        if coords:
            geometry = ({"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1
                        else {"type": "MultiPolygon", "coordinates": coords})
            features.append({"type": "Feature", "id": str(code), "geometry": geometry})
    collection = {"type": "FeatureCollection", "features": features}
    body = json.dumps(collection, separators=(",", ":")).encode()
    return DisplayGeometry(collection, body, gzip.compress(body, 6),
                           (lon_min, lat_min, lon_max, lat_max), decimals)
