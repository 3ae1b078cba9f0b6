"""The real public files in ../shared/realdata load with a config file alone.

Each test skips with the reason when the folder is absent (a fresh clone has no
../shared). Expected figures come from the source files themselves (feature
counts, published areas, planar areas in the files' own metre CRS, population
fields, the whole-city rows), never from our own output.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from sqlalchemy import Engine

from etl.load import LoadResult
from etl.pipeline import run
from store.read import Snapshot, read_snapshot
from tests.conftest import realdata_dir

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.realdata


def load(engine: Engine, city: str) -> tuple[LoadResult, Snapshot]:
    result = run(HERE / city / f"{city}.toml", engine)
    return result, read_snapshot(engine, with_geometry=True)


def planar_km2(path: str, code_field: str) -> dict[str, float]:
    """Areas in the file's own (projected, metre) CRS: an independent reference."""
    frame = pyogrio.read_dataframe(path)
    assert frame.crs.is_projected
    return dict(zip(frame[code_field].astype(str), frame.geometry.area / 1e6, strict=True))


def test_amsterdam_headerless_long_table_with_whole_city_rows(store_engine: Engine) -> None:
    folder = realdata_dir("amsterdam")
    result, snap = load(store_engine, "amsterdam")
    features = json.loads((folder / "GEBIEDEN22.json").read_text(encoding="utf-8"))["features"]
    areas = snap.areas.set_index("code")
    assert (areas["level"] == "gebied").sum() == len(features)
    for feature in features:  # our equal-area km² against the city's published Opp_m2
        props = feature["properties"]
        assert areas.loc[props["Gebied_code"], "area_km2"] == pytest.approx(
            float(props["Opp_m2"]) / 1e6, rel=2e-3)
    source = {}
    for line in (folder / "bbga_extract_dataoftheareas.csv").read_text().splitlines():
        year, area, variable, *value = line.split()
        if area == "STAD" and variable == "BEVTOTAAL" and value:
            source[year] = float(value[0])
    values = snap.values
    city_population = values[(values["indicator_id"] == "population") & (values["area_code"] == "0363")]
    assert dict(zip(city_population["period"], city_population["value"], strict=True)) == source
    assert "Dxxx" not in set(values["area_code"])  # Westpoort: a polygon without data
    assert result.indicators == len(snap.catalogue) == 12
    assert any("unknown indicator" in w.message for w in result.warnings)


def test_stockholm_local_crs_epsg_3011(store_engine: Engine) -> None:
    folder = realdata_dir("stockholm_stadsdelar")
    shp = folder / "shp_simplified" / "stadsdelar.shp"
    assert pyogrio.read_info(shp)["crs"] == "EPSG:3011"
    reference = planar_km2(str(shp), "name")
    _, snap = load(store_engine, "stockholm")
    districts = snap.areas[snap.areas["level"] == "stadsdel"].set_index("code")
    assert len(districts) == len(reference)
    for code, km2 in reference.items():
        assert districts.loc[code, "area_km2"] == pytest.approx(km2, rel=1e-3)
    assert set(districts.index[districts["prioritized"]]) == {"RINKEBY", "TENSTA", "HUSBY"}
    assert snap.city["synthetic"] is True
    lon, lat = snap.geometries.set_index("code").loc["SÖDERMALM"].geometry.centroid.coords[0]
    assert 18.0 < lon < 18.12 and 59.30 < lat < 59.33  # Södermalm, in EPSG:4326


def test_uppsala_zipped_deso_filtered_to_the_municipality(store_engine: Engine) -> None:
    folder = realdata_dir("uppsala_deso")
    archive = "/vsizip/" + str(folder / "Deso_inomUppsalaLan.zip")
    source = pyogrio.read_dataframe(archive)
    mine = source[source["Deso"].str.startswith("0380")]
    assert 0 < len(mine) < len(source)
    result, snap = load(store_engine, "uppsala")
    areas = snap.areas.set_index("code")
    deso = areas[areas["level"] == "deso"]
    assert sorted(deso.index) == sorted(mine["Deso"])
    assert areas.loc["0380", "population"] == pytest.approx(float(mine["Bef_201612"].sum()))
    reference = planar_km2(archive, "Deso")
    for code in deso.index:
        assert deso.loc[code, "area_km2"] == pytest.approx(reference[code], rel=1e-3)
    suppressed = snap.values[snap.values["status"].notna()]
    assert list(suppressed["area_code"]) == ["0380C1050"] and suppressed["numerator"].isna().all()
    assert set(snap.values["sex"]) == {"female", "male"}
    assert result.values == len(snap.values)


def test_wroclaw_invalid_geometries_are_repaired_and_reported(store_engine: Engine) -> None:
    folder = realdata_dir("wroclaw_osiedla")
    source = gpd.read_file(folder / "wroclaw_osiedla_medium.geojson")
    invalid = {str(i) for i in source.loc[~source.is_valid, "id"]}
    assert invalid  # the trap this folder is here for
    result, snap = load(store_engine, "wroclaw")
    repaired = {w.value for w in result.warnings if "was repaired" in w.message}
    assert repaired == invalid
    assert (snap.areas["level"] == "osiedle").sum() == len(source)
    assert snap.geometries is not None
    assert all(shapely.is_valid(snap.geometries.geometry))
    assert set(snap.areas.loc[snap.areas["prioritized"], "name"]) == {"Nadodrze", "Huby"}
