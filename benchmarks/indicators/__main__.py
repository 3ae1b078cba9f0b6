"""Benchmark of the comparison table at national scale.

    .venv/bin/python -m benchmarks.indicators           # 6,000 areas × 100 indicators ×
                                                         # 10 periods × 3 sexes = 18M rows
    .venv/bin/python -m benchmarks.indicators --quick   # a small smoke size

Prints the median time and peak memory of ``comparison_table`` and its speed per row
against a straightforward pandas groupby-apply baseline measured in the same run (on a
subset of areas, as the baseline would take hours at full size; the ratio is per row).
Writes benchmarks/results/indicators.json.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

import psutil

from benchmarks.figures import write_results
from benchmarks.indicators.baseline import baseline_table
from benchmarks.indicators.synthetic import synthetic_inputs
from indicators import comparison_table

FULL = {"areas": 6000, "indicators": 100, "periods": 10, "runs": 3, "baseline_areas": 30}
QUICK = {"areas": 200, "indicators": 20, "periods": 10, "runs": 3, "baseline_areas": 10}
TARGET_SECONDS, TARGET_GB, TARGET_RATIO = 20.0, 6.0, 20.0


class PeakRss:
    """Samples the process RSS in a thread while a block runs."""

    def __init__(self, every: float = 0.02) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._proc = psutil.Process()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            time.sleep(self.every)

    def __enter__(self) -> PeakRss:
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._proc.memory_info().rss)


def timed(work: Callable[[], Any], runs: int) -> tuple[list[float], int, Any]:
    """Wall times of ``runs`` calls, the peak RSS seen during them, the last result."""
    times, result = [], None
    with PeakRss() as rss:
        for _ in range(runs):
            result = None  # let the previous result go before the next run
            start = time.perf_counter()
            result = work()
            times.append(time.perf_counter() - start)
    return times, rss.peak, result


def engine_runs(size: dict[str, int]) -> tuple[int, list[float], int, float]:
    """Rows in, wall times, peak RSS during the runs, process RSS with the inputs only."""
    data = synthetic_inputs(size["areas"], size["indicators"], size["periods"])
    n_rows = len(data.values)
    input_gb = psutil.Process().memory_info().rss / 1e9
    print(f"inputs: {n_rows:,} rows ({size['areas']} areas × {size['indicators']} indicators × "
          f"{size['periods']} periods × 3 sexes); process RSS {input_gb:.2f} GB", flush=True)
    times, peak, table = timed(lambda: comparison_table(
        data.values, data.catalogue, data.areas, data.city_code), size["runs"])
    print(f"{len(table):,} rows out", flush=True)
    return n_rows, times, peak, input_gb


def run(size: dict[str, int]) -> dict[str, Any]:
    n_rows, times, peak, input_gb = engine_runs(size)
    median = statistics.median(times)
    print(f"comparison_table: median {median:.2f} s over {len(times)} runs "
          f"({', '.join(f'{t:.2f}' for t in times)}), peak RSS {peak / 1e9:.2f} GB", flush=True)
    sub = synthetic_inputs(size["baseline_areas"], size["indicators"], size["periods"])
    b_times, _, _ = timed(lambda: baseline_table(sub.values, sub.catalogue, sub.city_code), 1)
    e_times, _, _ = timed(lambda: comparison_table(sub.values, sub.catalogue, sub.areas,
                                                   sub.city_code), 3)
    per_row = median / n_rows
    base_per_row = b_times[0] / len(sub.values)
    ratio = base_per_row / per_row
    print(f"baseline (groupby-apply) on {len(sub.values):,} rows: {b_times[0]:.2f} s = "
          f"{base_per_row * 1e6:.2f} µs/row; engine at full size {per_row * 1e6:.3f} µs/row "
          f"→ {ratio:.0f}× faster per row (engine on the same subset: "
          f"{statistics.median(e_times):.2f} s)", flush=True)
    return {
        "rows": n_rows, "size": size, "runs_s": times, "median_s": median,
        "peak_rss_gb": peak / 1e9, "process_max_rss_gb":
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9,
        "input_rss_gb": input_gb,
        "baseline": {"rows": len(sub.values), "seconds": b_times[0],
                     "engine_seconds_same_rows": statistics.median(e_times)},
        "per_row_us": per_row * 1e6, "baseline_per_row_us": base_per_row * 1e6,
        "speedup_per_row": ratio, "cpus": os.cpu_count(), "load_avg": os.getloadavg(),
        "targets": {"seconds": TARGET_SECONDS, "peak_gb": TARGET_GB, "ratio": TARGET_RATIO},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke size")
    args = parser.parse_args()
    result = run(QUICK if args.quick else FULL)
    result["quick"] = args.quick
    print(f"wrote {write_results('indicators', result, args.quick)}")


if __name__ == "__main__":
    main()
