"""Benchmark of a first visit in headless Chromium (issue 14, item 7), on the demo city.

    .venv/bin/python -m benchmarks.browser            # 5 visits per server
    .venv/bin/python -m benchmarks.browser --runs 2   # a smoke run

Three `wellbeing serve` processes (one process each, no Redis: what `make run` starts) on
the same store:

- **ours**: the defaults (Plotly's partial bundle of dashboard/plotly_bundle/, brotli,
  scripts at the best level);
- **full bundle**: ``WELLBEING_PLOTLY=full``, plotly.py's full Plotly bundle, compressed
  the same way (the baseline of what the partial bundle buys);
- **no compression, full bundle**: also ``WELLBEING_COMPRESS=0``, every byte as it is (the
  baseline of the runs before the partial bundle).

Each has been visited once and has finished compressing its scripts before the timed
visits; visits go round the servers, in turn reversed. Each timed visit is a fresh browser
context (an empty cache), opening ``/?lang=en&indicator=unemployment``; no server
pre-renders profiles in the background (``WELLBEING_PRERENDER=off``) during the visits:

- **bytes transferred** until the map is drawn and the network is idle: each response's
  body as sent (encoded) plus its headers, as Chromium reports them;
- **map drawn**: from the navigation's start to the frame in which every area of the map
  is a drawn path (``performance.now()``, polled every animation frame);
- **recoloured**: from the click on another indicator ("Employment rate") to the frame in
  which the areas' fills have changed;
- **second visit**: the bytes of the same page opened again in the same context (what the
  year-long ``immutable`` caching saves);
- **phases** of the first visit, from the navigation's start: the page's scripts have run
  (``DOMContentLoaded``), Dash's router has answered with the page, Plotly asks for the map's
  geometry (where the time before the drawn map goes).

Targets: first visit ≤ 1.5 MB transferred, map drawn ≤ 1.0 s. Writes
benchmarks/results/browser.json (browser-quick.json with fewer than 5 runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from benchmarks.export.chromium import ARGS, executable
from benchmarks.figures import write_results
from benchmarks.serving import Server, demo_store, serving, wait_warm

START = "/?lang=en&indicator=unemployment"
OTHER = "Employment rate"
AREA = "path.choroplethlocation"
PHASES = """() => {
    const at = (part) => (performance.getEntriesByType('resource').find(r => r.name.includes(part)) || {});
    return {scripts_run_ms: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
            page_answered_ms: at('/_dash-update-component').responseEnd || 0,
            geometry_asked_ms: at('/geo/').startTime || 0};
}"""
FILLS = ("() => Array.from(document.querySelectorAll('path.choroplethlocation'))"
         ".map(e => getComputedStyle(e).fill).join('|')")


def visit(browser: Any, base: str, areas: int) -> dict[str, float]:
    """One first visit in a fresh context: bytes, time to the drawn map, time to recolour."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, base_url=base)
    page = context.new_page()
    page.set_default_timeout(60_000)
    sizes: list[int] = []

    def finished(request: Any) -> None:
        got = request.sizes()
        sizes.append(max(0, got["responseBodySize"]) + max(0, got["responseHeadersSize"]))

    page.on("requestfinished", finished)
    page.goto(START)
    drawn = page.wait_for_function(
        f"() => document.querySelectorAll('{AREA}').length >= {areas} && performance.now()",
        polling="raf").json_value()
    page.wait_for_load_state("networkidle")
    first_bytes = sum(sizes)
    phases = page.evaluate(PHASES)
    before = page.evaluate(FILLS)
    page.click("#map-indicator")
    option = page.locator(".dash-dropdown-option", has=page.get_by_role("radio", name=OTHER, exact=True))
    option.wait_for()
    page.evaluate("() => document.addEventListener('click', () => { window.__t0 = performance.now(); },"
                  " {capture: true, once: true})")
    option.click()
    recoloured = page.wait_for_function(
        f"(before) => ({FILLS})() !== before && performance.now() - window.__t0", arg=before,
        polling="raf").json_value()
    page.wait_for_load_state("networkidle")
    sizes.clear()
    page.goto(START)
    page.wait_for_function(f"() => document.querySelectorAll('{AREA}').length >= {areas}", polling="raf")
    page.wait_for_load_state("networkidle")
    second_bytes = sum(sizes)
    context.close()
    return {"bytes": first_bytes, "map_drawn_ms": float(drawn), "recoloured_ms": float(recoloured),
            "second_visit_bytes": second_bytes, **phases}


def summary(runs: list[dict[str, float]]) -> dict[str, Any]:
    return {key: {"median": statistics.median(r[key] for r in runs), "runs": [r[key] for r in runs]}
            for key in runs[0]}


OURS = "ours"
BASELINES = {"full bundle": {"WELLBEING_PLOTLY": "full"},
             "no compression, full bundle": {"WELLBEING_PLOTLY": "full", "WELLBEING_COMPRESS": "0"}}
SETUPS = {OURS: {"WELLBEING_PLOTLY": "partial"}, **BASELINES}
QUIET = {"WELLBEING_PRERENDER": "off"}  # no profiles rendered in the background during the visits


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed visits per server (default 5)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    started, load_start = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="atlas-browser-") as tmp:
        folder = Path(tmp)
        store, facts = demo_store(folder)
        areas = len(facts["areas"])
        with ExitStack() as stack:
            servers: dict[str, Server] = {name: stack.enter_context(serving(store, folder, 1, **QUIET, **env))
                                          for name, env in SETUPS.items()}
            pw = stack.enter_context(sync_playwright())
            browser = pw.chromium.launch(executable_path=executable(), args=ARGS)
            for server in servers.values():
                visit(browser, server.url, areas)  # warm: the store read, the scripts compressed
            compress_wait = max(wait_warm(server) for server in servers.values())
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
            for i in range(args.runs):
                order = list(servers.items()) if i % 2 == 0 else list(reversed(servers.items()))
                for name, server in order:
                    runs[name].append(visit(browser, server.url, areas))
            browser.close()
    figures = {name: summary(r) for name, r in runs.items()}
    mine = figures[OURS]
    result = {
        "command": f"python -m benchmarks.browser --runs {args.runs}", "runs": args.runs,
        "started": started, "finished": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "load_average": {"start": load_start, "end": os.getloadavg()[0]},
        "page": START, "areas": areas, "chromium": executable(), "baselines": BASELINES,
        "compress_wait_s": round(compress_wait, 1), "figures": figures,
        "ratios_baseline_over_ours": {
            name: {k: figures[name][k]["median"] / mine[k]["median"]
                   for k in ("bytes", "map_drawn_ms", "recoloured_ms") if mine[k]["median"]}
            for name in BASELINES},
        "targets": {"bytes": 1.5e6, "map_drawn_ms": 1000.0},
    }
    path = write_results("browser", result, quick=args.runs < 5)
    for name, fig in figures.items():
        print(f"{name}: first visit {fig['bytes']['median'] / 1e6:.2f} MB, map drawn "
              f"{fig['map_drawn_ms']['median']:.0f} ms, recoloured {fig['recoloured_ms']['median']:.0f} ms, "
              f"second visit {fig['second_visit_bytes']['median'] / 1e3:.0f} kB (medians of {args.runs}); "
              f"scripts run {fig['scripts_run_ms']['median']:.0f} ms, page answered "
              f"{fig['page_answered_ms']['median']:.0f} ms, geometry asked {fig['geometry_asked_ms']['median']:.0f} ms")
    print(f"load average {result['load_average']['start']:.1f} at the start, "
          f"{result['load_average']['end']:.1f} at the end")
    print(f"Wrote {path}")
    return result


if __name__ == "__main__":
    main()
