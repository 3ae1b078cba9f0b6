"""Benchmark of the area profile exports (issue 5).

    .venv/bin/python -m benchmarks.export            # 80 areas, 50 prioritized, 30 indicators
    .venv/bin/python -m benchmarks.export --quick    # a smoke-sized city

Targets: one PDF profile in 2 s or less; all PDF profiles of the 50 prioritized
areas in 60 s or less on a 2-core machine. Measured in one run, each a median of
``--repeat`` (single profiles) or ``--batch-repeat`` (batches) runs:

- one profile in each format (PDF, HTML, XLSX, CSV): absolute medians;
- the PDF against a real baseline: the same profile's HTML printed to PDF by
  headless Chromium through Playwright (``benchmarks/export/chromium.py``);
- the batch of PDFs with ``default_jobs()`` processes against the same batch in
  one process.

Writes benchmarks/results/export.json.
"""

from __future__ import annotations

import argparse
import io
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.export import chromium
from benchmarks.figures import median_of, write_results
from dashboard.model import Atlas
from reports import render_profile
from reports.batch import default_jobs, export_batch, prioritized_codes
from store.engine import make_engine
from store.migrate import upgrade
from synthetic.grid_city import build_city, indicator_specs

FORMATS = ("pdf", "html", "xlsx", "csv")


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (user + system)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed_batch(run: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one batch (CPU shows the work when the machine is shared)."""
    cpu, start = cpu_seconds(), time.perf_counter()
    run()
    return time.perf_counter() - start, cpu_seconds() - cpu


def peak_mb() -> dict[str, float]:
    scale = 1 / 1024 if platform.system() != "Darwin" else 1 / 1024 / 1024
    return {
        "parent_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale, 1),
        "largest_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale, 1),
    }


def size_of(quick: bool) -> dict[str, int]:
    if quick:
        return {"cols": 4, "rows": 3, "n_prioritized": 6, "n_indicators": 12}
    return {"cols": 10, "rows": 8, "n_prioritized": 50, "n_indicators": 30}


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def single_profiles(snapshot: Any, table: Any, code: str, repeat: int) -> dict[str, Any]:
    """One profile per format: the cold first PDF, then medians of ``repeat`` renders each."""

    def one(fmt: str) -> Callable[[], bytes]:
        return lambda: render_profile(snapshot, table, code, fmt, "sv")[0]

    cold = timed(one("pdf"), 1)[0]
    out: dict[str, Any] = {"pdf_cold_first_s": cold}
    for fmt in FORMATS:
        out[fmt] = median_of(timed(one(fmt), repeat))
    pdf = one("pdf")()
    out["pdf"].update(bytes=len(pdf), pages=pages(pdf))
    return out


def chromium_baseline(snapshot: Any, table: Any, code: str, repeat: int) -> dict[str, Any]:
    """The same profile's HTML printed by headless Chromium: medians of ``repeat`` runs."""
    try:
        with chromium.printer() as (print_pdf, launch_time):
            launches = [launch_time() for _ in range(3)]

            def html_to_pdf() -> bytes:
                html = render_profile(snapshot, table, code, "html", "sv")[0].decode("utf-8")
                return print_pdf(html)

            pdf = html_to_pdf()  # warm the tab
            times = timed(html_to_pdf, repeat)
    except chromium.Unavailable as exc:
        print(f"Chromium baseline unavailable ({exc}): absolute medians only")
        return {"unavailable": str(exc)}
    return {"html_to_pdf": median_of(times), "browser_launch": median_of(launches),
            "bytes": len(pdf), "pages": pages(pdf)}


def batches(snapshot: Any, table: Any, codes: list[str], out: Path, repeat: int) -> dict[str, Any]:
    """The PDF batch in parallel and in one process, rounds interleaved: medians of ``repeat``."""
    jobs = default_jobs()
    serial: list[tuple[float, float]] = []
    parallel: list[tuple[float, float]] = []

    def batch(folder: str, processes: int) -> Callable[[], Any]:
        return lambda: export_batch(snapshot, table, codes, "pdf", "sv", out / folder, jobs=processes)

    for i in range(repeat):  # interleaved, so a drift of the machine touches both
        serial.append(timed_batch(batch(f"serial{i}", 1)))
        parallel.append(timed_batch(batch(f"parallel{i}", jobs)))
    written = len(list((out / "parallel0").glob("*.pdf")))
    wall_1, wall_n = (statistics.median([w for w, _ in runs]) for runs in (serial, parallel))
    return {
        "profiles": written, "jobs": jobs,
        "parallel": median_of([w for w, _ in parallel]),
        "single_process": median_of([w for w, _ in serial]),
        "speedup_vs_single_process": wall_1 / wall_n,
        "cpu_s_median": {"parallel": statistics.median([c for _, c in parallel]),
                         "single_process": statistics.median([c for _, c in serial])},
        "per_profile_s": wall_n / max(written, 1),
    }


def run(quick: bool, repeat: int, batch_repeat: int) -> dict[str, Any]:
    size = size_of(quick)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'atlas.sqlite'}")
        upgrade(engine)
        start = time.perf_counter()
        build_city(engine, cols=size["cols"], rows=size["rows"], n_prioritized=size["n_prioritized"],
                   specs=indicator_specs(size["n_indicators"]))
        built = time.perf_counter() - start
        atlas = Atlas(engine)
        start = time.perf_counter()
        snapshot, table = atlas.snapshot(), atlas.comparisons()
        loaded = time.perf_counter() - start
        codes = prioritized_codes(snapshot)
        one = single_profiles(snapshot, table, codes[0], repeat)
        baseline = chromium_baseline(snapshot, table, codes[0], repeat)
        batch = batches(snapshot, table, codes, Path(tmp) / "out", batch_repeat)
        engine.dispose()
    ratio = (baseline["html_to_pdf"]["median_s"] / one["pdf"]["median_s"]
             if "html_to_pdf" in baseline else None)
    return {
        "size": {**size, "areas": size["cols"] * size["rows"], "table_rows": len(table)},
        "setup_s": {"build_store": built, "snapshot_and_comparison_table": loaded},
        "one_profile": one, "chromium_baseline": baseline, "chromium_over_ours_pdf": ratio,
        "batch_pdf": batch,
        "targets": {"one_pdf_at_most_2s": one["pdf"]["median_s"] <= 2.0,
                    "batch_at_most_60s": batch["parallel"]["median_s"] <= 60.0},
        "peak_memory": peak_mb(),
    }


def report(result: dict[str, Any]) -> None:
    one, base, batch = result["one_profile"], result["chromium_baseline"], result["batch_pdf"]
    print(f"city: {result['size']['areas']} areas, {batch['profiles']} prioritized, "
          f"{result['size']['n_indicators']} indicators, {result['size']['table_rows']} table rows")
    print(f"one profile, medians of {one['pdf']['runs']}: PDF {one['pdf']['median_s']:.3f} s "
          f"({one['pdf']['pages']} pages; cold first {one['pdf_cold_first_s']:.3f} s) | "
          + " | ".join(f"{fmt.upper()} {one[fmt]['median_s']:.4f} s" for fmt in FORMATS[1:]))
    if "html_to_pdf" in base:
        print(f"baseline, HTML printed by headless Chromium: {base['html_to_pdf']['median_s']:.3f} s "
              f"({base['pages']} pages; browser launch {base['browser_launch']['median_s']:.2f} s) "
              f"→ Chromium / ours = {result['chromium_over_ours_pdf']:.2f}×")
    print(f"batch of {batch['profiles']} PDFs, medians of {batch['parallel']['runs']}: "
          f"{batch['parallel']['median_s']:.1f} s with {batch['jobs']} processes, "
          f"{batch['single_process']['median_s']:.1f} s in one process "
          f"(speed-up {batch['speedup_vs_single_process']:.2f}×; CPU "
          f"{batch['cpu_s_median']['parallel']:.1f} s vs {batch['cpu_s_median']['single_process']:.1f} s)")
    print(f"targets: {result['targets']} | peak memory {result['peak_memory']}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke-sized city (seconds, not a minute)")
    parser.add_argument("--repeat", type=int, default=None, help="renders per single-profile median")
    parser.add_argument("--batch-repeat", type=int, default=None, help="batches per batch median")
    args = parser.parse_args()
    result = run(args.quick, args.repeat or (3 if args.quick else 7),
                 args.batch_repeat or (1 if args.quick else 3))
    report(result)
    print(f"wrote {write_results('export', result, args.quick)}")


if __name__ == "__main__":
    main()
