"""Replicas: the ETL writes to a PostgreSQL primary, `wellbeing serve` reads a streaming hot
standby (WELLBEING_READ_DATABASE_URL), and a refresh on the primary reaches the dashboard
through the standby without a restart. Both clusters are the test's own (tests/serving/
clusters.py), made as docs/deploy.md ("Replicas") tells a team to, and dropped after.

While the standby lags (its replay paused here, so the lag is certain, not a race) the
dashboard keeps answering from the previous batch, whole: /healthz names it and the API's
values are that batch's. Once the standby replays the refresh, the same process shows the
new batch; every answer polled on the way is one batch or the other, never a mix.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dashboard.model import Atlas
from etl.pipeline import run
from store.engine import clear_engine_cache, make_engine
from store.migrate import upgrade
from store.read import latest_batch_id
from synthetic.dash_requests import page_body
from tests.etl.smallcity import CODES, table_csv, table_rows, write_small_city
from tests.serving.clusters import Cluster, primary_and_standby, wait_replayed
from tests.serving.conftest import Served

pytestmark = pytest.mark.postgis
WAIT = 60.0  # seconds for the standby's refresh to reach the dashboard; ends when it does
VALUES = "/api/v1/comparisons?indicator=unemployment&period=2023&sex=total&format=json"


@pytest.fixture
def replication() -> Iterator[tuple[Cluster, Cluster]]:
    """A primary with PostGIS and a hot standby streaming from it (requested before
    ``serve``, so the server stops before the clusters are dropped)."""
    with primary_and_standby() as clusters:
        yield clusters


def _doubled_city(folder: Path) -> Path:
    """The small city again with every unemployment numerator doubled (values × 2)."""
    rows = [[r[0], r[1], r[2], r[3], str(int(r[4]) * 2), *r[5:]] if r[0] == "unemployment" else r
            for r in table_rows()]
    return write_small_city(folder, table=table_csv(rows))


def _batch(served: Served) -> int:
    status, body = served.get("/healthz")
    answer = json.loads(body)
    assert status == 200, answer
    assert answer["store"]["reachable"] and answer["store"]["schema"] == "current"
    return int(answer["store"]["batch_id"])


def _values(served: Served) -> tuple[int, dict[str, tuple[float, float]]]:
    """The load batch one API answer was read from, and per area its value and the city's."""
    status, body = served.get(VALUES)
    assert status == 200, body[:300]
    answer = json.loads(body)
    rows = {r["area_code"]: (r["value"], r["comparator_value"]) for r in answer["data"]}
    assert set(CODES) <= set(rows)
    return int(answer["meta"]["batch"]), rows


def _pages_answer(served: Served) -> None:
    for path in ("/", f"/area/{CODES[4]}"):
        status, body = served.post(page_body(served.deps, path, "?lang=en"))
        assert status == 200 and "Traceback" not in body.decode(errors="replace"), path


def _doubled(rows: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    return {code: (value * 2, city * 2) for code, (value, city) in rows.items()}


def _same(seen: dict[str, tuple[float, float]], expected: dict[str, tuple[float, float]]) -> bool:
    return all(seen[c] == pytest.approx(expected[c], rel=1e-9) for c in expected)


def test_a_refresh_on_the_primary_reaches_the_dashboard_on_the_standby(
        replication: tuple[Cluster, Cluster], serve: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    primary, standby = replication
    writer = make_engine(primary.url())
    try:
        upgrade(writer)
        run(write_small_city(tmp_path / "first"), writer)
        wait_replayed(primary, standby)
        served = serve({"DATABASE_URL": primary.url(), "WELLBEING_READ_DATABASE_URL": standby.url()})
        assert f"127.0.0.1:{standby.port}/atlas" in served.log()  # it names the store it reads

        first = _batch(served)
        batch, before = _values(served)
        assert batch == first
        _pages_answer(served)

        # The standby lags: it has not replayed the refresh. The dashboard shows the
        # previous batch, whole, and says so on /healthz.
        standby.scalar("SELECT pg_wal_replay_pause()")
        run(_doubled_city(tmp_path / "second"), writer)
        second = latest_batch_id(writer)
        assert second is not None and second > first
        assert _batch(served) == first
        assert _values(served) == (first, before)
        _pages_answer(served)

        # The standby catches up: the same process shows the new batch, never a mix.
        standby.scalar("SELECT pg_wal_replay_resume()")
        after, deadline, polls = _doubled(before), time.monotonic() + WAIT, 0
        while True:
            polls += 1
            batch, rows = _values(served)
            assert batch in (first, second)
            assert _same(rows, before if batch == first else after), (batch, rows)
            if batch == second and _batch(served) == second:
                break
            assert time.monotonic() < deadline, f"the refresh did not reach the standby in {WAIT} s"
            time.sleep(0.05)
        _pages_answer(served)
        assert served.process.poll() is None  # no restart: the server that started is serving
        assert "Traceback" not in served.log()
        _read_engine_refuses_writes(monkeypatch, standby, batch)
    finally:
        writer.dispose()


def _read_engine_refuses_writes(monkeypatch: pytest.MonkeyPatch, standby: Cluster, batch: int) -> None:
    """The engine the dashboard reads through (WELLBEING_READ_DATABASE_URL) reads the new
    batch and cannot write: the standby refuses (the dashboard never writes; every page
    above was served from the standby)."""
    monkeypatch.setenv("WELLBEING_READ_DATABASE_URL", standby.url())
    clear_engine_cache()
    try:
        atlas = Atlas()
        assert atlas.engine.url.port == standby.port and atlas.version() == batch
        with pytest.raises(DBAPIError, match="read-only transaction"), atlas.engine.begin() as conn:
            conn.execute(text("DELETE FROM load_batches"))
        with atlas.engine.connect() as conn:
            assert conn.execute(text("SELECT pg_is_in_recovery()")).scalar() is True
    finally:
        clear_engine_cache()

