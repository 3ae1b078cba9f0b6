"""An area's PDF profile in a city of thousands of areas: the locator map drawn as the
city's filled outline beyond ``reports.charts.LOCATOR_OUTLINES`` other areas, against
every area's outline (the baseline, same run).

    .venv/bin/python -m benchmarks.export.locator              # 6,000 areas, median of 5
    .venv/bin/python -m benchmarks.export.locator --areas 600 --runs 3

Renders the PDF profile of one area from the rows the dashboard reads for it
(``dashboard.profile_rows.profile_table``), alternating ours and the baseline after one
warm-up each. Writes benchmarks/results/locator.json.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from benchmarks.figures import write_results
from dashboard.model import Atlas
from dashboard.profile_rows import profile_table
from reports import charts, render_profile
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.grid_city import build_city


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'atlas.sqlite'}")
        upgrade(engine)
        build_city(engine, cols=100 if args.areas >= 1000 else 30, rows=args.areas // (100 if args.areas >= 1000 else 30))
        atlas = Atlas(engine)
        snapshot, code = atlas.snapshot(), str(atlas.areas().index[len(atlas.areas()) // 2])
        rows = profile_table(atlas, code)
        ours_map = charts.locator_map
        every_map = partial(ours_map, locator_outlines=10**9)
        times: dict[str, list[float]] = {"ours": [], "every outline": []}
        sizes: dict[str, int] = {}
        for i in range(args.runs + 1):
            for name, drawer in (("every outline", every_map), ("ours", ours_map)):
                charts.locator_map = drawer  # type: ignore[assignment]
                started = time.perf_counter()
                body = render_profile(snapshot, rows, code, "pdf", "sv")[0]
                if i:  # the first round warms up
                    times[name].append(time.perf_counter() - started)
                sizes[name] = len(body)
        charts.locator_map = ours_map  # type: ignore[assignment]
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"PDF profile of one area, {args.areas:,} areas, median of {args.runs}:")
    for name, seconds in medians.items():
        print(f"  {name:14} {seconds:6.3f} s  ({sizes[name] / 1024:,.0f} KiB)")
    print(f"  every outline / ours = {medians['every outline'] / medians['ours']:.1f}x")
    write_results("locator", {"areas": args.areas, "runs": args.runs, "median_s": medians,
                              "all_s": times, "pdf_bytes": sizes})


if __name__ == "__main__":
    main()
