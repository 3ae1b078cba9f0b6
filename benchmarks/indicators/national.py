"""Benchmark of the comparison table on Dask at national scale (issue 14, item 2).

    .venv/bin/python -m benchmarks.indicators.national              # 6,160 areas × 300
        # indicators × 10 periods × 3 sexes ≈ 55M rows; single process on a third of it
    .venv/bin/python -m benchmarks.indicators.national --scale 0.05 --compare-scale 0.05
        # a smoke size (15 indicators)

Three measurements on a local cluster of one single-threaded worker per core, each
worker limited to 4 GB (``compute.client``):

- **same data, same run**: ``comparison_table`` in this process against
  ``compute.distributed_table`` (split by indicator, sent to the workers, tables
  gathered and put together) on the same nation (``--compare-scale`` of the
  indicators), runs alternating; the two results are compared (rows, order, dtypes and
  every non-float column equal; float values counted where they differ in the last bits);
- **Dask at full size** (``--scale`` of the 300 indicators): each task draws its
  indicator's values inside the worker (``national_data.block``) and computes its
  table there, so the 55M rows never meet in one process; tasks return row counts;
- **peak memory per worker**: the workers' RSS sampled with psutil every 50 ms during
  every Dask run (the largest value of any worker process).

Writes benchmarks/results/indicators-national.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

import numpy as np
import pandas as pd
import psutil
from pandas.testing import assert_frame_equal, assert_series_equal

from benchmarks.figures import PeakRss, median_of, write_results
from benchmarks.indicators.national_data import block, full_catalogue, n_blocks, whole
from compute import client as open_client
from compute import distributed_table
from indicators import comparison_table
from synthetic.nation import CITY_CODE, area_codes, areas

AREAS, INDICATORS, PERIODS = 6160, 300, 10
TARGET_WORKER_GB = 4.0


def part_in_worker(k: int, n_indicators: int, n_areas: int, n_periods: int) -> dict[str, Any]:
    """Draw indicator ``k`` and compute its table, in the worker; counts and seconds back."""
    start = time.perf_counter()
    values, cat = block(k, 1, n_indicators, n_areas, n_periods)
    drawn = time.perf_counter()
    table = comparison_table(values, cat, areas(area_codes(n_areas)), CITY_CODE)
    return {"rows": len(values), "rows_out": len(table), "draw_s": drawn - start,
            "table_s": time.perf_counter() - drawn}


def differing_values(got: pd.DataFrame, want: pd.DataFrame) -> dict[str, Any]:
    """Rows, order, dtypes and every non-float column equal (or AssertionError); float
    columns equal to 1e-9 relative (1e-12 absolute: differences near zero), and how many
    values differ in their last bits (the
    engine sums city values in 64k-row blocks, so a part's block layout can round
    differently from the whole's)."""
    assert_frame_equal(got, want, check_exact=False, rtol=1e-9, atol=1e-12)
    floats = [c for c in want.columns if want[c].dtype == np.float64]
    for column in want.columns.difference(floats):
        assert_series_equal(got[column], want[column], check_exact=True)
    count, largest = 0, 0.0
    for column in floats:
        a, b = got[column].to_numpy(), want[column].to_numpy()
        differs = ~((a == b) | (np.isnan(a) & np.isnan(b)))
        count += int(differs.sum())
        if differs.any():
            largest = max(largest, float(np.max(np.abs(a[differs] - b[differs]))))
    return {"rows_equal": True, "non_float_columns_equal": True, "floats_differing": count,
            "largest_absolute": largest}


def _sizes(scale: float) -> int:
    return max(1, round(INDICATORS * scale))


def same_data(dask: Any, n_ind: int, runs: int, pids: list[int]) -> dict[str, Any]:
    """Single process against distributed_table on one nation in this process."""
    values = whole(1, n_ind, AREAS, PERIODS)
    cat, area = full_catalogue(n_ind, 7), areas(area_codes(AREAS))
    print(f"same data: {len(values):,} rows ({AREAS} areas × {n_ind} indicators × {PERIODS} "
          f"periods × 3 sexes); process RSS {psutil.Process().memory_info().rss / 1e9:.2f} GB",
          flush=True)
    single, spread, peak, rss = [], [], 0, 0
    for run in range(runs):  # alternating, so a drift of the shared machine touches both
        single_table = None
        start = time.perf_counter()
        single_table = comparison_table(values, cat, area, CITY_CODE)
        single.append(time.perf_counter() - start)
        rss = max(rss, psutil.Process().memory_info().rss)
        with PeakRss(pids, every=0.05) as watch:
            start = time.perf_counter()
            got = distributed_table(values, cat, area, CITY_CODE, client=dask)
            spread.append(time.perf_counter() - start)
        peak = max(peak, watch.peak)
        if run == 0:
            diff = differing_values(got, single_table)
        del got, single_table
        print(f"  run {run + 1}: single process {single[-1]:.1f} s | Dask {spread[-1]:.1f} s",
              flush=True)
    ratio = statistics.median(single) / statistics.median(spread)
    print(f"  medians: single {statistics.median(single):.1f} s, Dask "
          f"{statistics.median(spread):.1f} s ({ratio:.2f}×); worker peak {peak / 1e9:.2f} GB; "
          f"equal but {diff['floats_differing']:,} float values (largest absolute difference "
          f"{diff['largest_absolute']:.1e})", flush=True)
    return {"indicators": n_ind, "rows": len(values), "single": median_of(single),
            "dask": median_of(spread), "speedup": ratio, "worker_peak_gb": peak / 1e9,
            "client_rss_gb_after_single": rss / 1e9, "comparison": diff}


def full_size(dask: Any, n_ind: int, runs: int, pids: list[int]) -> dict[str, Any]:
    """Dask alone, every indicator drawn and computed in a worker."""
    times, peak, last = [], 0, []
    for run in range(runs):
        with PeakRss(pids, every=0.05) as watch:
            start = time.perf_counter()
            futures = [dask.submit(part_in_worker, k, n_ind, AREAS, PERIODS, pure=False)
                       for k in range(n_blocks(n_ind, 1))]
            last = dask.gather(futures)
            times.append(time.perf_counter() - start)
        peak = max(peak, watch.peak)
        print(f"  run {run + 1}: {times[-1]:.1f} s, worker peak so far {peak / 1e9:.2f} GB",
              flush=True)
    rows = sum(p["rows"] for p in last)
    out = {"indicators": n_ind, "rows": rows, "rows_out": sum(p["rows_out"] for p in last),
           "dask": median_of(times), "worker_peak_gb": peak / 1e9,
           "draw_s_in_workers": sum(p["draw_s"] for p in last),
           "table_s_in_workers": sum(p["table_s"] for p in last)}
    print(f"full size on Dask: {rows:,} rows in, {out['rows_out']:,} out; median "
          f"{statistics.median(times):.1f} s of {runs} (of the worker time "
          f"{out['draw_s_in_workers']:.0f} s drawing, {out['table_s_in_workers']:.0f} s tables);"
          f" worker peak {peak / 1e9:.2f} GB (target ≤ {TARGET_WORKER_GB} GB)", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="share of the 300 indicators for the full-size Dask run")
    parser.add_argument("--compare-scale", type=float, default=1 / 3,
                        help="share of the 300 indicators for the same-data comparison")
    parser.add_argument("--runs", type=int, default=3, help="runs at full size")
    parser.add_argument("--compare-runs", type=int, default=3, help="runs of each engine on "
                        "the same data")
    parser.add_argument("--compare-only", action="store_true",
                        help="only the same-data comparison (results: indicators-national-compare)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with open_client(address="", n_workers=args.workers) as dask:
        pids = list(dask.run(os.getpid).values())
        print(f"local cluster: {len(pids)} workers × 1 thread, 4 GB each", flush=True)
        result: dict[str, Any] = {"workers": len(pids), "areas": AREAS, "periods": PERIODS,
                                  "target_worker_gb": TARGET_WORKER_GB}
        quick = args.scale < 1.0
        name = "indicators-national-compare" if args.compare_only else "indicators-national"
        if not args.compare_only:
            print("full size (Dask alone):", flush=True)
            result["full_size"] = full_size(dask, _sizes(args.scale), args.runs, pids)
            write_results(name, result, quick)  # kept if the rest is stopped
        result["same_data"] = same_data(dask, _sizes(args.compare_scale), args.compare_runs,
                                        pids)
    print(f"wrote {write_results(name, result, quick)}")


if __name__ == "__main__":
    main()
