"""Benchmark of the dashboard (issue 4): callback server time and map payload.

    .venv/bin/python -m benchmarks.dashboard            # 6,000 areas and the 40-area demo city
    .venv/bin/python -m benchmarks.dashboard --quick    # 600 areas (smoke size)

Targets: callback server time p95 ≤ 150 ms at 6,000 areas and ≤ 50 ms at 40 areas;
the map figure ≤ 1 MB at 6,000 areas (the verdict also reports the first view,
figure + display geometry, raw and gzipped). Callbacks are timed twice: called as plain
functions, and end to end through Dash's endpoint (dispatch, JSON, gzip) with the
Flask test client: median, p95 and max of ``--repeat`` calls each (absolute
figures; there is no naive dashboard to compare the callbacks with). The map
payload is compared, in the same run, with two naive ``px.choropleth_map`` maps:
full-precision geometry inline, and our simplified geometry inline
(``benchmarks/dashboard/payload.py`` says what each ratio means).
Writes benchmarks/results/dashboard.json.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.dashboard import payload
from benchmarks.dashboard.scenarios import Scenario, scenarios
from benchmarks.figures import write_results
from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.grid_city import build_city


def stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2), "n": len(ordered)}


def store(path: Path, n_areas: int) -> Atlas:
    """A synthetic store of ``n_areas`` (the demo city at 40 when the ETL can load it)."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    if n_areas == 40:
        try:
            from etl.demo import load_demo

            load_demo(engine)
            return Atlas(engine)
        except Exception as exc:
            print(f"  (demo city unavailable: {exc}; using a synthetic 40-area city)")
    cols = {40: 8, 600: 30, 6000: 100}.get(n_areas, 100)
    build_city(engine, cols=cols, rows=n_areas // cols)
    return Atlas(engine)


def time_scenarios(items: list[Scenario], repeat: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for sc in items:
        times = []
        for i in range(repeat):
            start = time.perf_counter()
            sc.run(i)
            times.append(time.perf_counter() - start)
        out[sc.name] = stats(times)
    return out


def run_size(n_areas: int, repeat: int, payload_repeat: int, workdir: Path) -> dict[str, Any]:
    print(f"\n== {n_areas} areas ==")
    start = time.perf_counter()
    atlas = store(workdir / f"atlas_{n_areas}.sqlite", n_areas)
    built = time.perf_counter() - start
    app = create_app(atlas)
    import dashboard.pages.home as home

    start = time.perf_counter()
    atlas.comparisons()
    atlas.display_geometry()
    cold = time.perf_counter() - start
    items = scenarios(app, atlas)
    for sc in items:  # warm each path once (memoized classes, slices)
        sc.run(0)
    direct = time_scenarios([s for s in items if s.kind == "direct"], repeat)
    http = time_scenarios([s for s in items if s.kind == "http"], repeat)
    all_http = [v["p95_ms"] for v in http.values()]
    pay = payload.measure(atlas, app, home, payload_repeat)
    result = {"areas": len(atlas.areas()), "store_build_s": round(built, 1),
              "cold_cache_s": round(cold, 2), "repeat": repeat, "direct": direct, "http": http,
              "worst_http_p95_ms": max(all_http), "payload": pay}
    for name, s in {**direct, **http}.items():
        print(f"  {name:<38} median {s['median_ms']:>8.1f} ms   p95 {s['p95_ms']:>8.1f} ms")
    print(f"  cold cache (comparison table + geometry, once per batch): {cold:.2f} s")
    payload.report(pay)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks.dashboard", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="600 areas instead of 6,000")
    parser.add_argument("--repeat", type=int, default=40, help="timed calls per callback")
    parser.add_argument("--payload-repeat", type=int, default=6,
                        help="timed builds of each map payload (ours and the naive ones)")
    args = parser.parse_args(argv)
    large = 600 if args.quick else 6000
    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as tmp:
        results = {size: run_size(size, args.repeat, args.payload_repeat, Path(tmp))
                   for size in (40, large)}
    targets = {"p95_ms_40": 50, f"p95_ms_{large}": 150, "figure_bytes_max": 1_000_000}
    first = results[large]["payload"]["first_view"]
    verdict = {
        "p95_40_ok": results[40]["worst_http_p95_ms"] <= 50,
        f"p95_{large}_ok": results[large]["worst_http_p95_ms"] <= 150,
        "figure_payload_ok": first["c_ours_figure"]["bytes"] <= 1_000_000,
        "first_view_on_the_wire_ok": first["c_ours"]["gzip_bytes"] <= 1_000_000,
        "first_view_raw_ok": first["c_ours"]["bytes"] <= 1_000_000,
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"peak_rss_mb": round(peak_mb), "targets": targets, "verdict": verdict,
           "results": {str(k): v for k, v in results.items()}}
    path = write_results("dashboard", out, args.quick)
    print(f"\npeak RSS {peak_mb:.0f} MB; verdict {verdict}; wrote {path}")


if __name__ == "__main__":
    main()

