"""Benchmark of the dashboard (issue 4): callback server time and map payload.

    .venv/bin/python -m benchmarks.dashboard            # 6,000 areas and the 40-area demo city
    .venv/bin/python -m benchmarks.dashboard --quick    # 600 areas (smoke size)

Targets: callback server time p95 ≤ 150 ms at 6,000 areas and ≤ 50 ms at 40 areas;
the map figure ≤ 1 MB at 6,000 areas (the verdict also reports the first view,
figure + display geometry, raw and gzipped). Callbacks are timed twice: called as plain
functions, and end to end through Dash's endpoint (dispatch, JSON, gzip) with the
Flask test client. The baseline for the payload is a naive ``px.choropleth_map``
with the full-precision geometry inline, measured in the same run.
Writes benchmarks/results/dashboard.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import plotly.express as px
from plotly.utils import PlotlyJSONEncoder

from benchmarks.dashboard.scenarios import Scenario, scenarios
from benchmarks.figures import write_results
from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine
from store.migrate import upgrade
from tests.dashboard.synthetic import build_city


def stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2), "n": len(ordered)}


def jbytes(obj: Any) -> int:
    return len(json.dumps(obj, cls=PlotlyJSONEncoder, separators=(",", ":")).encode())


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


def payload(atlas: Atlas, app: Any, home: Any) -> dict[str, Any]:
    """Bytes of the first map (figure + geometry), of an indicator change, and of the naive map."""
    state = {"path": "/", "query": {"lang": "sv"}}
    cat = list(atlas.catalogue().index)
    with app.server.test_request_context("/"):
        full = home.update_map(cat[0], None, "total", "comparison", "quantiles", None, state)[0]
        patch = home.update_map(cat[1], None, "total", "comparison", "quantiles", atlas.version(), state)[0]
    geo = atlas.display_geometry()
    frame = atlas.slice(cat[0], atlas.periods(cat[0])[-1], "total")
    frame = frame[frame["level"].astype(str) != "city"].astype({"area_code": str})
    names = atlas.areas()["name"]
    frame = frame.assign(name=frame["area_code"].map(names))
    full_geojson = json.loads(atlas.snapshot().geometries.to_json(drop_id=True))  # type: ignore[union-attr]
    for feature in full_geojson["features"]:
        feature["id"] = feature["properties"]["code"]
    naive = px.choropleth_map(frame, geojson=full_geojson, locations="area_code", color="value",
                              hover_name="name", hover_data=["lower_ci95", "upper_ci95", "compared_to_city"])
    naive_json = naive.to_json().encode()
    figure = jbytes(full)
    first_view = figure + len(geo.body)
    first_view_gz = (len(gzip.compress(json.dumps(full, cls=PlotlyJSONEncoder, separators=(",", ":")).encode()))
                     + len(geo.gzipped))
    return {
        "figure_bytes": figure, "geometry_bytes": len(geo.body), "geometry_gzip_bytes": len(geo.gzipped),
        "first_view_bytes": first_view, "first_view_gzip_bytes": first_view_gz,
        "indicator_change_patch_bytes": jbytes(patch),
        "naive_choropleth_map_bytes": len(naive_json),
        "naive_gzip_bytes": len(gzip.compress(naive_json)),
        "ratio_naive_to_first_view": round(len(naive_json) / first_view, 1),
        "ratio_naive_to_indicator_change": round(len(naive_json) / max(jbytes(patch), 1), 1),
        "geometry_decimals": geo.decimals,
        "geometry_tolerance_deg": round(geo.tolerance, 6),
        "geometry_vertices": geo.vertices,
        "geometry_bytes_per_area": round(len(geo.body) / max(len(geo.geojson["features"]), 1), 1),
        "ratio_naive_gzip_to_first_view_gzip": round(len(gzip.compress(naive_json)) / first_view_gz, 1),
    }


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


def run_size(n_areas: int, repeat: int, workdir: Path) -> dict[str, Any]:
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
    size = payload(atlas, app, home)
    result = {"areas": len(atlas.areas()), "store_build_s": round(built, 1),
              "cold_cache_s": round(cold, 2), "direct": direct, "http": http,
              "worst_http_p95_ms": max(all_http), "payload": size}
    for name, s in {**direct, **http}.items():
        print(f"  {name:<34} median {s['median_ms']:>8.1f} ms   p95 {s['p95_ms']:>8.1f} ms")
    print(f"  cold cache (comparison table + geometry): {cold:.2f} s")
    print(f"  first map view: figure {size['figure_bytes']:,} B + geometry {size['geometry_bytes']:,} B "
          f"= {size['first_view_bytes']:,} B (gzip {size['first_view_gzip_bytes']:,} B)")
    print(f"  geometry: {size['geometry_vertices']:,} vertices, {size['geometry_decimals']} decimals, "
          f"tolerance {size['geometry_tolerance_deg']}°, {size['geometry_bytes_per_area']} B per area")
    print(f"  indicator change (Patch): {size['indicator_change_patch_bytes']:,} B")
    print(f"  naive px.choropleth_map: {size['naive_choropleth_map_bytes']:,} B "
          f"→ ratio {size['ratio_naive_to_first_view']}× (first view), "
          f"{size['ratio_naive_to_indicator_change']}× (indicator change)")
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks.dashboard", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="600 areas instead of 6,000")
    parser.add_argument("--repeat", type=int, default=40, help="timed calls per callback")
    args = parser.parse_args(argv)
    large = 600 if args.quick else 6000
    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as tmp:
        results = {size: run_size(size, args.repeat, Path(tmp)) for size in (40, large)}
    targets = {"p95_ms_40": 50, f"p95_ms_{large}": 150, "figure_bytes_max": 1_000_000}
    pay = results[large]["payload"]
    verdict = {
        "p95_40_ok": results[40]["worst_http_p95_ms"] <= 50,
        f"p95_{large}_ok": results[large]["worst_http_p95_ms"] <= 150,
        "figure_payload_ok": pay["figure_bytes"] <= 1_000_000,
        "first_view_on_the_wire_ok": pay["first_view_gzip_bytes"] <= 1_000_000,
        "first_view_raw_ok": pay["first_view_bytes"] <= 1_000_000,
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"quick": args.quick, "machine": platform.platform(), "python": platform.python_version(),
           "peak_rss_mb": round(peak_mb), "targets": targets, "verdict": verdict,
           "results": {str(k): v for k, v in results.items()}}
    path = write_results("dashboard", out)
    print(f"\npeak RSS {peak_mb:.0f} MB; verdict {verdict}; wrote {path}")


if __name__ == "__main__":
    main()

