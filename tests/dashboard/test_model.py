"""The atlas model: cached per load batch, invalidated by a new batch, honest when the store is down."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import geopandas as gpd
import pytest
import shapely
from sqlalchemy import insert

from dashboard.model import Atlas, StoreUnavailable
from store.display_geometry import display_geometry, grid_decimals
from store.engine import make_engine
from store.schema import LoadBatch
from synthetic.grid_city import grid_polygons


def test_comparisons_are_cached_until_a_new_batch_lands(synthetic_store: Any) -> None:
    engine, _ = synthetic_store()
    atlas = Atlas(engine)
    first = atlas.comparisons()
    geo = atlas.display_geometry()
    assert atlas.comparisons() is first and atlas.display_geometry() is geo
    with engine.begin() as conn:
        now = datetime.now(UTC)
        conn.execute(insert(LoadBatch).values(started_at=now, finished_at=now, status="succeeded"))
    assert atlas.comparisons() is not first  # a new batch invalidates every cached view
    assert atlas.display_geometry() is not geo
    assert atlas.version() == 2


def test_slices_hold_one_row_per_area_and_the_city(atlas: Atlas, city: dict[str, Any]) -> None:
    rows = atlas.slice("unemployment", city["periods"][-1], "female")
    assert len(rows) == len(city["codes"]) + 1
    assert set(rows["sex"].astype(str)) == {"female"}
    assert city["city_code"] in set(rows["area_code"].astype(str))
    assert atlas.slice("no_such_indicator", "2020", "total").empty
    assert atlas.periods("unemployment") == city["periods"]
    assert atlas.sexes("unemployment") == ["total", "female", "male"]
    assert list(atlas.prioritized().index) == city["prioritized"]


def test_a_store_that_cannot_be_read_raises_store_unavailable(tmp_path: Any) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "atlas.sqlite"
    atlas = Atlas(make_engine(f"sqlite:///{missing}"))
    with pytest.raises(StoreUnavailable, match="DATABASE_URL"):
        atlas.comparisons()


def test_an_empty_store_is_empty_not_an_error(tmp_path: Any) -> None:
    from store.migrate import upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    upgrade(engine)
    assert Atlas(engine).is_empty()


def test_display_geometry_is_quantized_simplified_and_keyed_by_code() -> None:
    polys = grid_polygons(10, 10, (12.9, 57.7), 0.01)
    frame = gpd.GeoDataFrame({"code": [f"Z{i}" for i in range(100)]}, geometry=polys, crs=4326)
    geo = display_geometry(frame)
    assert [f["id"] for f in geo.geojson["features"]] == list(frame["code"])
    coords = [c for f in geo.geojson["features"] for c in shapely.get_coordinates(
        shapely.geometry.shape(f["geometry"])).tolist()]
    assert all(round(x, geo.decimals) == x and round(y, geo.decimals) == y for x, y in coords)
    full = len(frame.to_json())
    assert len(geo.body) < full / 2 and len(geo.gzipped) < len(geo.body)
    assert json.loads(geo.body) == geo.geojson
    shapes = [shapely.geometry.shape(f["geometry"]) for f in geo.geojson["features"]]
    assert all(s.is_valid for s in shapes)
    union = shapely.union_all(shapes)
    assert union.area == pytest.approx(shapely.union_all(polys).area, rel=0.02)  # no gaps opened


def test_grid_decimals_follow_the_extent() -> None:
    assert grid_decimals(0.2, 1200) == 4  # a city: ~10 m
    assert grid_decimals(10.0, 1200) == 3  # a country
    assert grid_decimals(0.0, 1200) == 6


def test_warming_builds_the_caches_in_the_background(synthetic_store: Any) -> None:
    from dashboard.app import warm

    engine, _ = synthetic_store()
    atlas = Atlas(engine)
    warm(atlas).join(timeout=120)
    built: Any = atlas.derived("display_geometry", lambda: pytest.fail("the geometry was not warmed"))
    assert built.geojson["features"]
