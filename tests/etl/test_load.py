"""Loading: one transaction, failures rolled back and recorded, PostGIS through COPY."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import shapely
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

import etl.load
from etl.bulk import copy_frame
from etl.errors import EtlError
from etl.load import file_sha256
from etl.pipeline import run
from store.read import NOTE_COLUMNS, read_batches, read_snapshot
from store.schema import Base
from tests.etl.smallcity import (
    CATALOGUE,
    CITY_CODE,
    CODES,
    CONFIG,
    batch_message,
    dump_store,
    table_rows,
    write_small_city,
)


def test_sha256_known_answer(tmp_path: Path) -> None:
    path = tmp_path / "abc.txt"
    path.write_bytes(b"abc")
    assert file_sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert file_sha256(tmp_path / "absent.csv") is None


def _fail_after_inserting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the load fail after the values are inserted, before the batch is finished."""
    original = etl.load.insert_values

    def insert_then_fail(conn: Any, *args: Any, **kwargs: Any) -> None:
        original(conn, *args, **kwargs)
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(etl.load, "insert_values", insert_then_fail)


def test_failure_mid_load_leaves_the_store_unchanged_and_records_it(
    store_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(write_small_city(tmp_path / "a", methods=True), store_engine)
    before = dump_store(store_engine)
    assert before["comparator_values"] and before["comparators"]  # they are covered too
    table = (tmp_path / "a" / "table.csv")
    table.write_text(table.read_text().replace("25000", "25100"))
    sweden = tmp_path / "a" / "sweden.csv"
    sweden.write_text(sweden.read_text().replace("7.5", "7.45"))
    _fail_after_inserting(monkeypatch)
    with pytest.raises(EtlError, match=r"load failed and was rolled back.*disk full"):
        run(tmp_path / "a" / "city.toml", store_engine)
    assert dump_store(store_engine) == before
    batches, files = read_batches(store_engine)
    failed = batches.iloc[0]
    assert failed["status"] == "failed" and failed["id"] > first.batch_id
    assert "disk full (injected)" in str(batch_message(store_engine, int(failed["id"])))
    assert failed["finished_at"] is not None
    assert set(files["batch_id"]) == {first.batch_id}
    assert read_snapshot(store_engine).batch_id == first.batch_id


def test_failure_on_an_empty_store_leaves_it_empty(
    store_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_after_inserting(monkeypatch)
    with pytest.raises(EtlError):
        run(write_small_city(tmp_path), store_engine)
    snap = read_snapshot(store_engine)
    assert snap.areas.empty and snap.values.empty and snap.city == {} and snap.batch_id is None


def test_missing_measures_are_stored_as_null(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path), store_engine)
    with store_engine.connect() as conn:
        nulls = conn.execute(text(
            "SELECT count(*) FROM indicator_values WHERE numerator IS NULL AND denominator IS NULL"
        )).scalar_one()
        no_value = conn.execute(text(
            "SELECT count(*) FROM indicator_values WHERE indicator_id = 'median_income' AND value IS NULL"
        )).scalar_one()
    expected = sum(1 for r in table_rows() if r[4] == "")
    assert nulls == expected
    assert no_value == 0


def test_sd_column_is_loaded_and_read_back(store_engine: Engine, tmp_path: Path) -> None:
    extra = '\n[[tables]]\npath = "means.csv"\n'
    means = "indicator,area,period,sex,value,denominator,sd\n" + "".join(
        f"median_income,{code},2030,total,{25_000 + i},{40 + i},{1_000.25 + i}\n"
        for i, code in enumerate(CODES)
    ) + f"median_income,{CODES[0]},2031,total,25000,40,\n"
    run(write_small_city(tmp_path, config=CONFIG + extra, files={"means.csv": means}),
        store_engine)
    values = read_snapshot(store_engine).values
    loaded = values[values["period"] == "2030"].set_index("area_code")["sd"]
    assert loaded.loc[list(CODES)].tolist() == [1_000.25 + i for i in range(len(CODES))]
    assert values.loc[values["period"] == "2031", "sd"].isna().all()
    assert values.loc[values["period"] == "2022", "sd"].isna().all()


def test_headline_age_group_is_loaded_and_read_back(store_engine: Engine, tmp_path: Path) -> None:
    lines = CATALOGUE.splitlines()
    named = {"low_income": "18-64", "population": ""}
    catalogue = "\n".join([lines[0] + ",headline_age_group", *(
        f"{line},{named.get(line.split(',')[0], '')}" for line in lines[1:])]) + "\n"
    extra = '\n[[tables]]\npath = "bands.csv"\n'
    bands = "indicator,area,period,sex,age_group,numerator,denominator\n" + "".join(
        f"low_income,{code},2030,total,18-64,{50 + i},1000\n" for i, code in enumerate(CODES))
    run(write_small_city(tmp_path, catalogue=catalogue, config=CONFIG + extra,
                         files={"bands.csv": bands}), store_engine)
    stored = read_snapshot(store_engine).catalogue.set_index("id")["headline_age_group"]
    assert stored.dropna().to_dict() == {"low_income": "18-64"}
    assert sorted(stored.index[stored.isna()]) == [
        "admissions", "median_income", "population", "unemployment"]


def test_geometries_round_trip_valid_multipolygons(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path), store_engine)
    snap = read_snapshot(store_engine, with_geometry=True)
    assert snap.geometries is not None
    geoms = snap.geometries.set_index("code").geometry
    assert set(geoms.index) == {*CODES, CITY_CODE}
    assert all(isinstance(g, shapely.MultiPolygon) and g.is_valid for g in geoms)
    districts = shapely.union_all(geoms.loc[CODES].to_numpy())
    assert districts.symmetric_difference(geoms.loc[CITY_CODE]).area < 1e-12


@pytest.mark.postgis
def test_postgis_load_uses_copy_and_typed_geometry(postgis_engine: Engine, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    for name in ("copy_rows", "copy_frame"):
        original = getattr(etl.load, name)

        def spy(conn: Any, table: str, *args: Any, _original: Any = original) -> None:
            copied.append(table)
            _original(conn, table, *args)

        monkeypatch.setattr(etl.load, name, spy)
    result = run(write_small_city(tmp_path), postgis_engine)
    assert copied == ["areas_next", "indicator_values_next"]
    with postgis_engine.connect() as conn:
        row = conn.execute(text(
            "SELECT count(*), min(ST_SRID(geom)), bool_and(ST_IsValid(geom)), "
            "min(GeometryType(display_geom)), count(DISTINCT batch_id) FROM areas"
        )).one()
        values = conn.execute(text("SELECT count(*) FROM indicator_values WHERE batch_id = :b"),
                              {"b": result.batch_id}).scalar_one()
    assert tuple(row) == (len(CODES) + 1, 4326, True, "MULTIPOLYGON", 1)
    assert values == len(table_rows())


def _keys(engine: Engine) -> list[tuple[str, str, str]]:
    """Every constraint and index of the swapped tables, and the tables that exist."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE connamespace = 'public'::regnamespace UNION ALL "
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "UNION ALL SELECT tablename, '', '' FROM pg_tables WHERE schemaname = 'public' "
            # storage parameters of tables and indexes, and each column's storage
            "UNION ALL SELECT relname, 'reloptions', array_to_string(reloptions, ',') FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace AND reloptions IS NOT NULL "
            "UNION ALL SELECT a.attrelid::regclass::text, a.attname, a.attstorage::text "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
            "AND a.attnum > 0 AND NOT a.attisdropped"
        )).all()
    return sorted((str(a), str(b), str(c)) for a, b, c in rows)


def _schema_drift(engine: Engine) -> list[Any]:
    """What Alembic's autogenerate would change between the store and store.schema."""
    with engine.connect() as conn:
        ours = set(Base.metadata.tables)  # not PostGIS's spatial_ref_sys
        context = MigrationContext.configure(conn, opts={
            "include_name": lambda name, kind, _parent: kind != "table" or name in ours,
            "compare_type": True,
        })
        return compare_metadata(context, Base.metadata)


@pytest.mark.postgis
def test_postgis_swap_keeps_the_schemas_names_keys_and_indexes(
    postgis_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _keys(postgis_engine)
    assert any("FOREIGN KEY" in d for _, _, d in before)
    assert ("indicator_values", "pk_indicator_values",
            "PRIMARY KEY (area_code, indicator_id, period, sex, age_group)") in before
    assert ("pk_indicator_values", "reloptions", "fillfactor=100") in before
    assert {("areas", "geom", "e"), ("areas", "display_geom", "e")} <= set(before)
    assert ("comparator_values", "pk_comparator_values",
            "PRIMARY KEY (comparator_code, indicator_id, period, sex, age_group)") in before
    assert _schema_drift(postgis_engine) == []
    run(write_small_city(tmp_path / "a", methods=True), postgis_engine)
    assert _keys(postgis_engine) == before
    assert _schema_drift(postgis_engine) == []
    loaded = dump_store(postgis_engine)
    assert loaded["comparator_values"] and loaded["city"][0][-2] == "low_income"
    table = tmp_path / "a" / "table.csv"
    table.write_text(table.read_text().replace("25000", "25100"))
    sweden = tmp_path / "a" / "sweden.csv"
    sweden.write_text(sweden.read_text().replace("7.5", "7.45"))
    _fail_after_inserting(monkeypatch)
    with pytest.raises(EtlError, match="disk full"):
        run(tmp_path / "a" / "city.toml", postgis_engine)
    assert _keys(postgis_engine) == before
    assert dump_store(postgis_engine) == loaded


@pytest.mark.postgis
def test_binary_copy_round_trips_nulls_unicode_and_sorts_by_key(postgis_engine: Engine) -> None:
    frame = pd.DataFrame({
        "name": ["Å", "b", None, "Żółć", "a"],
        "code": ["z", "y", "x", "w", "v"],
        "x": [1.5, np.nan, -0.0, 1e300, 2.0],
        "n": [3, 1, 2, 5, 4],
        "flag": [True, False, True, False, True],
    })
    types = {"name": "text", "code": "text", "x": "float8", "n": "int4", "flag": "bool"}
    with postgis_engine.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE t (name text, code text, x float8, n int4, flag bool, "
                          "i serial)"))
        copy_frame(conn, "t", frame, types, ["code"], lambda n: None, chunk_rows=2)
        back = conn.execute(text("SELECT name, code, x, n, flag FROM t ORDER BY i")).all()
    expected = frame.sort_values("code").astype(object).where(frame.notna(), None)
    assert [tuple(r) for r in back] == [tuple(r) for r in expected.itertuples(index=False)]


def test_notes_round_trip_in_file_order_per_area(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path), store_engine)
    notes = read_snapshot(store_engine).notes
    assert list(notes.columns) == NOTE_COLUMNS
    assert list(zip(notes["area_code"], notes["position"], notes["kind"], strict=True)) == [
        ("D01", 1, "resource"),
        ("D05", 1, "resource"), ("D05", 2, "arena"), ("D05", 3, "initiative"),
        ("D05", 4, "residents_view"),
    ]
    library = notes.iloc[1]
    assert (library["title_pl"], library["text_sv"], library["url"]) == (
        "Biblioteka", "Öppet alla dagar", "https://example.org/library")
    assert notes.iloc[3]["title_sv"] is None and notes.iloc[3]["title_pl"] == "Łączymy sąsiadów"


def test_a_city_without_notes_reads_an_empty_frame(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path), store_engine)
    config = CONFIG.replace('[notes]\npath = "notes.csv"\n', "")
    assert "[notes]" not in config
    run(write_small_city(tmp_path / "b", config=config), store_engine)
    notes = read_snapshot(store_engine).notes
    assert notes.empty and list(notes.columns) == NOTE_COLUMNS


def test_failed_refresh_keeps_the_old_notes(
    store_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(write_small_city(tmp_path), store_engine)
    before = read_snapshot(store_engine).notes
    notes = tmp_path / "notes.csv"
    notes.write_text(notes.read_text(encoding="utf-8").replace("Biblioteket", "Nya biblioteket"),
                     encoding="utf-8")
    _fail_after_inserting(monkeypatch)
    with pytest.raises(EtlError, match="disk full"):
        run(tmp_path / "city.toml", store_engine)
    pd.testing.assert_frame_equal(read_snapshot(store_engine).notes, before)
