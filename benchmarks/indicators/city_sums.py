"""The city's sums in one ordered pass against the earlier blockwise sums, same rows, same run.

    .venv/bin/python -m benchmarks.indicators.city_sums

The engine used to add the areas' numerators and denominators per city cell in blocks of
65,536 rows on threads and then add the blocks' partials in the order the threads
finished: fast, but a cell's last bits depended on thread timing and on how the rows fell
into blocks (so a table computed in parts, compute.distributed_table, differed from the
whole by up to 1e-13). Now each cell adds its rows in input order in one pass. This
measures what that costs: ``comparison_table`` on the same synthetic nation with the
current ``indicators.city._aggregate`` and with the blockwise one of commit BASELINE
(restored from git into a module of its own), runs alternating, median of RUNS each.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

import indicators.city as city
from indicators import comparison_table
from synthetic.nation import nation

BASELINE = "23592b1"  # the last commit with the blockwise city sums
RUNS = 5
ROOT = Path(__file__).resolve().parents[2]


def _blockwise() -> types.ModuleType:
    source = subprocess.run(["git", "show", f"{BASELINE}:indicators/city.py"], capture_output=True,
                            text=True, cwd=ROOT, check=True).stdout
    module = types.ModuleType("city_blockwise")
    sys.modules[module.__name__] = module
    exec(compile(source, module.__name__, "exec"), module.__dict__)
    return module


def main() -> None:
    d = nation(2000, 40, 10)
    ordered, blockwise = city._aggregate, _blockwise()._aggregate
    times: dict[str, list[float]] = {"one ordered pass": [], "blockwise (baseline)": []}
    for _ in range(RUNS + 1):  # the first round warms up and is not counted
        for name, agg in (("blockwise (baseline)", blockwise), ("one ordered pass", ordered)):
            city._aggregate = agg
            start = time.perf_counter()
            comparison_table(d.values, d.catalogue, d.areas, d.city_code)
            times[name].append(time.perf_counter() - start)
    city._aggregate = ordered
    medians = {name: statistics.median(ts[1:]) for name, ts in times.items()}
    print(f"{len(d.values):,} rows, median of {RUNS}")
    for name, median in medians.items():
        print(f"  {name}: {median:.3f} s")
    print(f"  one pass / blockwise: {medians['one ordered pass'] / medians['blockwise (baseline)']:.2f}×")


if __name__ == "__main__":
    main()
