"""The engine on a real Dask cluster: a LocalCluster, and a scheduler reached by its address
(`dask scheduler` + `dask worker` processes on localhost). Without Dask the tests skip;
REQUIRE_DASK=1 (CI) makes that a failure."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from indicators import comparison_table
from synthetic.nation import Nation, nation
from tests.conftest import missing_component

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def city() -> Nation:
    return nation(25, 8, 6)


@pytest.fixture(scope="module")
def single(city: Nation) -> pd.DataFrame:
    return comparison_table(city.values, city.catalogue, city.areas, city.city_code)


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        missing_component("REQUIRE_DASK", "dask.distributed is not installed "
                          "(pip install 'dask[distributed]')")
    return distributed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_local_cluster_gives_the_single_process_table(city: Nation,
                                                         single: pd.DataFrame) -> None:
    distributed = _distributed()
    from compute import client, distributed_table

    try:
        dask = client(address="", n_workers=2, memory_limit="1GB")
    except Exception as exc:  # a cluster that cannot start is a missing component here
        missing_component("REQUIRE_DASK", f"a local Dask cluster did not start: {exc}")
    with dask:
        assert len(dask.scheduler_info()["workers"]) == 2
        assert isinstance(dask, distributed.Client)
        got = distributed_table(city.values, city.catalogue, city.areas, city.city_code,
                                client=dask, indicators_per_part=3)
    assert_frame_equal(got, single, check_exact=True)


@pytest.fixture
def scheduler_address() -> Iterator[str]:
    _distributed()
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port",
                               str(port), "--no-dashboard"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    procs.append(subprocess.Popen(
        [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--nworkers", "1",
         "--memory-limit", "1GB", "--no-dashboard", "--host", "127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_the_setting_names_a_scheduler_the_engine_computes_on(
        city: Nation, single: pd.DataFrame, scheduler_address: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from compute import client, distributed_table
    from compute import scheduler_address as configured

    monkeypatch.setenv("WELLBEING_DASK_SCHEDULER", scheduler_address)
    assert configured() == scheduler_address
    deadline = time.monotonic() + 30
    while True:
        try:
            dask = client()  # the setting's address: no local cluster
            dask.wait_for_workers(1, timeout=20)
            break
        except Exception as exc:
            if time.monotonic() > deadline:
                missing_component("REQUIRE_DASK", f"no Dask scheduler at {scheduler_address}: "
                                  f"{exc}")
            time.sleep(0.5)
    with dask:
        assert dask.scheduler.address == scheduler_address
        got = distributed_table(city.values, city.catalogue, city.areas, city.city_code)
    assert_frame_equal(got, single, check_exact=True)


def test_a_load_computes_its_comparison_table_on_the_scheduler(
        city: Nation, single: pd.DataFrame, scheduler_address: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The ETL's parts (etl/comparison_parts.py), made by the scheduler's worker, are the
    single-process table."""
    from etl.comparison_parts import table_parts

    monkeypatch.setenv("WELLBEING_DASK_SCHEDULER", scheduler_address)
    try:
        parts = list(table_parts(city.values, city.catalogue, city.areas, city.city_code))
    except Exception as exc:
        missing_component("REQUIRE_DASK", f"no Dask scheduler at {scheduler_address}: {exc}")
    got = pd.concat(parts, ignore_index=True).sort_values("position", kind="stable")
    assert_frame_equal(got.drop(columns="position").reset_index(drop=True), single,
                       check_exact=True)


@dataclass
class Snap:
    values: pd.DataFrame
    catalogue: pd.DataFrame
    areas: pd.DataFrame
    city: dict[str, Any]


def test_the_dashboard_switch_computes_on_the_scheduler(
        city: Nation, scheduler_address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from compute import table_of

    monkeypatch.setenv("WELLBEING_DASK_SCHEDULER", scheduler_address)
    monkeypatch.setenv("WELLBEING_MIN_NUMERATOR", "8")
    snap = Snap(city.values, city.catalogue, city.areas, {"code": city.city_code})
    want = comparison_table(city.values, city.catalogue, city.areas, city.city_code,
                            min_numerator=8.0, min_denominator=30.0)
    try:
        got = table_of(snap)
    except Exception as exc:
        missing_component("REQUIRE_DASK", f"no Dask scheduler at {scheduler_address}: {exc}")
    assert_frame_equal(got, want, check_exact=True)


def test_an_unreachable_scheduler_falls_back_to_this_process(
        city: Nation, single: pd.DataFrame, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    import compute.snapshot

    def refuse() -> None:
        raise OSError("Timed out trying to connect to tcp://127.0.0.1:9")

    monkeypatch.setattr(compute.snapshot, "client", refuse)
    monkeypatch.setenv("WELLBEING_DASK_SCHEDULER", "tcp://127.0.0.1:9")
    snap = Snap(city.values, city.catalogue, city.areas, {"code": city.city_code})
    got = compute.snapshot.table_of(snap)
    assert_frame_equal(got, single, check_exact=True)
    assert "unreachable" in caplog.text and "tcp://127.0.0.1:9" in caplog.text
