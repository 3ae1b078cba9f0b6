"""Boundaries on synthetic geometry: reading, CRSs, repairs, topology checks, simplification."""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Polygon, box

from etl.boundaries import read_boundaries
from etl.config import CityConfig, load_config
from etl.coverage import as_multipolygons
from etl.errors import Problem

SIDE = 1000.0  # metres
ORIGIN_3006 = (650_000.0, 6_600_000.0)  # near Uppsala in SWEREF99 TM


def grid(n: int = 3, origin: tuple[float, float] = ORIGIN_3006, side: float = SIDE) -> list[Polygon]:
    x0, y0 = origin
    return [box(x0 + i * side, y0 + j * side, x0 + (i + 1) * side, y0 + (j + 1) * side)
            for j in range(n) for i in range(n)]


def write_layer(path: Path, geoms: list, codes: list, crs: str | None = "EPSG:3006", **fields: list) -> Path:
    frame = gpd.GeoDataFrame({"code": codes, "name": [f"Area {c}" for c in codes], **fields},
                             geometry=geoms, crs=crs)
    frame.to_file(path)
    return path


def city(tmp_path: Path, boundaries: Path, **keys: object) -> CityConfig:
    lines = [f'{k} = {v!r}' if not isinstance(v, list) else f"{k} = {v!r}".replace("'", '"')
             for k, v in keys.items() if k != "prioritized"]
    prioritized = [str(c) for c in keys.get("prioritized", [])]  # type: ignore[attr-defined]
    text = "\n".join([
        '[city]\ncode = "C"\nname = "Test City"',
        f'[boundaries]\npath = "{boundaries.as_posix()}"\ncode_field = "code"\nname_field = "name"',
        *[line.replace("'", '"') for line in lines],
        "[prioritized]\ncodes = [" + ", ".join(f'"{c}"' for c in prioritized) + "]",
        '[catalogue]\npath = "catalogue.csv"\n[tables]\npath = "values.csv"\n',
    ])
    config = tmp_path / "city.toml"
    config.write_text(text, encoding="utf-8")
    return load_config(config)


def messages(problems: list[Problem], severity: str) -> list[str]:
    return [p.message for p in problems if p.severity == severity]


def test_grid_gives_areas_and_a_city_row_with_equal_area_sizes(tmp_path: Path) -> None:
    gpkg = write_layer(tmp_path / "grid.gpkg", grid(3), [f"A{i}" for i in range(9)])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    assert problems == []
    districts = areas[areas["level"] == "district"]
    assert len(districts) == 9
    assert set(districts["parent_code"]) == {"C"}
    whole = areas[areas["level"] == "city"].iloc[0]
    assert whole["code"] == "C" and pd.isna(whole["parent_code"]) and whole["name"] == "Test City"
    assert districts["area_km2"].to_numpy() == pytest.approx(1.0, rel=1e-3)
    assert whole["area_km2"] == pytest.approx(9.0, rel=1e-3)
    assert set(areas.geom_type) == {"MultiPolygon"}
    assert areas.crs.to_epsg() == 4326
    # Stored in EPSG:4326: the boxes near Uppsala are around 17.6°E, 59.5°N.
    lon, lat = whole.geometry.centroid.coords[0]
    assert 17 < lon < 19 and 59 < lat < 60


def test_prioritized_flag_and_unknown_prioritized_code_with_close_match(tmp_path: Path) -> None:
    gpkg = write_layer(tmp_path / "grid.gpkg", grid(2), ["A1", "A2", "A3", "B7"])
    areas, problems = read_boundaries(city(tmp_path, gpkg, prioritized=["A2", "B8"]))
    assert areas.set_index("code")["prioritized"].to_dict() == {
        "A1": False, "A2": True, "A3": False, "B7": False, "C": False,
    }
    (error,) = [p for p in problems if p.severity == "error"]
    assert "prioritized area 'B8' is not in the boundaries" in error.message
    assert "B7" in error.fix


def test_bow_tie_is_repaired_and_reported(tmp_path: Path) -> None:
    x0, y0 = ORIGIN_3006
    bow_tie = Polygon([(x0, y0), (x0 + SIDE, y0 + SIDE), (x0 + SIDE, y0), (x0, y0 + SIDE)])
    gpkg = write_layer(tmp_path / "bow.gpkg", [bow_tie, *grid(1, (x0 + 2 * SIDE, y0))], ["BOW", "OK"])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    (warning,) = [p for p in problems if "repaired" in p.message]
    assert warning.severity == "warning" and warning.value == "BOW" and warning.row == 1
    assert "Self-intersection" in warning.message
    repaired = areas.set_index("code").loc["BOW"]
    assert repaired.geometry.is_valid and repaired.geometry.geom_type == "MultiPolygon"
    assert len(repaired.geometry.geoms) == 2  # the two triangles
    assert repaired["area_km2"] == pytest.approx(0.5, rel=1e-3)


def test_gap_between_neighbours_is_reported_with_codes_and_size(tmp_path: Path) -> None:
    cells = grid(3)
    cells[4] = cells[4].buffer(-10, join_style="mitre")  # centre shrunk: a 10 m ring of nothing
    gpkg = write_layer(tmp_path / "gap.gpkg", cells, [f"A{i}" for i in range(9)])
    _, problems = read_boundaries(city(tmp_path, gpkg))
    (gap,) = [p for p in problems if p.message.startswith("gap of")]
    assert "gap of 39,600 m²" in gap.message
    assert set(str(gap.value).split("/")) == {f"A{i}" for i in range(9)}


def test_overlap_is_reported_and_slivers_are_only_counted(tmp_path: Path) -> None:
    cells = grid(3)
    x0, y0, x1, y1 = cells[0].bounds
    cells[0] = box(x0, y0, x1 + 50, y1)  # 50 m into A1
    cells[8] = box(*np.add(cells[8].bounds, (0, 0, 0, 0)))
    cells[7] = box(*np.add(cells[7].bounds, (0, 0, 0.5, 0)))  # 0.5 m x 1000 m sliver into A8
    gpkg = write_layer(tmp_path / "overlap.gpkg", cells, [f"A{i}" for i in range(9)])
    _, problems = read_boundaries(city(tmp_path, gpkg))
    warnings = messages(problems, "warning")
    assert "areas 'A0' and 'A1' overlap by 50,000 m²" in warnings
    assert any("1 overlap(s) or gap(s) smaller than 1,000 m²" in w for w in warnings)
    assert not any("'A7' and 'A8'" in w for w in warnings)


def test_duplicate_missing_and_empty_are_errors(tmp_path: Path) -> None:
    cells = grid(2)
    cells[3] = None
    gpkg = write_layer(tmp_path / "bad.gpkg", cells, ["A", "A", None, "D"])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    errors = {p.message: p for p in problems if p.severity == "error"}
    assert errors["code 'A' is used by features 1, 2"].row == 2
    assert errors["feature 3 has no code"].column == "code"
    assert errors["area 'D' has no geometry"].row == 4
    assert list(areas["code"]) == ["A", "C"]


def test_missing_code_field_lists_the_fields(tmp_path: Path) -> None:
    gpkg = write_layer(tmp_path / "g.gpkg", grid(1), ["A"])
    cfg = city(tmp_path, gpkg)
    text = cfg.source.read_text().replace('code_field = "code"', 'code_field = "kode"')
    cfg.source.write_text(text)
    areas, problems = read_boundaries(load_config(cfg.source))
    (error,) = problems
    assert "no field 'kode' (did you mean 'code'?); the fields are code, name" in error.message
    assert areas.empty


def test_zipped_shapefile(tmp_path: Path) -> None:
    write_layer(tmp_path / "areas.shp", grid(2), ["A", "B", "C1", "D"])
    archive = tmp_path / "areas.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in tmp_path.glob("areas.*"):
            if part != archive:
                zf.write(part, part.name)
    areas, problems = read_boundaries(city(tmp_path, archive))
    assert problems == []
    assert sorted(areas["code"]) == ["A", "B", "C", "C1", "D"]


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_file_without_crs_needs_the_crs_key(tmp_path: Path) -> None:
    shp = write_layer(tmp_path / "nocrs.shp", grid(2), ["A", "B", "D", "E"], crs=None)
    assert not shp.with_suffix(".prj").exists()
    _, problems = read_boundaries(city(tmp_path, shp))
    assert [p.message for p in problems] == ["the file declares no CRS"]
    assert "add crs = " in problems[0].fix
    areas, problems = read_boundaries(city(tmp_path, shp, crs="EPSG:3006"))
    assert problems == []
    assert areas.loc[areas["level"] == "district", "area_km2"].to_numpy() == pytest.approx(1.0, rel=1e-3)


def test_local_swedish_crs_epsg_3011_is_reprojected(tmp_path: Path) -> None:
    # SWEREF99 18 00 (Stockholm's local zone): false easting 150 000 at 18°E.
    geojson = write_layer(tmp_path / "sthlm.gpkg", grid(2, (150_000.0, 6_580_000.0)),
                          ["A", "B", "D", "E"], crs="EPSG:3011")
    areas, problems = read_boundaries(city(tmp_path, geojson))
    assert problems == []
    lon, lat = areas[areas["level"] == "city"].geometry.iloc[0].centroid.coords[0]
    assert lon == pytest.approx(18.0, abs=0.05) and lat == pytest.approx(59.35, abs=0.05)
    assert areas["area_km2"].iloc[:4].to_numpy() == pytest.approx(1.0, rel=2e-3)


def test_filter_keeps_one_municipality_and_population_is_numeric(tmp_path: Path) -> None:
    codes = ["0380A0010", "0380C1020", "0381A0010", "0382B0020"]
    gpkg = write_layer(tmp_path / "deso.gpkg", grid(2), codes, pop=["1200", "980", "15", "x"])
    cfg = city(tmp_path, gpkg, filter_field="code", filter_prefix="0380", population_field="pop")
    areas, problems = read_boundaries(cfg)
    assert problems == []
    assert areas.set_index("code")["population"].to_dict() == {
        "0380A0010": 1200.0, "0380C1020": 980.0, "C": 2180.0,
    }


def wavy_coverage(n: int = 6) -> np.ndarray:
    """A valid coverage with wiggly shared borders: a grid whose vertices are displaced
    by a function of their position, so neighbours keep identical shared vertices."""
    cells = shapely.segmentize(np.array(grid(n)), 20.0)

    def wiggle(xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        on_edge = np.isclose(x % SIDE, 0) | np.isclose(y % SIDE, 0)
        dx = np.where(on_edge, 15 * np.sin(y / 37.0) + 5 * np.cos(x / 11.0), 0)
        dy = np.where(on_edge, 15 * np.sin(x / 41.0) + 5 * np.cos(y / 13.0), 0)
        return np.column_stack([x + dx, y + dy])

    return shapely.transform(cells, wiggle)


def test_display_geometry_is_simpler_and_neighbours_still_share_borders(tmp_path: Path) -> None:
    cells = wavy_coverage()
    assert shapely.coverage_is_valid(cells)
    gpkg = write_layer(tmp_path / "wavy.gpkg", list(cells), [f"W{i}" for i in range(len(cells))])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    assert problems == []
    districts = areas[areas["level"] == "district"]
    display = gpd.GeoSeries(districts["display_geometry"].to_numpy(), crs=4326).to_crs(3006)
    assert shapely.coverage_is_valid(display.to_numpy())
    before = shapely.get_num_coordinates(districts.geometry.to_numpy()).sum()
    after = shapely.get_num_coordinates(display.to_numpy()).sum()
    assert after < before / 2
    assert display.area.sum() == pytest.approx(districts.to_crs(3006).area.sum(), rel=0.01)


def test_falls_back_to_per_area_simplification_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise shapely.errors.GEOSException("TopologyException: test")

    monkeypatch.setattr(shapely, "coverage_simplify", broken)
    gpkg = write_layer(tmp_path / "wavy.gpkg", list(wavy_coverage(3)), [f"W{i}" for i in range(9)])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    (warning,) = problems
    assert warning.message.startswith("coverage simplification failed (TopologyException: test)")
    assert areas["display_geometry"].is_valid.all()


def test_sizes_are_geodesic_far_from_the_projection_centre(tmp_path: Path) -> None:
    # 400 km east of SWEREF99 TM's central meridian the projection enlarges areas by
    # about 0.3 %; the sizes must still be the true (geodesic) ones.
    origin = (900_000.0, 7_000_000.0)
    gpkg = write_layer(tmp_path / "east.gpkg", grid(2, origin, side=5_000.0), ["A", "B", "D", "E"])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    assert problems == []
    geod = Geod(ellps="GRS80")
    true_km2 = [abs(geod.geometry_area_perimeter(g)[0]) / 1e6 for g in areas.geometry]
    assert areas["area_km2"].to_numpy() == pytest.approx(true_km2, rel=1e-5)
    assert shapely.area(np.array(grid(2, origin, side=5_000.0))).sum() / 1e6 != pytest.approx(
        true_km2[-1], rel=1e-3
    )


def test_city_display_outline_is_the_union_of_the_district_display_shapes(tmp_path: Path) -> None:
    gpkg = write_layer(tmp_path / "wavy.gpkg", list(wavy_coverage(4)), [f"W{i}" for i in range(16)])
    areas, problems = read_boundaries(city(tmp_path, gpkg))
    assert problems == []
    shown = areas["display_geometry"].to_numpy()
    outline = shown[(areas["level"] == "city").to_numpy()][0]
    assert shapely.equals(outline, shapely.union_all(shown[:-1]))
    assert (shapely.get_type_id(shown) == 6).all()


@pytest.mark.parametrize(
    "geoms",
    [
        [box(0, 0, 1, 1), box(1, 0, 2, 1)],
        [shapely.MultiPolygon([box(0, 0, 1, 1)]), shapely.MultiPolygon([box(2, 0, 3, 1), box(5, 5, 6, 6)])],
        [box(0, 0, 1, 1), shapely.GeometryCollection([box(1, 0, 2, 1), shapely.Point(0, 0)]), None],
    ],
    ids=["polygons", "multipolygons", "mixed"],
)
def test_as_multipolygons_keeps_every_polygon(geoms: list) -> None:
    out = as_multipolygons(np.array(geoms, dtype=object))
    assert (shapely.get_type_id(out) == 6).all()
    for before, after in zip(geoms, out, strict=True):
        parts = [p for p in shapely.get_parts(before) if p.geom_type == "Polygon"] if before else []
        assert shapely.equals(after, shapely.union_all(parts)) if parts else after.is_empty
