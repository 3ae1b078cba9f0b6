"""`wellbeing export gis` on PostGIS and SQLite: the files read back with pyogrio (GDAL)
have the documented layers, field types, CRS and one feature per area."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyogrio
import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from store.engine import clear_engine_cache
from synthetic.grid_city import build_city
from wellbeing.export_gis import export_gis

FIELDS = ("value", "lower_ci95", "upper_ci95", "compared_to_city", "trend", "period")
OGR_TYPES = {"value": "OFTReal", "lower_ci95": "OFTReal", "upper_ci95": "OFTReal",
             "compared_to_city": "OFTString", "trend": "OFTString", "period": "OFTString"}


def app() -> typer.Typer:
    cli = typer.Typer()
    cli.command()(export_gis)
    return cli


@pytest.fixture
def city(store_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    info = build_city(store_engine, cols=4, rows=3)
    monkeypatch.setenv("DATABASE_URL", store_engine.url.render_as_string(hide_password=False))
    clear_engine_cache()
    yield info
    clear_engine_cache()


def run(*args: str) -> Any:
    return CliRunner().invoke(app(), list(args))


def fields(path: Path, layer: str) -> dict[str, tuple[str, str]]:
    info = pyogrio.read_info(path, layer=layer)
    return {str(f): (t, s) for f, t, s in zip(info["fields"], info["ogr_types"],
                                              info["ogr_subtypes"], strict=True)}


def test_geopackage_layers_fields_crs_and_features(city: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "atlas.gpkg"
    result = run("--out", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Wrote 12 areas × 6 indicators" in result.output
    assert [list(x) for x in pyogrio.list_layers(out)] == [["areas", "MultiPolygon"],
                                                           ["indicators", None]]
    info = pyogrio.read_info(out, layer="areas")
    assert info["crs"] == "EPSG:4326" and info["features"] == len(city["codes"])
    types = fields(out, "areas")
    assert types["code"] == ("OFTString", "OFSTNone")
    assert types["prioritized"] == ("OFTInteger", "OFSTBoolean")
    assert types["population"][0] == "OFTReal"
    for ind in ("unemployment", "crime", "single_households"):
        for field in FIELDS:
            assert types[f"{ind}_{field}"][0] == OGR_TYPES[field], (ind, field)
    table = pyogrio.read_dataframe(out, layer="indicators")
    assert len(table) == 6 and set(table["period"]) == {city["periods"][-1]}
    assert table.set_index("id").loc["unemployment", "name"] == "Unemployment"
    areas = pyogrio.read_dataframe(out, layer="areas")
    assert set(areas["code"]) == set(city["codes"])
    assert set(areas["unemployment_period"]) == {city["periods"][-1]}
    assert areas["unemployment_compared_to_city"].isin(
        ["better", "similar", "worse", "much_better", "much_worse"]).all()


def test_geojson_in_another_crs_and_another_period(city: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "atlas.geojson"
    result = run("--format", "geojson", "--out", str(out), "--crs", "EPSG:3006",
                 "--period", city["periods"][2], "--sex", "female")
    assert result.exit_code == 0, result.output
    info = pyogrio.read_info(out)
    assert info["crs"] == "EPSG:3006" and info["features"] == 12
    areas = pyogrio.read_dataframe(out)
    assert areas.total_bounds[0] > 100_000  # metres, not degrees
    assert set(areas["crime_period"]) == {city["periods"][2]}


def test_rfc7946_geojson_by_default_and_utm_on_request(city: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "atlas.geojson"
    assert run("--format", "geojson", "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert '"crs"' not in text and pyogrio.read_info(out)["crs"] == "EPSG:4326"
    utm = tmp_path / "utm.gpkg"
    assert run("--out", str(utm), "--crs", "utm").exit_code == 0
    assert pyogrio.read_info(utm, layer="areas")["crs"] == "EPSG:32633"  # Göteborg's zone


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "shp"], "unknown format 'shp'"),
    (["--crs", "EPSG:1"], "--crs: crs 'EPSG:1' is not EPSG:<code> or utm"),
    (["--period", "1900"], "--period: period '1900' is not in the store"),
    (["--sex", "both"], "unknown sex 'both'"),
    (["--lang", "de"], "unknown language 'de'"),
])
def test_wrong_options_exit_2_and_write_nothing(city: dict[str, Any], tmp_path: Path,
                                                args: list[str], message: str) -> None:
    out = tmp_path / "atlas.gpkg"
    result = run("--out", str(out), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and not out.exists()


def test_an_out_name_that_does_not_match_the_format_is_refused(city: dict[str, Any],
                                                               tmp_path: Path) -> None:
    result = run("--out", str(tmp_path / "atlas.geojson"))
    assert result.exit_code == 2 and "does not end in .gpkg" in result.output


def test_values_in_the_file_are_the_published_ones(city: dict[str, Any], tmp_path: Path) -> None:
    from presentation.comparisons import comparison_table_of
    from store.engine import get_engine, read_database_url
    from store.read import read_snapshot

    out = tmp_path / "atlas.gpkg"
    assert run("--out", str(out)).exit_code == 0
    table = comparison_table_of(read_snapshot(get_engine(read_database_url())))
    latest = table[table["is_latest"] & (table["sex"] == "total") & (table["level"] == "district")]
    areas = pyogrio.read_dataframe(out, layer="areas").set_index("code")
    for row in latest.itertuples():
        got = areas.loc[str(row.area_code), f"{row.indicator_id}_value"]
        assert (pd.isna(got) and pd.isna(row.value)) or got == pytest.approx(row.value)
