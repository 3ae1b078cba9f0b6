"""A reader polling during a refresh from city A to city B sees wholly A or wholly B.

The refresh is held open in the middle of its transaction (old city deleted,
new one inserted, not committed) until the reader has looked several times;
no sleeping, the two threads hand over with events.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

import etl.load
from etl.pipeline import run
from store.read import read_snapshot
from tests.etl.smallcity import CITY_CODE, CONFIG, table_csv, table_rows, write_small_city

WAIT = 60.0  # seconds; only reached if something is broken
Signature = tuple[Any, ...]


def signature(engine: Engine) -> Signature:
    """What a reader sees: city, area parents, value count and sum, batch."""
    snap = read_snapshot(engine)
    parents = frozenset(snap.areas["parent_code"].dropna())
    return (snap.city.get("code"), parents, len(snap.areas), len(snap.values),
            round(float(snap.values["value"].sum()), 6), snap.batch_id)


def city_b(folder: Path) -> Path:
    """The small city under another code, with one period only (different counts and sums)."""
    config = CONFIG.replace('code = "SC"', 'code = "SB"').replace("Small City", "Second City")
    rows = [[r[0], "SB" if r[1] == CITY_CODE else r[1], *r[2:]] for r in table_rows() if r[2] == "2023"]
    return write_small_city(folder, config=config, table=table_csv(rows))


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
    run(write_small_city(tmp_path / "a"), store_engine)
    seen_a = signature(store_engine)
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
    paused.release.set()
    after: list[Signature] = []
    while writer.is_alive():
        after.append(signature(store_engine))
    writer.join()
    assert errors == []
    seen_b = signature(store_engine)
    assert seen_a[0] == "SC" and seen_b[0] == "SB" and seen_a[3] != seen_b[3]
    assert during == [seen_a] * 5
    assert set(after) <= {seen_a, seen_b}


@pytest.mark.postgis
def test_reader_during_a_big_postgis_load_waits_or_sees_the_old_city(
    postgis_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big loads drop and rebuild the values' keys: readers wait, never see a mix."""
    monkeypatch.setattr(etl.load, "BULK_ROWS", 1)
    run(write_small_city(tmp_path / "a"), postgis_engine)
    seen_a = signature(postgis_engine)
    paused = PausedRefresh(monkeypatch)
    writer = threading.Thread(target=run, args=(city_b(tmp_path / "b"), postgis_engine))
    writer.start()
    assert paused.inside.wait(WAIT)
    observed: list[Signature] = []
    reader = threading.Thread(target=lambda: observed.append(signature(postgis_engine)))
    reader.start()  # blocks on the values table until the refresh commits
    paused.release.set()
    writer.join()
    reader.join()
    seen_b = signature(postgis_engine)
    assert seen_b[0] == "SB"
    assert observed and observed[0] in (seen_a, seen_b)
