"""Benchmark of the comparison table at national scale.

    .venv/bin/python -m benchmarks.indicators           # 6,000 areas × 100 indicators ×
                                                         # 10 periods × 3 sexes = 18M rows
    .venv/bin/python -m benchmarks.indicators --quick   # a small smoke size

Two measurements, each a median of the same number of runs:

- the engine alone at full size (``comparison_table`` on 18M rows): median wall
  time and peak RSS; an absolute figure, no baseline;
- the engine against a straightforward pandas groupby-apply baseline on the
  **same rows**: a smaller nation (100 areas, same indicators and periods), as the
  baseline would take hours at full size. Runs alternate between the two; the
  speed-up is the baseline's median over the engine's median on those rows.

Writes benchmarks/results/indicators.json.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import psutil

from benchmarks.figures import PeakRss, median_of, write_results
from benchmarks.indicators.baseline import baseline_table
from indicators import comparison_table
from synthetic.nation import Nation, nation

FULL = {"areas": 6000, "indicators": 100, "periods": 10, "runs": 3, "same_rows_areas": 100}
QUICK = {"areas": 200, "indicators": 20, "periods": 10, "runs": 3, "same_rows_areas": 10}
TARGET_SECONDS, TARGET_GB, TARGET_SPEEDUP = 20.0, 6.0, 20.0


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


def engine(data: Nation) -> Callable[[], Any]:
    return lambda: comparison_table(data.values, data.catalogue, data.areas, data.city_code)


def full_size(size: dict[str, int]) -> dict[str, Any]:
    """The engine alone on the full nation: median time, peak RSS, RSS of the inputs."""
    data = nation(size["areas"], size["indicators"], size["periods"])
    input_gb = psutil.Process().memory_info().rss / 1e9
    print(f"full size: {len(data.values):,} rows ({size['areas']} areas × {size['indicators']} "
          f"indicators × {size['periods']} periods × 3 sexes); process RSS {input_gb:.2f} GB",
          flush=True)
    times, peak, table = timed(engine(data), size["runs"])
    out = {"areas": size["areas"], "rows": len(data.values), "rows_out": len(table),
           "engine": median_of(times), "peak_rss_gb": peak / 1e9, "input_rss_gb": input_gb}
    print(f"  comparison_table: median {out['engine']['median_s']:.2f} s of {len(times)} runs "
          f"({', '.join(f'{t:.2f}' for t in times)}); peak RSS {peak / 1e9:.2f} GB", flush=True)
    return out


def same_rows(size: dict[str, int]) -> dict[str, Any]:
    """The engine and the baseline on the same smaller nation, medians of the same runs."""
    data = nation(size["same_rows_areas"], size["indicators"], size["periods"])
    print(f"same rows: {len(data.values):,} rows ({size['same_rows_areas']} areas)", flush=True)
    e_times, b_times = [], []
    for _ in range(size["runs"]):  # interleaved, so a drift of the machine touches both
        e_times += timed(engine(data), 1)[0]
        b_times += timed(lambda: baseline_table(data.values, data.catalogue, data.city_code), 1)[0]
    speedup = statistics.median(b_times) / statistics.median(e_times)
    print(f"  engine median {statistics.median(e_times):.3f} s | baseline (groupby-apply) median "
          f"{statistics.median(b_times):.1f} s, {size['runs']} runs each → {speedup:.0f}× faster",
          flush=True)
    return {"areas": size["same_rows_areas"], "rows": len(data.values),
            "engine": median_of(e_times), "baseline": median_of(b_times), "speedup": speedup}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke size")
    args = parser.parse_args()
    size = QUICK if args.quick else FULL
    result = {"size": size, "full_size": full_size(size), "same_rows": same_rows(size),
              "targets": {"seconds": TARGET_SECONDS, "peak_gb": TARGET_GB,
                          "speedup": TARGET_SPEEDUP}}
    print(f"wrote {write_results('indicators', result, args.quick)}")


if __name__ == "__main__":
    main()
