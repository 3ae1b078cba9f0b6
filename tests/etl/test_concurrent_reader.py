"""A reader polling during a refresh from city A to city B sees wholly A or wholly B.

The refresh is held open in the middle of its transaction (new city written,
not committed; on PostGIS also just before and just after it swaps in its new
tables) until the reader has looked; no sleeping, the threads hand over with
events, and a reader waiting for a lock is seen in pg_stat_activity.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

import etl.bulk
import etl.load
from dashboard.model import Atlas, StoreUnavailable
from etl.pipeline import run
from store.engine import BatchChanged
from store.read import read_snapshot
from tests.etl.smallcity import CITY_CODE, CONFIG, table_csv, table_rows, write_small_city

WAIT = 60.0  # seconds; only reached if something is broken
Signature = tuple[Any, ...]


def signature(engine: Engine) -> Signature:
    """What a reader sees: city, area parents, value count and sum, batch, notes, comparators."""
    snap = read_snapshot(engine)
    parents = frozenset(snap.areas["parent_code"].dropna())
    return (snap.city.get("code"), parents, len(snap.areas), len(snap.values),
            round(float(snap.values["value"].sum()), 6), snap.batch_id,
            tuple(snap.notes["title_sv"].fillna("")), tuple(snap.comparators["code"]),
            round(float(snap.comparator_values["value"].sum()), 6))


def dashboard_view(engine: Engine) -> tuple[Any, ...]:
    """A new worker's view, all through its Atlas: the batch it shows, the values it reads
    (lazily) and the comparison rows the load materialised (a page that mixed batches would
    match neither city). A refresh between its reads is "reload" for a page: read again."""
    for _ in range(20):
        atlas = Atlas(engine)
        try:
            with atlas.pinned():  # as a request is: one version check, one batch
                values, table, version = atlas.snapshot().values, atlas.comparisons(), atlas.version()
                stored = atlas.stored()
        except (StoreUnavailable, BatchChanged):
            continue
        assert stored is not None, "the load did not materialise the comparison table"
        return (version, len(values), round(float(values["value"].sum()), 6), len(table),
                round(float(table["value"].sum()), 6))
    raise AssertionError("twenty refreshes in a row")


def city_a(folder: Path) -> Path:
    """The small city with its age-banded values, deprivation measure and comparator."""
    return write_small_city(folder, methods=True)


def city_b(folder: Path) -> Path:
    """The small city under another code, with one period only (different counts and sums)
    and another comparator."""
    config = CONFIG.replace('code = "SC"', 'code = "SB"').replace("Small City", "Second City")
    config += '\n[[comparators]]\ncode = "C01"\nkind = "regional"\nname = "Region"\npath = "region.csv"\n'
    rows = [[r[0], "SB" if r[1] == CITY_CODE else r[1], *r[2:]] for r in table_rows() if r[2] == "2023"]
    notes = "area,kind,title_sv\nD02,arena,Parken i stad B\n"
    region = "indicator,period,value\nunemployment,2023,7.1\n"
    return write_small_city(folder, config=config, table=table_csv(rows),
                            files={"notes.csv": notes, "region.csv": region})


class PausedRefresh:
    """Stops the refresh inside its transaction until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        original = etl.load.insert_values

        def insert_and_wait(*args: Any, **kwargs: Any) -> None:
            original(*args, **kwargs)
            self.inside.set()
            assert self.release.wait(WAIT), "the reader never released the refresh"

        monkeypatch.setattr(etl.load, "insert_values", insert_and_wait)


def test_reader_sees_old_or_new_city_never_a_mix(
    store_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(city_a(tmp_path / "a"), store_engine)
    seen_a = signature(store_engine)
    view_a = dashboard_view(store_engine)
    config_b = city_b(tmp_path / "b")
    paused = PausedRefresh(monkeypatch)
    errors: list[BaseException] = []

    def refresh() -> None:
        try:
            run(config_b, store_engine)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            paused.inside.set()

    writer = threading.Thread(target=refresh)
    writer.start()
    assert paused.inside.wait(WAIT)
    during = [signature(store_engine) for _ in range(5)]
    views = [dashboard_view(store_engine) for _ in range(3)]
    paused.release.set()
    after: list[Signature] = []
    views_after: list[tuple[Any, ...]] = []
    while writer.is_alive():
        after.append(signature(store_engine))
        views_after.append(dashboard_view(store_engine))
    writer.join()
    view_b = dashboard_view(store_engine)
    assert errors == []
    seen_b = signature(store_engine)
    assert view_a[0] == seen_a[5] and view_b[0] == seen_b[5] and view_a[1:3] == seen_a[3:5]
    assert views == [view_a] * 3 and set(views_after) <= {view_a, view_b}
    assert seen_a[0] == "SC" and seen_b[0] == "SB" and seen_a[3] != seen_b[3]
    assert len(seen_a[6]) == 5 and seen_b[6] == ("Parken i stad B",)
    assert seen_a[7] == ("SE",) and seen_b[7:9] == (("C01",), 7.1)
    assert during == [seen_a] * 5
    assert set(after) <= {seen_a, seen_b}


class PausedSwap:
    """Stops a PostGIS refresh just before (or just after) it swaps in the new tables."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, after: bool = False) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        original = etl.bulk._swap

        def swap_and_wait(*args: Any) -> None:
            if after:
                original(*args)
            self.inside.set()
            assert self.release.wait(WAIT), "the test never released the refresh"
            if not after:
                original(*args)

        monkeypatch.setattr(etl.bulk, "_swap", swap_and_wait)


def start_refresh(config: Path, engine: Engine, paused: PausedSwap) -> threading.Thread:
    def refresh() -> None:
        try:
            run(config, engine)
        finally:
            paused.inside.set()

    writer = threading.Thread(target=refresh)
    writer.start()
    assert paused.inside.wait(WAIT)
    return writer


def wait_for_a_lock_wait(engine: Engine) -> None:
    """Return once some other session of this database waits for a lock (no sleeping)."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
    )
    deadline = time.monotonic() + WAIT
    # Autocommit: pg_stat_activity is snapshotted once per transaction, so polling
    # inside one transaction would keep seeing the state of the first poll.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        while time.monotonic() < deadline:
            if conn.execute(query).scalar_one():
                return
    raise AssertionError("no session ever waited for a lock")


@pytest.mark.postgis
def test_reader_during_a_postgis_load_reads_the_old_city_unblocked(
    postgis_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Values copied, keys built, swap not yet done: a reader gets the old city at once."""
    run(city_a(tmp_path / "a"), postgis_engine)
    seen_a = signature(postgis_engine)
    paused = PausedSwap(monkeypatch)
    writer = start_refresh(city_b(tmp_path / "b"), postgis_engine, paused)
    observed: list[Signature] = []
    reader = threading.Thread(target=lambda: observed.append(signature(postgis_engine)))
    reader.start()
    reader.join(WAIT)
    finished_while_paused = not reader.is_alive() and writer.is_alive()
    paused.release.set()
    writer.join()
    reader.join()
    assert finished_while_paused, "the reader was blocked by the load"
    assert observed == [seen_a]
    seen_b = signature(postgis_engine)
    assert seen_b[0] == "SB" and seen_b != seen_a


@pytest.mark.postgis
def test_reader_arriving_during_the_swap_sees_the_whole_new_city(
    postgis_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its snapshot is taken after the swap commits, so the new tables are not empty to it."""
    run(city_a(tmp_path / "a"), postgis_engine)
    seen_a = signature(postgis_engine)
    paused = PausedSwap(monkeypatch, after=True)
    writer = start_refresh(city_b(tmp_path / "b"), postgis_engine, paused)
    observed: list[Signature] = []
    reader = threading.Thread(target=lambda: observed.append(signature(postgis_engine)))
    reader.start()
    wait_for_a_lock_wait(postgis_engine)  # the reader waits for the swap's locks
    paused.release.set()
    writer.join()
    reader.join()
    seen_b = signature(postgis_engine)
    assert seen_b[0] == "SB" and seen_b != seen_a
    assert observed == [seen_b]
