"""Many cities in one store (issue 14, item 3): does a load slow down as the store fills?

    .venv/bin/python -m benchmarks.cities                          # SQLite, 24 cities
    .venv/bin/python -m benchmarks.cities --postgis postgresql+psycopg://postgres@127.0.0.1/bench
    .venv/bin/python -m benchmarks.cities --cities 6 --quick       # a smoke run

Loads the demo city (40 areas, 48 indicators, 63,846 values) through the ETL under
``--cities`` keys, one after the other, into one store, then loads the first city again
(``--force``) three times with every other city present. Reports, in the same run:

- the **baseline**: the median of the first three loads (a store holding 0–2 cities);
- the median of the last three loads (a store holding K−3 … K−1 cities), and of the three
  reloads of one city among K, each with its ratio to the baseline: a city's load works on
  its own schema (or file), so the ratios should stay near 1;
- the registry read the ``/cities`` page does with K cities (cities and indicators, then one
  indicator's values), median of 5 fresh readers.

With ``--postgis`` the URL's database is used and its ``city_*`` schemas and registry are
dropped first and at the end (use a database of its own). Writes
benchmarks/results/cities-sqlite.json or cities-postgis.json (-quick with --quick).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from benchmarks.figures import machine, write_results
from dashboard.registry import Registry
from etl.pipeline import run
from store.cities import city_slugs, drop_city
from store.engine import PROJECT_ROOT, make_engine

DEMO = PROJECT_ROOT / "data" / "demo" / "demo.toml"


def _timed(config: Path, engine: Engine, city: str, force: bool = False) -> float:
    started = time.perf_counter()
    result = run(config, engine, city=city, force=force)
    assert result.status == "succeeded", result.message
    return time.perf_counter() - started


def _clean(engine: Engine) -> None:
    for slug in city_slugs(engine):
        drop_city(engine, slug)


def _registry(engine: Engine) -> float:
    started = time.perf_counter()
    registry = Registry(engine)
    cities = registry.read()
    first = str(cities.indicators["indicator_id"].iloc[0])
    assert len(registry.values(first))
    return time.perf_counter() - started


def measure(engine: Engine, count: int) -> dict[str, Any]:
    slugs = [f"m{i:03d}" for i in range(count)]
    loads = []
    for i, slug in enumerate(slugs):
        loads.append(_timed(DEMO, engine, slug))
        print(f"  load {i + 1}/{count} ({i} cities in the store): {loads[-1]:.2f} s", flush=True)
    reloads = [_timed(DEMO, engine, slugs[0], force=True) for _ in range(3)]
    print(f"  reloads of {slugs[0]} among {count}: " + ", ".join(f"{r:.2f} s" for r in reloads))
    registry = [_registry(engine) for _ in range(5)]
    base = statistics.median(loads[:3])
    last, again = statistics.median(loads[-3:]), statistics.median(reloads)
    return {
        "cities": count, "loads_s": loads, "reloads_s": reloads, "registry_s": registry,
        "baseline_first_three_median_s": base,
        "last_three_median_s": last, "last_three_ratio": last / base,
        "reload_among_all_median_s": again, "reload_ratio": again / base,
        "registry_read_median_s": statistics.median(registry),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=int, default=24)
    parser.add_argument("--postgis", help="a PostGIS URL whose database this benchmark may fill")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.cities < 6:
        parser.error("--cities must be at least 6 (three first and three last loads)")
    with tempfile.TemporaryDirectory(prefix="atlas-cities-") as tmp:
        engine = make_engine(args.postgis or f"sqlite:///{Path(tmp) / 'atlas.sqlite'}")
        _clean(engine)
        print(f"{'PostGIS' if args.postgis else 'SQLite'}: the demo city loaded under "
              f"{args.cities} keys", flush=True)
        try:
            found = measure(engine, args.cities)
        finally:
            _clean(engine)
            engine.dispose()
    print(f"baseline (first three loads, 0-2 cities): {found['baseline_first_three_median_s']:.2f} s")
    print(f"last three loads: {found['last_three_median_s']:.2f} s ({found['last_three_ratio']:.2f}x)")
    print(f"reload among {args.cities}: {found['reload_among_all_median_s']:.2f} s "
          f"({found['reload_ratio']:.2f}x)")
    print(f"registry read for /cities: {found['registry_read_median_s'] * 1000:.0f} ms")
    store = "postgis" if args.postgis else "sqlite"
    path = write_results(f"cities-{store}", {"store": store, "machine_at_start": machine(), **found},
                         quick=args.quick)
    print(f"written: {path}")


if __name__ == "__main__":
    main()
