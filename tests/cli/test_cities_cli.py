"""`wellbeing etl run --city`, `etl status --city`, `cities list|drop` and `db upgrade` of a
many-city store, as an analyst runs them (SQLite in a temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from store.cities import city_engine
from store.engine import clear_engine_cache
from tests.cli.test_errors import assert_clean_failure, invoke
from tests.etl.smallcity import write_small_city


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    clear_engine_cache()
    city_engine.cache_clear()
    yield url
    clear_engine_cache()
    city_engine.cache_clear()


def test_an_analyst_loads_lists_and_drops_cities(store: str, tmp_path: Path) -> None:
    config = write_small_city(tmp_path / "files", methods=True)
    assert "No cities loaded by key" in invoke(["cities", "list"]).output
    for slug in ("north", "south"):
        result = invoke(["etl", "run", str(config), "--city", slug])
        assert result.exit_code == 0, result.output
        assert f", city {slug}" in result.output and "Loaded batch 1" in result.output
    listed = invoke(["cities", "list"]).output
    assert "north: Small City (SC), 9 areas" in listed and "compared with SE" in listed
    assert "south: Small City (SC), 9 areas" in listed
    status = invoke(["etl", "status", "--city", "south"])
    assert status.exit_code == 0 and ", city south" in status.output and "succeeded" in status.output
    again = invoke(["etl", "run", str(config), "--city", "north"])
    assert "Nothing to do" in again.output  # per city: its own load batches
    dropped = invoke(["cities", "drop", "north"])
    assert dropped.exit_code == 0 and "Removed city north" in dropped.output
    assert "north:" not in invoke(["cities", "list"]).output


def test_db_upgrade_brings_every_city_to_the_schema(store: str, tmp_path: Path) -> None:
    config = write_small_city(tmp_path / "files")
    assert invoke(["etl", "run", str(config), "--city", "north"]).exit_code == 0
    city = city_engine(store, "north")
    with city.begin() as conn:  # as if the city were loaded by the previous version (0010)
        for name in ("comparison_rows", "comparison_cells", "comparison_columns", "display_geometries"):
            conn.execute(text(f"DROP TABLE {name}"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0010'"))
    city.dispose()
    result = invoke(["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "City north: upgraded." in result.output
    with city.connect() as conn:  # and its comparison table computed once, as for the store's own
        assert conn.execute(text("SELECT count(*) FROM comparison_rows")).scalar()
    assert "City north: up to date." in invoke(["db", "upgrade"]).output


def test_unknown_cities_and_bad_keys_are_refused_with_the_fix(store: str, tmp_path: Path) -> None:
    config = write_small_city(tmp_path / "files")
    assert invoke(["etl", "run", str(config), "--city", "north"]).exit_code == 0
    assert_clean_failure(invoke(["etl", "status", "--city", "west"]), 1,
                         "holds no city 'west' (cities: north)", "wellbeing etl run CONFIG --city west")
    assert_clean_failure(invoke(["etl", "run", str(config), "--city", "Borås"]), 1,
                         "cannot name a city", "lower-case letters")
    assert_clean_failure(invoke(["cities", "drop", "west"]), 1, "holds no city 'west'")
