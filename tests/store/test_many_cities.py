"""Many cities in one store (issue 14, item 3), on SQLite and on a real PostGIS.

Two cities are loaded by the ETL under their keys; a load replaces one city atomically and
leaves the other (and the registry's rows of the other) untouched, a failed load leaves
everything as it was, the registry compares each municipality with its country, and a
store loaded without a key stays a one-city store.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, text

import etl.load
from etl.errors import EtlError
from etl.pipeline import run
from store.cities import (
    check_slug,
    city_engine,
    drop_city,
    has_registry,
    list_cities,
    read_city_indicators,
    read_city_values,
    schema_name,
    store_engine,
)
from store.engine import StoreError, is_postgis, make_engine
from store.migrate import has_tables
from tests.etl.smallcity import SWEDEN_ROWS, dump_store, table_csv, table_rows, write_small_city

CITIES = ("north", "south")


@pytest.fixture(params=["sqlite", "postgis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty store of each kind; the cities made in it are removed after the test."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    else:
        engine = request.getfixturevalue("postgis_engine")
    _drop_all(engine)
    yield engine
    _drop_all(engine)


def _drop_all(engine: Engine) -> None:
    for slug in (*CITIES, "gone"):
        drop_city(engine, slug)
    if has_registry(engine):
        with engine.begin() as conn:
            for name in ("atlas_city_values", "atlas_city_indicators", "atlas_cities"):
                conn.execute(text(f"DROP TABLE IF EXISTS {name}"))


def _changed_table() -> str:
    """The small city's table with every numerator (or value) of the first area raised by one."""
    rows = table_rows()
    for row in rows:
        if row[1] == "D01":
            at = 4 if row[4] else 6
            row[at] = str(int(row[at]) + 1)
    return table_csv(rows)


def _city(engine: Engine, slug: str) -> Engine:
    return city_engine(engine.url.render_as_string(hide_password=False), slug)


def _load_two(store: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "north", methods=True), store, city="north")
    run(write_small_city(tmp_path / "south", table=_changed_table(), methods=True), store, city="south")


def test_each_city_has_its_own_tables_and_the_registry_lists_them(store: Engine, tmp_path: Path) -> None:
    _load_two(store, tmp_path)
    cities = list_cities(store)
    assert cities["slug"].tolist() == ["north", "south"]
    assert cities["areas"].tolist() == [9, 9] and cities["national_code"].tolist() == ["SE", "SE"]
    assert not has_tables(store) or not dump_store(store)["indicator_values"]  # the store's own city: none
    north, south = dump_store(_city(store, "north")), dump_store(_city(store, "south"))
    assert north["indicator_values"] and south["indicator_values"]
    assert north["indicator_values"] != south["indicator_values"]  # D01 differs
    assert north["comparison_rows"] != south["comparison_rows"]
    if is_postgis(store):
        with store.connect() as conn:
            schemas = set(conn.execute(text("SELECT nspname FROM pg_namespace")).scalars())
        assert {schema_name("north"), schema_name("south")} <= schemas
    else:
        assert (tmp_path / "atlas.cities" / "north.sqlite").exists()


def test_a_load_replaces_one_city_and_leaves_the_other_untouched(store: Engine, tmp_path: Path) -> None:
    _load_two(store, tmp_path)
    south_before = dump_store(_city(store, "south"))
    registry_before = _registry_rows(store, "south")
    north_before = dump_store(_city(store, "north"))
    result = run(write_small_city(tmp_path / "north", table=_changed_table(), methods=True), store,
                 city="north")
    assert result.status == "succeeded"
    assert dump_store(_city(store, "south")) == south_before
    assert _registry_rows(store, "south") == registry_before
    north_after = dump_store(_city(store, "north"))
    assert north_after["indicator_values"] != north_before["indicator_values"]
    unbatched = [row[:-1] for row in south_before["indicator_values"]]  # batch_id comes last
    assert [row[:-1] for row in north_after["indicator_values"]] == unbatched  # same files now
    assert list_cities(store).set_index("slug").loc["north", "batch_id"] == result.batch_id


def test_a_failed_load_leaves_every_city_and_the_registry_as_they_were(
        store: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _load_two(store, tmp_path)
    before = {slug: dump_store(_city(store, slug)) for slug in CITIES}
    registry_before = {slug: _registry_rows(store, slug) for slug in CITIES}

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(etl.load, "write_load", broken)  # fails late, after every value is in
    with pytest.raises(EtlError, match=r"rolled back.*disk full"):
        run(write_small_city(tmp_path / "north", table=_changed_table(), methods=True), store,
            city="north", force=True)
    assert {slug: dump_store(_city(store, slug)) for slug in CITIES} == before
    assert {slug: _registry_rows(store, slug) for slug in CITIES} == registry_before


def test_the_registry_compares_each_municipality_with_its_country(store: Engine, tmp_path: Path) -> None:
    _load_two(store, tmp_path)
    indicators, values = read_city_indicators(store), read_city_values(store)
    assert set(indicators.loc[indicators["slug"] == "north", "indicator_id"]) >= {"unemployment", "mortality"}
    north = values.loc[values["slug"] == "north"].set_index(["indicator_id", "period", "sex", "age_group"])
    national = {(r[0], r[1], r[2] or "total"): float(r[3]) for r in SWEDEN_ROWS}
    mine = indicators.loc[indicators["slug"] == "north"]
    polarity = dict(zip(mine["indicator_id"], mine["polarity"], strict=True))
    assert {polarity["unemployment"], polarity["life_expectancy"]} == {"low_is_good", "high_is_good"}
    checked = 0
    for (indicator, period, sex), expected in national.items():
        key = (indicator, period, sex, "all")
        if key not in north.index:
            continue
        row = north.loc[key]
        assert row["national_value"] == pytest.approx(expected)
        # Fingertips' rule with the indicator's polarity; "much" when the country is outside
        # the 99.8% interval too
        good, bad = ("better", "worse") if polarity[indicator] == "low_is_good" else ("worse", "better")
        if row["upper_ci"] < expected:
            assert row["compared_to_national"] in (good, f"much_{good}")
        elif row["lower_ci"] > expected:
            assert row["compared_to_national"] in (bad, f"much_{bad}")
        else:
            assert row["compared_to_national"] == "similar"
        checked += 1
    assert checked >= 2
    no_country = north.loc[north["national_value"].isna()]
    assert len(no_country) and no_country["compared_to_national"].isna().all()


def test_a_one_city_store_has_no_registry(store: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "only"), store)
    assert not has_registry(store)
    assert list_cities(store).empty
    with pytest.raises(StoreError, match=r"holds no city 'north' \(cities: none: it is a one-city store\)"):
        store_engine("north", store.url.render_as_string(hide_password=False))


def test_an_unknown_city_and_a_bad_key_are_refused_with_the_fix(store: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "north"), store, city="north")
    url = store.url.render_as_string(hide_password=False)
    with pytest.raises(StoreError, match=r"holds no city 'south' \(cities: north\)\. Fix: load it"):
        store_engine("south", url)
    for bad in ("Borås", "1city", "a-b", "x" * 41, "", "../etc"):
        with pytest.raises(StoreError, match="cannot name a city"):
            check_slug(bad)
    with pytest.raises(StoreError, match="cannot name a city"):
        run(write_small_city(tmp_path / "north"), store, city="Borås")


def test_dropping_a_city_leaves_the_others(store: Engine, tmp_path: Path) -> None:
    _load_two(store, tmp_path)
    south = dump_store(_city(store, "south"))
    assert drop_city(store, "north") is True
    assert list_cities(store)["slug"].tolist() == ["south"]
    assert dump_store(_city(store, "south")) == south
    assert drop_city(store, "north") is False
    assert not (tmp_path / "atlas.cities" / "north.sqlite").exists()


def _registry_rows(store: Engine, slug: str) -> tuple[list, list, list]:
    cities = list_cities(store)
    indicators, values = read_city_indicators(store), read_city_values(store)
    mine = [frame.loc[frame["slug"] == slug].drop(columns=["loaded_at"], errors="ignore")
            for frame in (cities, indicators, values)]
    return tuple(pd.DataFrame(m).astype(object).where(m.notna(), None).values.tolist() for m in mine)


def test_readers_of_both_cities_during_a_refresh_of_one(store: Engine, tmp_path: Path) -> None:
    """While one city is reloaded twice, readers of the other see it unchanged and without
    an error, and readers of the one reloaded see one whole load batch at a time."""
    from tests.etl.test_concurrent_reader import dashboard_view, signature

    _load_two(store, tmp_path)
    north, south = _city(store, "north"), _city(store, "south")
    steady = signature(south)
    seen: dict[str, list] = {"north": [], "south": []}
    errors: list[BaseException] = []
    done = threading.Event()

    def poll(name: str, engine: Engine) -> None:
        try:
            while not done.is_set():
                seen[name].append((signature(engine), dashboard_view(engine)))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=poll, args=(n, e)) for n, e in (("north", north), ("south", south))]
    for thread in threads:
        thread.start()
    try:
        for table in (_changed_table(), table_csv()):
            run(write_small_city(tmp_path / "north", table=table, methods=True), store, city="north")
    finally:
        done.set()
        for thread in threads:
            thread.join(60)
    assert not errors, errors
    assert seen["south"] and {s for s, _ in seen["south"]} == {steady}
    by_batch: dict[Any, set] = {}
    for sig, view in seen["north"]:  # one batch, one content: never two loads mixed
        by_batch.setdefault(("snapshot", sig[5]), set()).add(sig)
        by_batch.setdefault(("view", view[0]), set()).add(view)
    assert seen["north"] and all(len(found) == 1 for found in by_batch.values()), by_batch
