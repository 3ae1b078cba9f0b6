"""Crosswalk benchmark: ``python -m benchmarks.crosswalk [--quick] [--repeat N] [--postgis]``.

A synthetic city (``synthetic.crosswalk_city``) of 6,000 small areas aggregated to 600
neighbourhoods through a key, 50 derived shares over 10 years: `etl validate` and
`etl run` (validate + load) of

- **ours**: the neighbourhoods dissolved from the small areas' polygons by the key, the
  counts read by small area as one wide ``[[sources]]`` file through the key, and 50
  ``[[derived]]`` shares;
- **ours, values only**: the same values through the key, on the precomputed
  neighbourhood polygons;
- **baseline**: the precomputed neighbourhood polygons and the same values precomputed
  in long format (numerator and denominator per row), one ``[[tables]]`` file.

Each repetition runs the three in turn (a drift of the machine touches all), each into
a new store (a SQLite file; with ``--postgis`` also a scratch PostGIS database created
and dropped by the run); medians of ``--repeat``. The stored values of ours are checked
against the baseline's. Target: ours ≤ 2× the baseline. Writes
benchmarks/results/crosswalk.json.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine

from benchmarks.figures import write_results
from etl.pipeline import run, validate
from store.engine import make_engine
from store.migrate import upgrade
from store.read import read_snapshot
from store.schema import Base
from synthetic.crosswalk_city import CrosswalkCity, write_crosswalk_city

TARGET = 2.0
VARIANTS = ("ours", "ours_values", "baseline")


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@contextmanager
def sqlite_store(folder: Path, name: str) -> Iterator[Engine]:
    path = folder / f"{name}.sqlite"
    for old in folder.glob(f"{name}.sqlite*"):
        old.unlink()
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def postgis_store(url: str) -> Callable[[Path, str], Any]:
    @contextmanager
    def store(_folder: Path, _name: str) -> Iterator[Engine]:
        engine = make_engine(url)
        with engine.begin() as conn:  # empty, children first
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
        try:
            yield engine
        finally:
            engine.dispose()

    return store


def same_values(ours: Engine, baseline: Engine) -> None:
    """Ours stores the baseline's numerators and denominators, row for row."""
    key = ["indicator_id", "area_code", "period"]
    a = read_snapshot(ours).values.sort_values(key).reset_index(drop=True)
    b = read_snapshot(baseline).values.sort_values(key).reset_index(drop=True)
    assert a[key].equals(b[key]), "ours and the baseline hold different rows"
    for col in ("numerator", "denominator", "value"):
        assert np.allclose(a[col].to_numpy(float), b[col].to_numpy(float), equal_nan=True), col


def measure(city: CrosswalkCity, folder: Path, repeat: int, store: Callable[[Path, str], Any]
            ) -> dict[str, Any]:
    configs = {"ours": city.ours, "ours_values": city.ours_values, "baseline": city.baseline}
    runs: dict[str, dict[str, list[float]]] = {v: {"validate": [], "run": []} for v in VARIANTS}
    for i in range(repeat):
        for variant in VARIANTS:
            runs[variant]["validate"].append(timed(lambda v=variant: validate(configs[v])))
            with store(folder, variant) as engine:
                runs[variant]["run"].append(timed(lambda e=engine, v=variant: run(configs[v], e, force=True)))
                if i == 0 and variant != "baseline":
                    with store(folder, "check") as check:
                        run(configs["baseline"], check, force=True)
                        same_values(engine, check)
    medians = {v: {k: statistics.median(r) for k, r in steps.items()} for v, steps in runs.items()}
    base = medians["baseline"]["run"]
    return {
        "runs_s": runs,
        "median_s": medians,
        "ours_vs_baseline": medians["ours"]["run"] / base,
        "ours_values_vs_baseline": medians["ours_values"]["run"] / base,
        "validate_ours_vs_baseline": medians["ours"]["validate"] / medians["baseline"]["validate"],
    }


def report(result: dict[str, Any]) -> None:
    print(f"Crosswalk benchmark: {result['small']:,} small areas -> {result['neighbourhoods']:,} "
          f"neighbourhoods, {result['indicators']} derived indicators x {result['periods']} years "
          f"({result['value_rows']:,} values), medians of {result['repeat']}")
    for name, stores in result["stores"].items():
        m = stores["median_s"]
        print(f"  {name}: etl run (validate + load) ours {m['ours']['run']:.2f} s | values only "
              f"{m['ours_values']['run']:.2f} s | baseline {m['baseline']['run']:.2f} s")
        print(f"          ours / baseline = {stores['ours_vs_baseline']:.2f}x, values only "
              f"{stores['ours_values_vs_baseline']:.2f}x (target <= {TARGET:g}x); validate alone "
              f"{m['ours']['validate']:.2f} s vs {m['baseline']['validate']:.2f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crosswalk",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="600 small areas, 60 neighbourhoods, "
                        "10 indicators, 3 years")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions (default 3; 1 with --quick)")
    parser.add_argument("--postgis", action="store_true", help="also load into a scratch PostGIS database")
    args = parser.parse_args(argv)
    small, hoods, indicators, periods = (600, 60, 10, 3) if args.quick else (6_000, 600, 50, 10)
    repeat = args.repeat or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="crosswalk-bench-") as name:
        folder = Path(name)
        started = time.perf_counter()
        city = write_crosswalk_city(folder, small, hoods, indicators, periods)
        print(f"inputs written in {time.perf_counter() - started:.1f} s")
        stores: dict[str, Any] = {"sqlite": measure(city, folder, repeat, sqlite_store)}
        if args.postgis:
            from benchmarks.etl.__main__ import scratch_database

            with scratch_database() as url:
                stores["postgis"] = measure(city, folder, repeat, postgis_store(url))
    result = {"small": small, "neighbourhoods": city.neighbourhoods, "indicators": indicators,
              "periods": periods, "value_rows": city.values, "repeat": repeat, "target": TARGET,
              "stores": stores}
    report(result)
    print(f"written {write_results('crosswalk', result, args.quick)}")


if __name__ == "__main__":
    main()
