"""ETL benchmark at national scale: ``python -m benchmarks.etl [--quick] [--repeat N]``.

Synthetic DeSO-like areas (6,000) and value rows (5,000,000) go into a scratch
PostGIS database created for the run and dropped after it. Measured in one run,
medians of ``--repeat`` repetitions:

- boundaries: our read + checks + simplification + insert, against
  ``ogr2ogr -f PostgreSQL`` and ``GeoDataFrame.to_postgis`` of the same file;
- values: rows per second of our load (database part, and end to end with
  parsing and validation) against a raw ``COPY FROM`` of the same CSV into a
  bare table, the physical limit here, and against that COPY followed by the
  build of the same primary key (the limit for a load whose key is enforced);
- peak RSS of a full ``etl run`` in its own process.

Writes benchmarks/results/etl.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import geopandas as gpd
from sqlalchemy import Engine, create_engine, make_url, text

from benchmarks.figures import write_results
from etl.boundaries import read_boundaries
from etl.bulk import BUILD_MEMORY, driver, staged
from etl.config import load_config
from etl.load import insert_areas
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.deso import CityFiles, write_city_files

ADMIN_URL = os.environ.get(
    "POSTGIS_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
TARGETS = {"values_vs_raw_copy": 0.5, "boundaries_vs_ogr2ogr": 1.5, "peak_rss_mb": 2048}


@contextmanager
def scratch_database() -> Iterator[str]:
    """A PostGIS database for this run only; dropped afterwards."""
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"wellbeing_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # name made here, not user input
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(runs: list[float]) -> float:
    return statistics.median(runs)


def pg_dsn(url: str) -> str:
    u = make_url(url)
    parts = {
        "host": u.host,
        "port": u.port,
        "user": u.username,
        "dbname": u.database,
        "password": u.password,
    }
    return " ".join(f"{k}={v}" for k, v in parts.items() if v)


def ogr2ogr(inputs: CityFiles, url: str) -> float:
    cmd = [
        "ogr2ogr",
        "-f",
        "PostgreSQL",
        f"PG:{pg_dsn(url)}",
        str(inputs.boundaries),
        "-nln",
        "ogr_areas",
        "-nlt",
        "MULTIPOLYGON",
        "-t_srs",
        "EPSG:4326",
        "-lco",
        "GEOMETRY_NAME=geom",
        "-overwrite",
        "-q",
    ]
    return timed(lambda: subprocess.run(cmd, check=True, capture_output=True))


def to_postgis(inputs: CityFiles, engine: Engine) -> float:
    def load() -> None:
        frame = gpd.read_file(inputs.boundaries).to_crs(4326)
        frame.to_postgis("gpd_areas", engine, if_exists="replace", index=False)

    return timed(load)


def our_boundaries(inputs: CityFiles, engine: Engine) -> tuple[float, float]:
    """(read + check + simplify, insert) seconds of the ETL's boundary step."""
    cfg = load_config(inputs.config)
    start = time.perf_counter()
    areas, problems = read_boundaries(cfg)
    assert not [p for p in problems if p.severity == "error"], problems[:3]
    middle = time.perf_counter()
    with engine.begin() as conn, staged(conn):  # what a load does: new tables, swapped in
        insert_areas(conn, areas, batch_id=0)
    return middle - start, time.perf_counter() - middle


def raw_copy(inputs: CityFiles, engine: Engine) -> tuple[float, float]:
    """COPY the values CSV as it is into a new bare table (no keys, no indexes), then
    give it the store's primary key (same columns, same build memory): seconds of each.

    The first is the physical limit of getting the rows in; the two together are
    the limit for rows that must come out unique, which a load that validates
    its key cannot beat.
    """
    times: list[float] = []
    with engine.begin() as conn:
        raw = driver(conn)
        raw.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
        raw.execute("DROP TABLE IF EXISTS bare_values")
        raw.execute(
            "CREATE TABLE bare_values (indicator text, area text, period text, "
            "sex text, numerator double precision, denominator double precision)"
        )
        conn.commit()
        start = time.perf_counter()
        with (
            raw.cursor() as cur,
            cur.copy("COPY bare_values FROM STDIN (FORMAT csv, HEADER)") as cp,
        ):
            with inputs.table.open("rb") as handle:
                while block := handle.read(1 << 20):
                    cp.write(block)
        conn.commit()
        times.append(time.perf_counter() - start)
        start = time.perf_counter()
        raw.execute("ALTER TABLE bare_values ADD PRIMARY KEY (area, indicator, period, sex)")
        conn.commit()
        times.append(time.perf_counter() - start)
    return times[0], times[1]


def etl_run(inputs: CityFiles, url: str) -> dict[str, Any]:
    """A full `etl run` in a child process: its step times and peak RSS."""
    cmd = [sys.executable, "-m", "benchmarks.etl.child", str(inputs.config), url]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            raise RuntimeError(f"etl run failed: {errors.read().decode()[-3000:]}")
    report: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    report["seconds"] = elapsed
    report["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    return report


def checkpoint(engine: Engine) -> None:
    """Flush dirty pages and start a new WAL budget (needs a superuser, as the scratch
    database's owner is here)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("CHECKPOINT"))


def measure(inputs: CityFiles, url: str, repeat: int) -> dict[str, Any]:
    engine = make_engine(url)
    ogr: list[float] = []
    gpd_runs: list[float] = []
    ours: list[tuple[float, float]] = []
    raw: list[tuple[float, float]] = []
    runs: list[dict[str, Any]] = []
    # Rounds interleave ours and the baselines, so a drift of the machine touches
    # both; each step starts after a CHECKPOINT, so none pays for the previous
    # step's dirty pages (a 5M-row load writes more WAL than max_wal_size).
    for _ in range(repeat):
        for step in (
            lambda: ogr.append(ogr2ogr(inputs, url)),
            lambda: gpd_runs.append(to_postgis(inputs, engine)),
            lambda: ours.append(our_boundaries(inputs, engine)),
            lambda: raw.append(raw_copy(inputs, engine)),
            lambda: runs.append(etl_run(inputs, url)),
        ):
            checkpoint(engine)
            step()
    engine.dispose()
    ours_total = [a + b for a, b in ours]
    values = runs[0]["values"]
    load = [r["steps"]["load"] for r in runs]
    parse = [r["steps"]["read_tables"] + r["steps"].get("validate", 0.0) for r in runs]
    raw_rate = inputs.rows / median([c for c, _ in raw])
    keyed_rate = inputs.rows / median([c + k for c, k in raw])
    load_rate = values / median(load)
    end_rate = values / median([a + b for a, b in zip(load, parse, strict=True)])
    return {
        "areas": inputs.areas,
        "value_rows": values,
        "repeat": repeat,
        "boundaries_s": {
            "ogr2ogr": median(ogr),
            "to_postgis": median(gpd_runs),
            "ours": median(ours_total),
            "ours_read_check_simplify": median([a for a, _ in ours]),
            "ours_insert": median([b for _, b in ours]),
        },
        "boundaries_vs_ogr2ogr": median(ours_total) / median(ogr),
        "boundaries_vs_to_postgis": median(ours_total) / median(gpd_runs),
        "values_rows_per_s": {
            "raw_copy": raw_rate,
            "raw_copy_then_key": keyed_rate,
            "ours_load": load_rate,
            "ours_end_to_end": end_rate,
        },
        "values_load_vs_raw_copy": load_rate / raw_rate,
        "values_load_vs_raw_copy_then_key": load_rate / keyed_rate,
        "raw_key_build_s": median([k for _, k in raw]),
        "values_end_to_end_vs_raw_copy": end_rate / raw_rate,
        "etl_run_s": median([r["seconds"] for r in runs]),
        "etl_steps_s": {
            k: median([r["steps"].get(k, 0.0) for r in runs]) for k in runs[0]["steps"]
        },
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "targets": TARGETS,
    }


def report(result: dict[str, Any]) -> None:
    b, v = result["boundaries_s"], result["values_rows_per_s"]
    print(
        f"ETL benchmark: {result['areas']:,} areas, {result['value_rows']:,} values, "
        f"medians of {result['repeat']}"
    )
    print(
        f"  boundaries  ogr2ogr {b['ogr2ogr']:.2f} s | to_postgis {b['to_postgis']:.2f} s | "
        f"ours {b['ours']:.2f} s (read+check+simplify {b['ours_read_check_simplify']:.2f}, "
        f"insert {b['ours_insert']:.2f})"
    )
    print(
        f"              ours / ogr2ogr = {result['boundaries_vs_ogr2ogr']:.2f}x (target <= 1.5), "
        f"ours / to_postgis = {result['boundaries_vs_to_postgis']:.2f}x"
    )
    print(
        f"  values      raw COPY {v['raw_copy']:,.0f} rows/s | our load {v['ours_load']:,.0f} rows/s "
        f"({result['values_load_vs_raw_copy']:.0%}) | end to end with parsing "
        f"{v['ours_end_to_end']:,.0f} rows/s ({result['values_end_to_end_vs_raw_copy']:.0%}); target >= 50%"
    )
    print(
        f"              raw COPY then its primary key {v['raw_copy_then_key']:,.0f} rows/s "
        f"(key build {result['raw_key_build_s']:.2f} s): our load is "
        f"{result['values_load_vs_raw_copy_then_key']:.0%} of that"
    )
    steps = ", ".join(f"{k} {s:.1f} s" for k, s in result["etl_steps_s"].items())
    print(f"  etl run     {result['etl_run_s']:.1f} s ({steps})")
    print(f"  peak RSS    {result['peak_rss_mb']:,.0f} MB (target <= 2048)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.etl", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--quick", action="store_true", help="small smoke size (300 areas, 50,000 rows)"
    )
    parser.add_argument(
        "--repeat", type=int, default=None, help="repetitions (default 3; 1 with --quick)"
    )
    args = parser.parse_args(argv)
    areas, rows = (300, 50_000) if args.quick else (6_000, 5_000_000)
    repeat = args.repeat or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="etl-bench-") as folder, scratch_database() as url:
        started = time.perf_counter()
        inputs = write_city_files(Path(folder), areas, rows)
        print(
            f"inputs written in {time.perf_counter() - started:.1f} s: {inputs.table.stat().st_size / 1e6:.0f} MB of values"
        )
        result = measure(inputs, url, repeat)
    report(result)
    print(f"written {write_results('etl', result, args.quick)}")


if __name__ == "__main__":
    main()
