"""The one schema works on PostGIS and on the embedded SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from alembic import command
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from dashboard.model import Atlas, StoreUnavailable
from etl.pipeline import run
from store.engine import StoreError
from store.migrate import alembic_config, head_revision, schema_state, upgrade
from store.read import (
    COMPARATOR_COLUMNS,
    COMPARATOR_VALUE_COLUMNS,
    read_batches,
    read_snapshot,
)
from store.schema import Area, City, Comparator, ComparatorValue, Indicator, IndicatorValue
from tests.etl.smallcity import CODES, write_small_city

SQUARE = shapely.MultiPolygon([shapely.box(18.0, 59.0, 18.01, 59.01)])


def _fill(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(City.__table__.insert(), [{"code": "X", "name": "X-stad", "synthetic": True}])
        conn.execute(
            Area.__table__.insert(),
            [
                {"code": "X", "name": "X-stad", "level": "city", "prioritized": False,
                 "geom": SQUARE, "display_geom": SQUARE},
                {"code": "A1", "name": "Åsen", "level": "district", "parent_code": "X",
                 "prioritized": True, "geom": SQUARE, "display_geom": SQUARE},
            ],
        )
        conn.execute(
            Indicator.__table__.insert(),
            [{"id": "unemployment", "name_sv": "Arbetslöshet", "name_pl": "Bezrobocie",
              "name_en": "Unemployment", "domain": "work_income", "value_type": "percentage",
              "multiplier": 100.0, "polarity": "low_is_good", "decimals": 1, "weight": 1.0}],
        )
        conn.execute(
            IndicatorValue.__table__.insert(),
            [{"indicator_id": "unemployment", "area_code": "A1", "period": "2024",
              "sex": "total", "age_group": "all", "numerator": 12.0, "denominator": 100.0,
              "value": 12.0}],
        )


def test_geometry_round_trips_as_shapely(store_engine: Engine) -> None:
    _fill(store_engine)
    with store_engine.connect() as conn:
        geom = conn.execute(select(Area.geom).where(Area.code == "A1")).scalar_one()
    assert isinstance(geom, shapely.MultiPolygon)
    assert geom.equals_exact(SQUARE, 1e-12)


def test_snapshot_reads_every_table(store_engine: Engine) -> None:
    _fill(store_engine)
    snap = read_snapshot(store_engine, with_geometry=True)
    assert snap.city["name"] == "X-stad"
    assert set(snap.areas["code"]) == {"X", "A1"}
    assert snap.areas.set_index("code").loc["A1", "prioritized"]
    assert snap.catalogue.loc[0, "name_pl"] == "Bezrobocie"
    assert snap.values.loc[0, "numerator"] == 12.0
    assert snap.geometries is not None and len(snap.geometries) == 2
    assert snap.geometries.crs.to_epsg() == 4326


def test_postgis_has_typed_geometry_and_gist_index(postgis_engine: Engine) -> None:
    _fill(postgis_engine)
    with postgis_engine.connect() as conn:
        srid, gtype = conn.execute(
            text("SELECT ST_SRID(geom), GeometryType(geom) FROM areas WHERE code = 'A1'")
        ).one()
        udt = conn.execute(
            text("SELECT udt_name FROM information_schema.columns "
                 "WHERE table_name = 'areas' AND column_name = 'geom'")
        ).scalar_one()
    assert (srid, gtype, udt) == (4326, "MULTIPOLYGON", "geometry")
    indexes = {ix["name"]: ix for ix in inspect(postgis_engine).get_indexes("areas")}
    assert "ix_areas_geom_gist" in indexes


def test_unique_key_rejects_a_duplicate_value(store_engine: Engine) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    _fill(store_engine)
    with pytest.raises(IntegrityError), store_engine.begin() as conn:
        conn.execute(
            IndicatorValue.__table__.insert(),
            [{"indicator_id": "unemployment", "area_code": "A1", "period": "2024",
              "sex": "total", "age_group": "all", "value": 1.0}],
        )


def _columns(engine: Engine, table: str) -> list[str]:
    return [c["name"] for c in inspect(engine).get_columns(table)]


def _downgrade_and_back(engine: Engine, revision: str, table: str, column: str) -> None:
    """Downgrade to ``revision`` (``table.column`` is gone), then upgrade (it is back)."""
    assert column in _columns(engine, table)
    try:
        command.downgrade(alembic_config(engine), revision)
        assert column not in _columns(engine, table)
    finally:
        upgrade(engine)
    assert column in _columns(engine, table)


def test_sd_migration_downgrades_and_upgrades_keeping_rows(store_engine: Engine) -> None:
    _fill(store_engine)
    _downgrade_and_back(store_engine, "0002", "indicator_values", "sd")
    with store_engine.connect() as conn:
        rows = conn.execute(select(IndicatorValue.value, IndicatorValue.sd)).all()
    assert [tuple(r) for r in rows] == [(12.0, None)]


def test_headline_age_group_migration_downgrades_and_upgrades_keeping_rows(
        store_engine: Engine) -> None:
    _fill(store_engine)
    with store_engine.begin() as conn:
        conn.execute(Indicator.__table__.update().values(headline_age_group="18-64"))
    assert read_snapshot(store_engine).catalogue.loc[0, "headline_age_group"] == "18-64"
    _downgrade_and_back(store_engine, "0004", "indicators", "headline_age_group")
    snap = read_snapshot(store_engine)
    assert snap.catalogue.loc[0, ["id", "name_pl"]].tolist() == ["unemployment", "Bezrobocie"]
    assert snap.catalogue.loc[0, "headline_age_group"] is None
    assert snap.values["value"].tolist() == [12.0]  # the values survive the downgrade


def test_an_older_store_is_refused_with_the_fix_and_the_etl_upgrades_it(
        store_engine: Engine, tmp_path: Path) -> None:
    """A store left at an older schema (an upgrade of the atlas without `db upgrade`):
    reads say which revision and how to fix it; `etl run` upgrades it, keeping batches."""
    _fill(store_engine)
    command.downgrade(alembic_config(store_engine), "0004")
    assert schema_state(store_engine) == "behind"
    with pytest.raises(StoreError, match=r"schema revision 0004; this version of the atlas needs "
                       + head_revision() + r"\. Fix: run `wellbeing db upgrade`"):
        read_snapshot(store_engine)
    with pytest.raises(StoreUnavailable, match="wellbeing db upgrade"):
        Atlas(store_engine).snapshot()
    batches_before = len(read_batches(store_engine)[0])
    run(write_small_city(tmp_path), store_engine)
    assert schema_state(store_engine) == "current"
    assert len(read_snapshot(store_engine).areas) == len(CODES) + 1
    assert len(read_batches(store_engine)[0]) == batches_before + 1


def test_a_store_from_a_newer_atlas_is_refused_not_touched(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert schema_state(sqlite_engine) == "unknown"
    with pytest.raises(StoreError, match=r"revision 9999, which this version of the atlas does not "
                       r"know .*Fix: update the atlas"):
        read_snapshot(sqlite_engine)
    with pytest.raises(StoreError, match="does not know"):
        run(write_small_city(tmp_path), sqlite_engine)
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        assert conn.execute(text("SELECT count(*) FROM load_batches")).scalar() == 0


def test_pages_never_read_a_batch_message(sqlite_engine: Engine) -> None:
    """A failed load's message may be long: the batch list pages read leaves it out."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from store.read import BATCH_COLUMNS, read_batches
    from store.schema import LoadBatch

    with sqlite_engine.begin() as conn:
        conn.execute(insert(LoadBatch), [{"status": "failed", "message": "x" * 5_000_000,
                                          "started_at": datetime.now(UTC)}])
    batches, _files = read_batches(sqlite_engine)
    assert list(batches.columns) == BATCH_COLUMNS and "message" not in batches.columns
    assert batches["status"].tolist() == ["failed"]


def test_methods_migration_downgrades_and_upgrades_keeping_rows(store_engine: Engine) -> None:
    """0007: the new value types, standard, deprivation and comparators come and go; the
    values survive the rebuilt indicators table (on SQLite its foreign keys would cascade)."""
    _fill(store_engine)
    snap = read_snapshot(store_engine)
    assert list(snap.comparators.columns) == COMPARATOR_COLUMNS and snap.comparators.empty
    assert list(snap.comparator_values.columns) == COMPARATOR_VALUE_COLUMNS
    assert snap.comparator_values.empty
    assert snap.city["deprivation_indicator"] is None and snap.catalogue.loc[0, "standard"] is None
    with store_engine.begin() as conn:
        conn.execute(Indicator.__table__.insert(), [{
            "id": "mortality", "name_sv": "Dödlighet", "name_pl": "Umieralność",
            "name_en": "Mortality", "domain": "health", "value_type": "dsr",
            "multiplier": 100000.0, "polarity": "low_is_good", "decimals": 0, "weight": 1.0,
            "standard": "esp2013"}])
        conn.execute(IndicatorValue.__table__.insert(), [{
            "indicator_id": "mortality", "area_code": "A1", "period": "2020-2022",
            "sex": "female", "age_group": "90+", "numerator": 12.0, "denominator": 60.0}])
        conn.execute(Comparator.__table__.insert(), [{"code": "SE", "kind": "national",
                                                      "name_en": "Sweden"}])
        conn.execute(ComparatorValue.__table__.insert(), [{
            "comparator_code": "SE", "indicator_id": "unemployment", "period": "2024",
            "value": 7.5, "lower_ci": 7.4, "upper_ci": 7.6}])
    try:
        command.downgrade(alembic_config(store_engine), "0006")
        tables = inspect(store_engine).get_table_names()
        assert "comparators" not in tables and "comparator_values" not in tables
        assert "standard" not in _columns(store_engine, "indicators")
        assert "deprivation_indicator" not in _columns(store_engine, "city")
        with store_engine.connect() as conn:
            values = conn.execute(text("SELECT indicator_id, value FROM indicator_values")).all()
            ids = conn.execute(text("SELECT id FROM indicators")).scalars().all()
        assert [tuple(v) for v in values] == [("unemployment", 12.0)]  # dsr rows went with it
        assert ids == ["unemployment"]
    finally:
        upgrade(store_engine)
    assert "standard" in _columns(store_engine, "indicators")
    snap = read_snapshot(store_engine)
    assert snap.values["value"].tolist() == [12.0]
    assert snap.comparators.empty and snap.comparator_values.empty
    with pytest.raises(IntegrityError), store_engine.begin() as conn:  # the checks are back
        conn.execute(Comparator.__table__.insert(), [{"code": "X", "kind": "planet"}])
    with pytest.raises(IntegrityError), store_engine.begin() as conn:
        conn.execute(Indicator.__table__.update().values(value_type="ratio"))
    with store_engine.begin() as conn:  # and the new value types are allowed
        conn.execute(Indicator.__table__.update().values(value_type="life_expectancy"))


def test_comparator_values_follow_their_comparator_and_indicator(store_engine: Engine) -> None:
    _fill(store_engine)
    with store_engine.begin() as conn:
        conn.execute(Comparator.__table__.insert(), [{"code": "SE", "kind": "national"}])
        conn.execute(ComparatorValue.__table__.insert(), [
            {"comparator_code": "SE", "indicator_id": "unemployment", "period": p, "value": 7.0}
            for p in ("2023", "2024")])
    snap = read_snapshot(store_engine)
    assert snap.comparator_values[["period", "sex", "age_group"]].values.tolist() == [
        ["2023", "total", "all"], ["2024", "total", "all"]]  # the defaults
    assert snap.comparator_values["lower_ci"].isna().all()
    assert snap.comparators.loc[0, "name_sv"] is None
    with pytest.raises(IntegrityError), store_engine.begin() as conn:
        conn.execute(ComparatorValue.__table__.insert(), [
            {"comparator_code": "NO", "indicator_id": "unemployment", "period": "2024"}])
    with store_engine.begin() as conn:
        conn.execute(Indicator.__table__.delete())
    assert read_snapshot(store_engine).comparator_values.empty  # ON DELETE CASCADE
