"""The export commands on a many-city store (issue 14, item 3): `--city KEY` reads that
city (a SQLite store with two cities loaded by the ETL), and a city the store does not
hold ends with the store's message, exit 1 and no traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner, Result

from store.engine import clear_engine_cache
from tests.cities import two_city_store
from tests.etl.smallcity import CODES
from wellbeing.cli import app

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "demo.toml"
SMALL_AREAS = {*CODES, "SC"}
PROGRAMME = "jts2030"  # the demo's programme (data/demo/programme_programmes.csv)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """North (the small city, 9 districts) and south (the demo city) under their keys."""
    engine = two_city_store(tmp_path_factory.mktemp("cities"))
    yield engine
    engine.dispose()


@pytest.fixture
def use_store(store: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", store.url.render_as_string(hide_password=False))
    monkeypatch.delenv("WELLBEING_READ_DATABASE_URL", raising=False)
    clear_engine_cache()
    yield
    clear_engine_cache()


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def succeeded(result: Result, city: str) -> None:
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith(f", city {city}"), result.output


@pytest.mark.parametrize(("city", "expected"), [("north", SMALL_AREAS), ("south", None)])
def test_export_data_writes_the_citys_rows(use_store: None, tmp_path: Path, city: str,
                                           expected: set[str] | None) -> None:
    out = tmp_path / f"{city}.csv"
    succeeded(invoke("export", "data", "--out", str(out), "--city", city), city)
    areas = set(pd.read_csv(out, dtype=str)["area_code"])
    if expected is None:  # the demo: its own codes, none of the small city's
        assert "DEMO" in areas and len(areas) == 41 and not areas & SMALL_AREAS
    else:
        assert areas == expected


@pytest.mark.parametrize(("city", "features"), [("north", 9), ("south", 40)])
def test_export_gis_writes_the_citys_areas(use_store: None, tmp_path: Path, city: str,
                                           features: int) -> None:
    out = tmp_path / f"{city}.geojson"
    result = invoke("export", "gis", "--out", str(out), "--format", "geojson", "--city", city)
    succeeded(result, city)
    codes = set(pyogrio.read_dataframe(out)["code"])
    assert len(codes) == features
    assert (codes <= SMALL_AREAS) == (city == "north")


def test_export_profile_reads_the_citys_areas(use_store: None, tmp_path: Path) -> None:
    out = tmp_path / "d05.html"
    args = ("export", "profile", "--area", "D05", "--format", "html", "--lang", "en")
    succeeded(invoke(*args, "--out", str(out), "--city", "north"), "north")
    assert "District 5" in out.read_text(encoding="utf-8")
    other = invoke(*args, "--out", str(tmp_path / "none.html"), "--city", "south")
    assert other.exit_code != 0 and "D05" in other.output  # the demo has no area D05
    assert not (tmp_path / "none.html").exists()


def test_report_programme_reads_the_citys_programmes(use_store: None, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = ("report", "programme", "--programme", PROGRAMME, "--format", "html")
    succeeded(invoke(*args, "--out", str(out), "--city", "south"), "south")
    assert out.stat().st_size > 0
    other = invoke(*args, "--out", str(tmp_path / "none.html"), "--city", "north")
    assert other.exit_code == 1 and "not in the store" in other.output


@pytest.mark.parametrize("command", [
    ("export", "data", "--out", "{tmp}/x.csv"),
    ("export", "gis", "--out", "{tmp}/x.gpkg"),
    ("export", "profile", "--area", "D05", "--format", "html", "--out", "{tmp}/x.html"),
    ("report", "programme", "--programme", PROGRAMME, "--format", "html", "--out", "{tmp}/x.html"),
])
def test_an_unknown_city_is_the_stores_message(use_store: None, tmp_path: Path,
                                               command: tuple[str, ...]) -> None:
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = invoke(*args, "--city", "east")
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: The store ")
    assert "holds no city 'east' (cities: north, south)" in result.output
    assert "wellbeing etl run CONFIG --city east" in result.output
    assert list(tmp_path.iterdir()) == []
