"""A web worker's cold start and memory at 6,000 areas, before and after issue 14's
comparisons materialised at load.

    .venv/bin/python -m benchmarks.dashboard.coldstart                 # 6,000 areas, 3 runs each
    .venv/bin/python -m benchmarks.dashboard.coldstart --areas 600 --runs 1   # smoke size
    .venv/bin/python -m benchmarks.dashboard.coldstart --postgis postgresql+psycopg://...

One store (``synthetic.grid_city``, loaded with its comparison table as a load writes
it) and a copy of it with the comparison table deleted: a store as loaded before this
issue, whose workers compute the table themselves (the baseline, measured in the same
run). Each run is a fresh Python process that imports what a worker runs (as the serving master
does before it forks; timed apart) and forks one worker, alternating between the two
stores. The worker's cold start is what it does before it has answered: build the app,
warm it (the table or its index, the display geometry), then its first requests through
Dash's endpoint: the map page, the map's figure, a prioritized area's profile and one
other area's profile. Memory after those answers: the worker's resident set (VmRSS, the
imports shared with the master included), the part of it that is its own (private pages,
smaps_rollup: what one more worker costs), and its peak. Medians; the ratio is the
baseline's figure over ours.

Targets (issue 14): cold start ≤ 1 s and resident memory ≤ 300 MB at 6,000 areas.
Writes benchmarks/results/coldstart.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STEPS = ("build_s", "first_map_page_s", "first_map_figure_s", "first_profile_s", "other_profile_s")


def child(url: str) -> dict[str, Any]:
    """Import what a worker runs (as the serving master does before it forks), then fork a
    worker and time its start; its figures come back through a pipe."""
    started = time.perf_counter()
    import dashboard.app
    import dashboard.model  # noqa: F401
    import synthetic.dash_client  # noqa: F401
    from dashboard.cache import _source_digest

    _source_digest()  # the payload cache's namespace: `wellbeing serve` hashes it before forking
    imported = time.perf_counter() - started
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read)
        try:
            figures = worker(url)
        except BaseException as exc:  # reported by the parent
            figures = {"error": repr(exc)}
        os.write(write, json.dumps(figures).encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.waitpid(pid, 0)
    figures = json.loads(b"".join(chunks))
    if "error" in figures:
        raise RuntimeError(figures["error"])
    return {"import_s": imported, **figures}


def worker(url: str) -> dict[str, Any]:
    """One worker's start after the fork: build, warm, first answers; its memory."""
    from dashboard import ids
    from dashboard.app import create_app, warm
    from dashboard.model import Atlas
    from store.engine import make_engine
    from synthetic.dash_client import dispatch, page_response, state_key

    out: dict[str, Any] = {}
    mark = time.perf_counter()

    def step(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        out[name] = now - mark
        mark = now

    atlas = Atlas(make_engine(url))
    app = create_app(atlas)
    warm(atlas).join()
    step("build_s")
    client = app.server.test_client()
    indicator = str(atlas.catalogue().index[0])
    period = atlas.periods(indicator)[-1]
    assert page_response(client, "/", f"?lang=sv&indicator={indicator}").status_code == 200
    step("first_map_page_s")
    values = {(ids.Map.indicator, "value"): indicator, (ids.Map.period, "value"): period,
              (ids.Map.sex, "value"): "total", (ids.Map.colouring, "value"): "comparison",
              (ids.Map.scheme, "value"): "quantiles", (ids.Map.geo_version, "data"): None,
              (state_key(ids.url_state("map")), "data"): {"path": "/", "query": {"lang": "sv"}}}
    assert dispatch(client, f"{ids.Map.graph}.figure", values).status_code == 200
    step("first_map_figure_s")
    prioritized = list(atlas.prioritized().index) or list(atlas.areas().index)
    assert page_response(client, f"/area/{prioritized[0]}", "?lang=sv").status_code == 200
    step("first_profile_s")
    every = list(atlas.areas().index)
    assert page_response(client, f"/area/{every[len(every) // 2]}", "?lang=en").status_code == 200
    step("other_profile_s")
    out["ready_s"] = sum(out[s] for s in STEPS[:3])  # built, the map drawn: serving
    out["cold_start_s"] = sum(out[s] for s in STEPS)
    out["materialised"] = atlas.stored() is not None
    out |= memory()
    return out


def memory() -> dict[str, float]:
    """This process's resident set, the part of it no other process shares (what one more
    worker costs; the imports made before the fork are shared), and its peak resident set."""
    import resource

    def kb(text: str, key: str) -> float:
        return sum(float(line.split()[1]) for line in text.splitlines() if line.startswith(key))

    status = Path("/proc/self/status").read_text()
    rollup = Path("/proc/self/smaps_rollup").read_text()
    return {"rss_mb": kb(status, "VmRSS") / 1024,
            "private_mb": (kb(rollup, "Private_Clean") + kb(rollup, "Private_Dirty")) / 1024,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _stores(folder: Path, areas: int, postgis: str | None) -> dict[str, str]:
    """The store with its comparison table and the same store without it."""
    from sqlalchemy import delete

    from etl.comparisons import materialise
    from store.comparison_schema import comparison_cells, comparison_columns, comparison_rows
    from store.engine import make_engine
    from store.migrate import upgrade
    from synthetic.grid_city import build_city

    cols = 100 if areas >= 1000 else 30
    started = time.perf_counter()
    if postgis:
        ours = postgis
        engine = make_engine(ours)
        upgrade(engine)
        from store.schema import Base

        with engine.begin() as conn:  # the URL's store is the benchmark's: its city is replaced
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
        build_city(engine, cols=cols, rows=areas // cols, materialise=False)
        before = f"sqlite:///{folder / 'before.sqlite'}"  # the same city, computed
        plain = make_engine(before)
        upgrade(plain)
        build_city(plain, cols=cols, rows=areas // cols, materialise=False)
        materialise(engine)
        print(f"  stores built in {time.perf_counter() - started:.0f} s (PostGIS and SQLite)")
        return {"ours": ours, "before": before}
    path = folder / "ours.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_city(engine, cols=cols, rows=areas // cols, materialise=False)
    shutil.copy(path, folder / "before.sqlite")
    materialised = time.perf_counter()
    rows = materialise(engine)
    print(f"  store built in {materialised - started:.0f} s; its comparison table ({rows:,} rows) "
          f"computed and written in {time.perf_counter() - materialised:.1f} s")
    before = make_engine(f"sqlite:///{folder / 'before.sqlite'}")
    with before.begin() as conn:
        for model in (comparison_rows, comparison_cells, comparison_columns):
            conn.execute(delete(model))
    return {"ours": f"sqlite:///{path}", "before": f"sqlite:///{folder / 'before.sqlite'}"}


def _run_child(url: str) -> dict[str, Any]:
    env = dict(os.environ, WELLBEING_PRERENDER="off")
    done = subprocess.run([sys.executable, "-m", "benchmarks.dashboard.coldstart", "--child", url],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"worker failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgis", help="a PostGIS URL to hold our store (its city is replaced)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    from benchmarks.figures import write_results

    with tempfile.TemporaryDirectory() as tmp:
        stores = _stores(Path(tmp), args.areas, args.postgis)
        runs: dict[str, list[dict[str, Any]]] = {"ours": [], "before": []}
        for _ in range(args.runs):
            for name in ("before", "ours"):
                runs[name].append(_run_child(stores[name]))
                print(f"  {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in runs[name][-1].items()
                                                if isinstance(v, float)))
    assert all(r["materialised"] for r in runs["ours"]) and not any(r["materialised"] for r in runs["before"])
    keys = ["import_s", *STEPS, "ready_s", "cold_start_s", "rss_mb", "private_mb", "peak_rss_mb"]
    medians = {name: {k: statistics.median(r[k] for r in rs) for k in keys} for name, rs in runs.items()}
    print(f"\nMedians of {args.runs} fresh processes each, {args.areas:,} areas "
          f"({'PostGIS' if args.postgis else 'SQLite'}):")
    print(f"{'':22}{'before':>10}{'ours':>10}{'before/ours':>13}")
    for k in keys:
        b, o = medians["before"][k], medians["ours"][k]
        print(f"{k:22}{b:10.2f}{o:10.2f}{(b / o if o else float('nan')):12.1f}x")
    verdict = {"cold_start_target_1s": medians["ours"]["cold_start_s"] <= 1.0,
               "resident_target_300mb": medians["ours"]["rss_mb"] <= 300,
               "private_target_300mb": medians["ours"]["private_mb"] <= 300}
    print("targets:", verdict)
    write_results("coldstart", {"areas": args.areas, "runs": args.runs, "store": "postgis" if args.postgis
                                else "sqlite", "medians": medians, "all": runs, "verdict": verdict})


if __name__ == "__main__":
    main()
