"""[[places]]: points read from CSV and GeoJSON, joined to a 3×3 grid of 1 km boxes with
known populations, counted into indicators with known answers; every malformed input
reported with its file, row, column and fix, and a refused load leaves the store as it was."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from pyproj import Transformer
from sqlalchemy import Engine

from etl.config import load_config
from etl.errors import ValidationError
from etl.pipeline import read_inputs, run, validate
from tests.etl.smallcity import CODES, CONFIG, ORIGIN, SIDE, dump_store, grid, write_small_city

X0, Y0 = ORIGIN
POPULATION = {code: 1000 * (i + 1) for i, code in enumerate(CODES)}  # D01 1000 … D09 9000
CATEGORIES = """
[places.categories]
library = { sv = "Bibliotek", pl = "Biblioteki", en = "Libraries" }
school = { sv = "Skolor", pl = "Szkoły", en = "Schools" }
park = { sv = "Parker", pl = "Parki", en = "Parks" }
"""
CSV_BLOCK = """
[[places]]
path = "places.csv"
name_field = "name"
category_field = "category"
x_field = "x"
y_field = "y"
crs = "EPSG:3006"
"""
GEOJSON_BLOCK = """
[[places]]
path = "parks.geojson"
name_field = "namn"
category = "park"
"""


def centre(code: str, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float]:
    """The SWEREF 99 TM centre of a grid box (D01 bottom left, row by row)."""
    i = CODES.index(code)
    return X0 + (i % 3 + 0.5) * SIDE + dx, Y0 + (i // 3 + 0.5) * SIDE + dy


def places_csv(rows: list[tuple[str, str, object, object]]) -> str:
    return "name,category,x,y\n" + "".join(f"{n},{c},{x},{y}\n" for n, c, x, y in rows)


def geojson(features: list[tuple[str, dict[str, object]]]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"namn": name}, "geometry": geometry}
        for name, geometry in features]})


def wgs(x: float, y: float) -> list[float]:
    lon, lat = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True).transform(x, y)
    return [lon, lat]


GOOD_ROWS = [
    ("Centralbiblioteket", "library", *centre("D01")),
    ("Filial Väst", "library", *centre("D01", 100, 100)),
    ("Bokbussen", "library", *centre("D01", -100, 200)),
    ("Mitt bibliotek", "library", *centre("D05")),
    ("Norra skolan", "school", *centre("D09")),
    ("Östra skolan", "school", *centre("D09", 200, -300)),
    ("Skolan utanför", "school", X0 - 10_000, Y0 + 500),
]
GOOD_PARKS = [("Stadsparken", {"type": "Point", "coordinates": wgs(*centre("D02"))})]


def write_city(folder: Path, rows: list[tuple[str, str, object, object]] | None = None,
               parks: list[tuple[str, dict[str, object]]] | None = None, blocks: str | None = None,
               files: dict[str, str | bytes] | None = None) -> Path:
    """The small city with populations, a CSV of places and a GeoJSON of parks."""
    folder.mkdir(parents=True, exist_ok=True)
    areas = grid().assign(population=[POPULATION[c] for c in CODES])
    areas.to_file(folder / "areas_pop.gpkg", driver="GPKG")
    config = CONFIG.replace('path = "areas.gpkg"', 'path = "areas_pop.gpkg"\npopulation_field = "population"')
    blocks = CSV_BLOCK + CATEGORIES + GEOJSON_BLOCK if blocks is None else blocks
    return write_small_city(folder, config=config + blocks, files={
        "places.csv": places_csv(GOOD_ROWS if rows is None else rows),
        "parks.geojson": geojson(GOOD_PARKS if parks is None else parks), **(files or {})})


def problems_of(config: Path) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(ValidationError) as info:
        validate(config)
    return [(p.file, p.row, p.column, f"{p.message}. Fix: {p.fix}") for p in info.value.problems]


# ------------------------------------------------------------ known answers


def test_counts_and_rates_per_area_and_city_have_known_answers(tmp_path: Path) -> None:
    inputs = read_inputs(load_config(write_city(tmp_path)))
    assert [p for p in inputs.problems if p.severity == "error"] == []
    values = inputs.values.astype({"indicator_id": str, "area_code": str, "period": str})
    got = values[values["indicator_id"].str.startswith("places_")].set_index(["indicator_id", "area_code"])
    assert set(got["period"]) == {"2023"}  # the latest period of the tables
    expected_counts = {"library": {"D01": 3, "D05": 1}, "school": {"D09": 2}, "park": {"D02": 1}}
    for category, counts in expected_counts.items():
        for code in CODES:
            n = counts.get(code, 0)
            assert got.loc[(f"places_{category}", code), "value"] == n
            rate = got.loc[(f"places_{category}_per_1000", code)]
            assert rate["value"] == pytest.approx(1000 * n / POPULATION[code])
            assert rate["denominator"] == POPULATION[code] and rate["numerator"] == n
        city = sum(counts.values())  # the school outside the city is in no area
        assert got.loc[(f"places_{category}", "SC"), "value"] == city
        assert got.loc[(f"places_{category}_per_1000", "SC"), "value"] == pytest.approx(
            1000 * city / sum(POPULATION.values()))
    assert set(got["sex"]) == {"total"} and set(got["age_group"]) == {"all"}


def test_places_frames_catalogue_rows_and_the_outside_warning(tmp_path: Path) -> None:
    inputs = read_inputs(load_config(write_city(tmp_path)))
    places = inputs.programme.frames["places"]
    assert places["id"].tolist() == list(range(1, 9))
    assert places.set_index("name")["area_code"].to_dict() == {
        "Centralbiblioteket": "D01", "Filial Väst": "D01", "Bokbussen": "D01", "Mitt bibliotek": "D05",
        "Norra skolan": "D09", "Östra skolan": "D09", "Skolan utanför": None, "Stadsparken": "D02"}
    park = places[places["name"] == "Stadsparken"].iloc[0]
    assert (park["lon"], park["lat"]) == pytest.approx(tuple(wgs(*centre("D02"))))
    cats = inputs.programme.frames["place_categories"]
    assert cats["code"].tolist() == ["library", "school", "park"] and cats["position"].tolist() == [1, 2, 3]
    assert cats["name_pl"].tolist() == ["Biblioteki", "Szkoły", "Parki"]
    warning = [str(p) for p in inputs.problems if "outside every area" in p.message]
    assert len(warning) == 1
    assert "1 place(s) lie outside every area: 'Skolan utanför' (places.csv row 8: lon" in warning[0]
    cat = inputs.catalogue.set_index("id")
    rate = cat.loc["places_library_per_1000"]
    assert (rate["value_type"], rate["multiplier"], rate["polarity"], rate["domain"]) == (
        "rate", 1000.0, "high_is_good", "resources")
    assert rate["name_sv"] == "Bibliotek per 1 000 invånare"
    assert rate["name_pl"] == "Biblioteki na 1000 mieszkańców"
    assert rate["name_en"] == "Libraries per 1,000 residents"
    assert cat.loc["places_school", "value_type"] == "count"
    assert all(cat.loc["places_park", f"source_{lang}"] for lang in ("sv", "pl", "en"))


def test_a_load_stores_the_places_and_their_indicators(tmp_path: Path, store_engine: Engine) -> None:
    run(write_city(tmp_path), store_engine)
    store = dump_store(store_engine)
    assert len(store["places"]) == 8 and len(store["place_categories"]) == 3
    assert {row[0] for row in store["indicators"]} >= {"places_library", "places_library_per_1000"}


# ------------------------------------------------------------ malformed input


def test_every_bad_row_is_reported_with_row_column_and_fix(tmp_path: Path) -> None:
    x, y = centre("D05")
    rows = [
        ("Utan koordinat", "library", "", y),
        ("Text som koordinat", "library", "sju", y),
        ("", "school", x, y),
        ("Okänd kategori", "libary", x, y),
        ("Bytta koordinater", "school", y, x),
        ("Utanför SWEREF", "school", 99_000_000, y),
        ("Mitt bibliotek", "library", x, y),
    ]
    found = problems_of(write_city(tmp_path, rows=rows))
    assert found[0] == ("places.csv", 3, "x", "the coordinate is not a number. Fix: write the coordinate "
                        "as a number (decimal separator '.'), e.g. 6398123.5")
    assert ("places.csv", 2, "x", "the place has no coordinates. Fix: give both coordinates (x/y) of "
            "'Utan koordinat'") in found
    assert ("places.csv", 4, "name", "the place has no name. Fix: write the place's name in 'name'") in found
    assert ("places.csv", 5, "category", "unknown category. Fix: use one of library, school, park "
            "(close matches: 'library'), or add it to [places.categories]") in found
    swapped = [f for f in found if f[1] == 6]
    assert swapped and swapped[0][3].startswith("the coordinates look swapped: x (easting) 6.58")
    assert "swap the x (easting) and y (northing) of 'Bytta koordinater'" in swapped[0][3]
    outside = [f for f in found if f[1] == 7]
    assert outside and "lie outside the valid range of EPSG:3006" in outside[0][3]
    assert len(found) == 6  # the good row is no problem


def test_swapped_latitude_and_longitude_in_degrees(tmp_path: Path) -> None:
    lon, lat = wgs(*centre("D05"))
    blocks = GEOJSON_BLOCK + CATEGORIES
    parks = [("Bytt park", {"type": "Point", "coordinates": [lat, lon]})]
    found = problems_of(write_city(tmp_path, parks=parks, blocks=blocks))
    assert len(found) == 1 and found[0][:3] == ("parks.geojson", 1, "geometry")
    assert found[0][3].startswith(f"the coordinates look swapped: longitude {lat:g} and latitude {lon:g}")


def test_a_polygon_is_not_a_place(tmp_path: Path) -> None:
    box = shapely.geometry.mapping(shapely.box(*wgs(*centre("D05")), *wgs(*centre("D05", 50, 50))))
    parks = [("Parken som yta", {"type": "Polygon", "coordinates": box["coordinates"]}), *GOOD_PARKS]
    found = problems_of(write_city(tmp_path, parks=parks, blocks=GEOJSON_BLOCK + CATEGORIES))
    assert found == [("parks.geojson", 1, "geometry", "the feature is a Polygon, not a point. Fix: give "
                      "each place as a Point (e.g. the entrance or the centroid of the building)")]


def test_a_csv_without_the_named_columns(tmp_path: Path) -> None:
    text = "namn;kategori;E;N\nBiblioteket;library;670500;6580500\n"
    found = problems_of(write_city(tmp_path, blocks=CSV_BLOCK + CATEGORIES, files={"places.csv": text}))
    assert [f[2] for f in found] == ["name", "category", "x", "y"]
    assert found[0] == ("places.csv", 1, "name", "has no column 'name' (named by [places #1] name_field); "
                        "it has namn, kategori, E, N. Fix: rename the column, or set name_field to one "
                        "of its columns (close matches: 'namn')")
    assert "x_field/lon_field" in found[2][3]


def test_a_missing_file_and_a_duplicate_place(tmp_path: Path) -> None:
    rows = [GOOD_ROWS[0], GOOD_ROWS[0]]
    inputs = read_inputs(load_config(write_city(tmp_path, rows=rows, blocks=CSV_BLOCK + CATEGORIES)))
    dupes = [p for p in inputs.problems if "repeats" in p.message]
    assert [(p.row, p.severity, str(p.value)) for p in dupes] == [(3, "warning", "Centralbiblioteket")]
    assert dupes[0].message == "the place repeats places.csv row 2 (same category, name and position)"
    blocks = CSV_BLOCK.replace("places.csv", "platser.csv") + CATEGORIES
    found = problems_of(write_city(tmp_path / "b", blocks=blocks))
    assert found[0][:2] == ("platser.csv", None) and found[0][3].startswith("file not found")
    assert "places.csv" in found[0][3]  # the files that are there


def test_a_refused_load_leaves_the_store_unchanged(tmp_path: Path, store_engine: Engine) -> None:
    run(write_city(tmp_path / "good"), store_engine)
    before = dump_store(store_engine)
    bad = write_city(tmp_path / "bad", rows=[("", "library", *centre("D01"))])
    with pytest.raises(ValidationError, match="the place has no name"):
        run(bad, store_engine)
    assert dump_store(store_engine) == before


def test_geopackage_layer_must_exist(tmp_path: Path) -> None:
    points = gpd.GeoDataFrame({"namn": ["Parken"]}, geometry=[shapely.Point(*centre("D03"))], crs="EPSG:3006")
    folder = tmp_path / "g"
    folder.mkdir()
    points.to_file(folder / "parks.gpkg", layer="parker", driver="GPKG")
    blocks = GEOJSON_BLOCK.replace("parks.geojson", "parks.gpkg") + 'layer = "parks"\n' + CATEGORIES
    found = problems_of(write_city(folder, blocks=blocks))
    assert found == [("parks.gpkg", None, "layer", "has no layer 'parks'; it has parker. Fix: set "
                      "[places #1] layer to one of these (close matches: 'parker')")]
    good = write_city(tmp_path / "h", blocks=blocks.replace('"parks"\n', '"parker"\n'))
    (tmp_path / "h" / "parks.gpkg").write_bytes((folder / "parks.gpkg").read_bytes())
    places = read_inputs(load_config(good)).programme.frames["places"]
    assert places[["name", "area_code"]].values.tolist() == [["Parken", "D03"]]


def test_degrees_with_decimal_commas_and_a_latitude_beyond_the_pole(tmp_path: Path) -> None:
    lon, lat = wgs(*centre("D07"))
    text = ("namn;lon;lat\n"
            f"Vårdcentralen;{lon:.6f};{lat:.6f}\n"
            f"Fel latitud;{lon:.6f};95,5\n").replace(".", ",")
    block = ('\n[[places]]\npath = "vard.csv"\nname_field = "namn"\ncategory = "park"\n'
             'lon_field = "lon"\nlat_field = "lat"\n')
    found = problems_of(write_city(tmp_path, blocks=block + CATEGORIES, files={"vard.csv": text}))
    assert found == [("vard.csv", 3, "lon", "the coordinates lie outside the valid range of EPSG:4326 "
                      "(longitude -180 to 180, latitude -90 to 90). Fix: correct the coordinates of "
                      "'Fel latitud', or set crs in [places #1] to the CRS they are in")]
    good = write_city(tmp_path / "ok", blocks=block + CATEGORIES, files={"vard.csv": text.split("Fel")[0]})
    places = read_inputs(load_config(good)).programme.frames["places"]
    assert places["area_code"].tolist() == ["D07"]
    assert (places["lon"].iloc[0], places["lat"].iloc[0]) == pytest.approx((lon, lat), abs=1e-6)
