"""Benchmark of directly standardised rates and life expectancy at national scale.

    .venv/bin/python -m benchmarks.methods           # 6,000 areas × 19 age bands × 2 sexes
                                                      # × 10 years = 2.28M rows
    .venv/bin/python -m benchmarks.methods --quick   # a small smoke size

Two measurements, each a median of the same number of runs:

- the engine at full size: ``directly_standardised_rates`` and ``life_expectancy`` (at
  birth and at 65) on every area × year × sex; median wall time of each and of both;
- the engine against the naive way (benchmarks/methods/baseline.py: a pandas groupby
  with plain Python loops per area × year × sex) on the **same subset** of the same
  data (the first 100 areas), runs interleaved; the ratio of the medians is the
  per-area speed-up. The baseline's results are checked against the engine's.

Writes benchmarks/results/methods.json.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.figures import median_of, write_results
from benchmarks.methods.baseline import naive_dsr, naive_life_expectancy
from benchmarks.methods.data import banded_nation
from indicators import directly_standardised_rates, life_expectancy

FULL = {"areas": 6000, "years": 10, "runs": 3, "subset_areas": 100}
QUICK = {"areas": 300, "years": 10, "runs": 3, "subset_areas": 20}
TARGET_SECONDS = 10.0


def engine_dsr(data: pd.DataFrame) -> pd.DataFrame:
    return directly_standardised_rates(data, events="deaths")


def engine_le(data: pd.DataFrame) -> pd.DataFrame:
    return life_expectancy(data, at_ages=(0, 65))


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def full_size(size: dict[str, int]) -> dict[str, Any]:
    data = banded_nation(size["areas"], size["years"])
    groups = size["areas"] * size["years"] * 2
    print(f"full size: {len(data):,} rows ({size['areas']} areas × 19 bands × 2 sexes × "
          f"{size['years']} years = {groups:,} groups)", flush=True)
    dsr_t, le_t = [], []
    for _ in range(size["runs"]):
        dsr_t.append(timed(lambda: engine_dsr(data))[0])
        le_t.append(timed(lambda: engine_le(data))[0])
    both = [a + b for a, b in zip(dsr_t, le_t, strict=True)]
    print(f"  DSR median {statistics.median(dsr_t):.2f} s, life expectancy median "
          f"{statistics.median(le_t):.2f} s, both {statistics.median(both):.2f} s "
          f"({size['runs']} runs; target ≤ {TARGET_SECONDS:.0f} s)", flush=True)
    return {"rows": len(data), "groups": groups, "dsr": median_of(dsr_t),
            "life_expectancy": median_of(le_t), "both": median_of(both)}


def _agree(engine: pd.DataFrame, naive: pd.DataFrame, pairs: list[tuple[str, str]]) -> float:
    """Largest relative difference between engine and baseline columns on the same keys."""
    keys = ["area_code", "period", "sex"]
    left = engine.assign(**{k: engine[k].astype(str) for k in keys})
    right = naive.assign(**{k: naive[k].astype(str) for k in keys}).rename(
        columns={theirs: f"naive_{theirs}" for _, theirs in pairs})
    both = left.merge(right, on=keys)
    worst = 0.0
    for mine, theirs in pairs:
        a = both[mine].to_numpy(dtype=float)
        b = both[f"naive_{theirs}"].to_numpy(dtype=float)
        ok = ~np.isnan(a) & ~np.isnan(b)
        if (np.isnan(a) != np.isnan(b)).any():
            raise AssertionError(f"engine and baseline disagree on which {mine} exist")
        worst = max(worst, float(np.max(np.abs(a[ok] - b[ok]) / np.abs(b[ok]), initial=0.0)))
    return worst


def same_subset(size: dict[str, int]) -> dict[str, Any]:
    data = banded_nation(size["areas"], size["years"])
    subset = data[data["area_code"].cat.codes < size["subset_areas"]].reset_index(drop=True)
    print(f"same subset: {len(subset):,} rows (the first {size['subset_areas']} areas)",
          flush=True)
    times: dict[str, list[float]] = {k: [] for k in ("dsr", "naive_dsr", "le", "naive_le")}
    results: dict[str, pd.DataFrame] = {}
    for _ in range(size["runs"]):  # interleaved, so a drift of the machine touches both
        for name, work in (("dsr", engine_dsr), ("naive_dsr", naive_dsr), ("le", engine_le),
                           ("naive_le", naive_life_expectancy)):
            took, results[name] = timed(lambda w=work: w(subset))  # type: ignore[misc]
            times[name].append(took)
    le = results["le"]
    wide = le[le["age"] == 0].merge(le[le["age"] == 65], on=["area_code", "period", "sex"],
                                    suffixes=("", "_65"))
    worst = max(_agree(results["dsr"], results["naive_dsr"],
                       [("value", "value"), ("lower_ci95", "lower_95"),
                        ("upper_ci998", "upper_998")]),
                _agree(wide, results["naive_le"], [("value", "e0"), ("se", "se0"),
                                                   ("value_65", "e65"), ("se_65", "se65")]))
    out: dict[str, Any] = {"areas": size["subset_areas"], "rows": len(subset),
                           "max_relative_difference": worst}
    for method in ("dsr", "le"):
        mine, naive = statistics.median(times[method]), statistics.median(times[f"naive_{method}"])
        out[method] = {"engine": median_of(times[method]),
                       "naive": median_of(times[f"naive_{method}"]), "speedup": naive / mine}
        print(f"  {method}: engine median {mine:.3f} s | naive loop median {naive:.2f} s → "
              f"{naive / mine:.0f}× faster per area", flush=True)
    print(f"  results agree to {worst:.1e} relative", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke size")
    args = parser.parse_args()
    size = QUICK if args.quick else FULL
    result = {"size": size, "full_size": full_size(size), "same_subset": same_subset(size),
              "target_seconds": TARGET_SECONDS}
    print(f"wrote {write_results('methods', result, args.quick)}")


if __name__ == "__main__":
    main()
