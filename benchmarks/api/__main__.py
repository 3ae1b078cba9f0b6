"""Benchmark of the read API and the GIS export (issue 15).

    .venv/bin/python -m benchmarks.api            # 6,000 areas; GeoPackage of 6,000 × 100
    .venv/bin/python -m benchmarks.api --quick    # 600 areas; 600 × 10 (smoke size)

Targets: values of one indicator for 6,000 areas as JSON in 100 ms or less (p95 server
time); the GeoPackage of 6,000 areas × 100 indicators in 10 s or less, against
``GeoDataFrame.to_file`` of the same frame in the same run.

1. A synthetic city of 6,000 areas (``synthetic.grid_city``, six indicators, five
   periods) in an SQLite store, served by waitress on loopback as ``wellbeing serve``
   does. ``--repeat`` requests of ``/api/v1/values?indicator=<id>&period=latest&sex=total``
   (6,001 rows: the areas and the city), cycling the six indicators so no answer is
   reused. Server time is the API's own ``Server-Timing`` (parameters to body); wall
   time is the client's, on loopback. Both without and with gzip.
2. A synthetic nation of 6,000 areas × 100 indicators × 2 periods (``synthetic.nation``,
   grid outlines from ``synthetic.grid_city``): the engine's table is built once (not
   timed); then, ``--gis-repeat`` times each, the export (``api.gis``: the wide layer from
   the table, then both layers written) and ``GeoDataFrame.to_file`` of the same areas
   frame to GeoPackage (pyogrio, the default engine).

Writes benchmarks/results/api.json (api-quick.json with --quick).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import geopandas as gpd
import requests
import waitress

from api.gis import GisRequest, gis_layers, write_layers
from benchmarks.figures import median_of, write_results
from dashboard.app import create_app
from dashboard.model import Atlas
from indicators import comparison_table, headline_age_groups
from store.engine import make_engine
from store.migrate import upgrade
from store.read import Snapshot
from synthetic.grid_city import build_city, grid_polygons
from synthetic.nation import nation


def stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(p95 * 1000, 2), "max_ms": round(ordered[-1] * 1000, 2),
            "n": len(ordered)}


def serve(app: Any) -> tuple[str, Any]:
    server = waitress.create_server(app.server, host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{server.effective_port}", server


def api_values(folder: Path, cols: int, rows: int, repeat: int) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    upgrade(engine)
    start = time.perf_counter()
    info = build_city(engine, cols=cols, rows=rows, n_periods=5)
    built = time.perf_counter() - start
    atlas = Atlas(engine)
    base, server = serve(create_app(atlas))
    session = requests.Session()
    try:
        start = time.perf_counter()
        first = session.get(f"{base}/api/v1/values?indicator=unemployment&period=latest&sex=total",
                            timeout=600)
        cold = time.perf_counter() - start
        n_rows = first.json()["meta"]["total"]
        inds = [i["id"] for i in session.get(f"{base}/api/v1/indicators", timeout=60).json()["data"]]
        out: dict[str, Any] = {"areas": len(info["codes"]), "rows_per_answer": n_rows,
                               "store_build_s": round(built, 1),
                               "first_request_s (reads the store, builds the table)": round(cold, 2),
                               "body_bytes": len(first.content)}
        for label, headers in (("plain", {"Accept-Encoding": "identity"}),
                               ("gzip", {"Accept-Encoding": "gzip"})):
            server_times, wall = [], []
            for i in range(repeat):
                url = (f"{base}/api/v1/values?indicator={inds[i % len(inds)]}"
                       "&period=latest&sex=total")
                start = time.perf_counter()
                resp = session.get(url, headers=headers, timeout=60)
                wall.append(time.perf_counter() - start)
                assert resp.status_code == 200 and resp.json()["meta"]["total"] == n_rows
                server_times.append(float(resp.headers["Server-Timing"].split("dur=")[1]) / 1000)
            out[label] = {"server": stats(server_times), "wall": stats(wall),
                          "wire_bytes": int(resp.headers["Content-Length"])}
    finally:
        server.close()
        engine.dispose()
    return out


def gis_export(folder: Path, cols: int, rows: int, n_indicators: int, repeat: int) -> dict[str, Any]:
    start = time.perf_counter()
    land = nation(cols * rows, n_indicators, 2)
    outlines = gpd.GeoDataFrame({"code": land.areas["code"][1:].tolist()},
                                geometry=grid_polygons(cols, rows, (12.9, 57.7), 0.05), crs="EPSG:4326")
    table = comparison_table(land.values, land.catalogue, land.areas, city_code=land.city_code)
    snapshot = Snapshot({"code": land.city_code, "name": "Nation"}, land.areas, land.catalogue,
                        land.values, 1)
    prepared = time.perf_counter() - start
    request = GisRequest(fmt="gpkg", lang="en")
    export_runs, build_runs, write_runs, to_file_runs = [], [], [], []
    for k in range(repeat):
        t0 = time.perf_counter()
        layers = gis_layers(snapshot, table, headline_age_groups(table), outlines, request)
        t1 = time.perf_counter()
        write_layers(layers, folder / f"atlas{k}.gpkg", "gpkg")
        t2 = time.perf_counter()
        layers.areas.to_file(folder / f"baseline{k}.gpkg", driver="GPKG", layer="areas")
        t3 = time.perf_counter()
        build_runs.append(t1 - t0)
        write_runs.append(t2 - t1)
        export_runs.append(t2 - t0)
        to_file_runs.append(t3 - t2)
    export, baseline = median_of(export_runs), median_of(to_file_runs)
    return {
        "areas": len(layers.areas), "indicators": n_indicators,
        "columns": len(layers.areas.columns), "table_rows": len(table),
        "prepare_s (nation, outlines, engine table: not timed below)": round(prepared, 1),
        "export": export, "export_build_wide_layer": median_of(build_runs),
        "export_write_both_layers": median_of(write_runs), "to_file_same_frame": baseline,
        "export_over_to_file": round(export["median_s"] / baseline["median_s"], 2),
        "write_over_to_file": round(statistics.median(write_runs) / baseline["median_s"], 2),
        "file_mb": round((folder / "atlas0.gpkg").stat().st_size / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke size: 600 areas, 10 indicators")
    parser.add_argument("--repeat", type=int, default=200, help="API requests per variant")
    parser.add_argument("--gis-repeat", type=int, default=3, help="GIS exports timed")
    args = parser.parse_args(argv)
    cols, rows, n_ind = (30, 20, 10) if args.quick else (100, 60, 100)
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        folder = Path(tmp)
        api = api_values(folder, cols, rows, args.repeat)
        print(f"API values, {api['rows_per_answer']} rows: server p95 "
              f"{api['plain']['server']['p95_ms']} ms (gzip {api['gzip']['server']['p95_ms']} ms), "
              f"wall p95 {api['plain']['wall']['p95_ms']} ms")
        gis = gis_export(folder, cols, rows, n_ind, args.gis_repeat)
        print(f"GeoPackage {gis['areas']} areas × {gis['indicators']} indicators: export median "
              f"{gis['export']['median_s']:.2f} s, to_file {gis['to_file_same_frame']['median_s']:.2f} s "
              f"(export / to_file {gis['export_over_to_file']})")
    path = write_results("api", {"api_values": api, "gis_export": gis,
                                 "targets": {"api_values_p95_ms": 100, "gpkg_s": 10}}, args.quick)
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
