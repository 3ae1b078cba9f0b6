"""Display geometry: quantized and cleaned without opening gaps, and smaller than the source."""

from __future__ import annotations

import itertools
import json
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import Polygon, box

from store.display_geometry import DEFAULT_CELLS, display_geometry, display_tolerance, grid_decimals
from synthetic.grid_city import grid_polygons

ORIGIN = (12.9, 57.7)


def _boxes(n: int = 10, cell: float = 0.01, per_edge: int = 8) -> list[Polygon]:
    """An n x n grid of boxes whose edges carry extra collinear vertices (as survey data do)."""
    polys = []
    for r in range(n):
        for c in range(n):
            x0, y0 = ORIGIN[0] + c * cell, ORIGIN[1] + r * cell
            corners = [(x0, y0), (x0 + cell, y0), (x0 + cell, y0 + cell), (x0, y0 + cell), (x0, y0)]
            ring = [corners[0]]
            for a, b in itertools.pairwise(corners):
                t = np.linspace(0, 1, per_edge + 1)[1:]
                ring += [(a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s) for s in t]
            polys.append(Polygon(ring))
    return polys


def _frame(polys: list[Any]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"code": [f"Z{i:03d}" for i in range(len(polys))]}, geometry=polys,
                            crs=4326)


def _shapes(geo: Any) -> dict[str, Any]:
    return {f["id"]: shapely.geometry.shape(f["geometry"]) for f in geo.geojson["features"]}


def _on_border(a: Any, b: Any) -> set[tuple[float, float]]:
    """Vertices of ``a`` that lie on ``b``'s outline."""
    return {tuple(p) for p in shapely.get_coordinates(a).tolist()
            if b.boundary.distance(shapely.Point(p)) < 1e-12}


def _assert_shared_borders(shapes: dict[str, Any], n: int) -> None:
    pairs = [(r * n + c, r * n + c + 1) for r in range(n) for c in range(n - 1)]
    pairs += [(r * n + c, (r + 1) * n + c) for r in range(n - 1) for c in range(n)]
    for i, j in pairs:
        a, b = shapes[f"Z{i:03d}"], shapes[f"Z{j:03d}"]
        shared = _on_border(a, b)
        assert len(shared) >= 2, (i, j)
        assert shared == _on_border(b, a), (i, j)  # the same vertices on both sides
        assert a.intersection(b).area < 1e-12  # no overlap
    assert shapely.coverage_is_valid(list(shapes.values()))


def test_quantized_boxes_keep_shared_borders_and_shrink() -> None:
    polys = _boxes()
    frame = _frame(polys)
    geo = display_geometry(frame)
    shapes = _shapes(geo)
    assert list(shapes) == list(frame["code"])
    _assert_shared_borders(shapes, 10)
    union = shapely.union_all(list(shapes.values()))
    assert abs(union.area / shapely.union_all(polys).area - 1) < 1e-9  # no gap opened, none added
    assert all(len(shapely.get_coordinates(s)) == 5 for s in shapes.values())  # collinear points dropped
    assert len(geo.body) < len(frame.to_json()) / 4 and len(geo.gzipped) < len(geo.body)
    assert json.loads(geo.body) == geo.geojson
    assert geo.vertices == sum(len(shapely.get_coordinates(s)) for s in shapes.values())


def test_wiggly_coverage_keeps_shared_borders_after_quantizing() -> None:
    polys = grid_polygons(10, 10, ORIGIN, 0.01)
    geo = display_geometry(_frame(polys))
    shapes = _shapes(geo)
    _assert_shared_borders(shapes, 10)
    coords = shapely.get_coordinates(list(shapes.values()))
    assert np.array_equal(np.round(coords, geo.decimals), coords)
    assert all(s.is_valid and not s.is_empty for s in shapes.values())


def test_a_junction_on_a_straight_border_is_kept() -> None:
    """Where two areas meet a third along its straight edge, the third keeps that vertex."""
    x, y, c = ORIGIN[0], ORIGIN[1], 0.01
    tall = Polygon([(x, y), (x + c, y), (x + c, y + c), (x + c, y + 2 * c), (x, y + 2 * c)])
    low, high = box(x + c, y, x + 2 * c, y + c), box(x + c, y + c, x + 2 * c, y + 2 * c)
    shapes = _shapes(display_geometry(_frame([tall, low, high])))
    assert (round(x + c, 4), round(y + c, 4)) in _on_border(shapes["Z000"], shapes["Z001"])
    assert _on_border(shapes["Z000"], shapes["Z002"]) == _on_border(shapes["Z002"], shapes["Z000"])
    assert shapely.coverage_is_valid(list(shapes.values()))


def test_many_areas_are_simplified_further_than_few() -> None:
    assert display_tolerance(1.0, 40) == 1.0 / DEFAULT_CELLS  # a pixel for a city
    assert display_tolerance(1.0, 8000) > display_tolerance(1.0, 4000) > display_tolerance(1.0, 40)
    few = display_geometry(_frame(grid_polygons(10, 10, ORIGIN, 0.05)))
    many = display_geometry(_frame(grid_polygons(60, 60, ORIGIN, 0.05 / 6)))  # same extent
    assert many.tolerance > few.tolerance
    assert grid_decimals(1.0) == few.decimals == many.decimals


def test_an_area_smaller_than_the_grid_is_still_drawn() -> None:
    polys: list[Any] = list(grid_polygons(10, 10, ORIGIN, 0.5))  # decimals 2 for this extent
    polys.append(box(ORIGIN[0] - 1.0, ORIGIN[1] - 1.0, ORIGIN[0] - 1.0 + 2e-3, ORIGIN[1] - 1.0 + 2e-3))
    geo = display_geometry(_frame(polys))
    shapes = _shapes(geo)
    assert len(shapes) == len(polys)
    tiny = shapes[f"Z{len(polys) - 1:03d}"]
    assert tiny.area > 0 and tiny.is_valid
    assert shapely.get_coordinates(tiny).tolist() != np.round(shapely.get_coordinates(tiny), geo.decimals).tolist()  # written finer
