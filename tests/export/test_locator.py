"""The profile's locator map of a city of thousands of areas: the other areas are the
city's filled outline (one shape for the PDF to draw, not thousands of borders no one can
see at that size); the area itself and the prioritized areas stay drawn as they are."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from reports import charts
from reports.drawing import Shape
from synthetic.grid_city import grid_polygons


def _frame(cols: int, rows: int) -> gpd.GeoDataFrame:
    geoms = grid_polygons(cols, rows, (12.90, 57.70), 0.01)
    n = len(geoms)
    roles = ["area" if i == n // 2 else "peer" for i in range(n)]
    frame = gpd.GeoDataFrame({"code": [f"A{i}" for i in range(n)], "role": roles,
                              "prioritized": [i in (3, 7) for i in range(n)]},
                             geometry=list(geoms), crs="EPSG:4326")
    city = gpd.GeoDataFrame({"code": ["C"], "role": ["city"], "prioritized": [False]},
                            geometry=[shapely.union_all(geoms)], crs="EPSG:4326")
    return gpd.GeoDataFrame(pd.concat([frame, city], ignore_index=True), crs="EPSG:4326")


def _layers(fig: charts.Figure) -> list[Shape]:
    return [item for item in fig.items if isinstance(item, Shape)]


def test_a_few_areas_are_drawn_one_by_one() -> None:
    peer, prioritized, area, city = _layers(charts.locator_map(_frame(6, 5), 110, 100))
    assert len(peer.rings) == 30 - 3 and len(prioritized.rings) == 2 and len(area.rings) == 1
    assert len(city.rings) == 1


def test_thousands_of_areas_are_the_city_outline() -> None:
    frame = _frame(60, 50)  # 3,000 areas
    peer, prioritized, area, city = _layers(charts.locator_map(frame, 110, 100))
    assert peer.rings == city.rings and len(peer.rings) == 1  # the filled outline
    assert len(prioritized.rings) == 2 and len(area.rings) == 1  # as before
    every = _layers(charts.locator_map(frame, 110, 100, locator_outlines=10**9))
    assert len(every[0].rings) == 3000 - 3 and every[2].rings == area.rings
