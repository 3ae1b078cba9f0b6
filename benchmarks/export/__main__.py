"""Benchmark of the area profile exports (issue 5).

    .venv/bin/python -m benchmarks.export            # 80 areas, 50 prioritized, 30 indicators
    .venv/bin/python -m benchmarks.export --quick    # a smoke-sized city

Targets: one PDF profile in 2 s or less (median of several); all profiles of the
50 prioritized areas in 60 s or less on a 2-core machine. Baselines measured in
the same run: the CSV export of one profile, and the batch in one process.
Writes benchmarks/results/export.json.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.figures import write_results
from dashboard.model import Atlas
from reports import render_profile
from reports.batch import default_jobs, export_batch, prioritized_codes
from reports.build import TableIndex
from store.engine import make_engine
from store.migrate import upgrade
from tests.dashboard.synthetic import INDICATORS, Spec, build_city

DOMAINS = ("work_income", "education", "health", "safety", "housing", "demography")


def specs(n: int) -> tuple[Spec, ...]:
    """``n`` indicators over six domains, cycling the synthetic city's six kinds."""
    out = []
    for i in range(n):
        base = INDICATORS[i % len(INDICATORS)]
        names = tuple(f"{name} {i + 1}" for name in base.names)
        out.append(replace(base, id=f"{base.id}_{i + 1}", domain=DOMAINS[(i // 5) % len(DOMAINS)],
                           names=names))  # type: ignore[arg-type]
    return tuple(out)


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


def measure(snapshot: Any, table: Any, out: Path, repeat: int) -> dict[str, Any]:
    """Single profiles per format (medians) and the PDF batch, parallel and in one process."""
    codes = prioritized_codes(snapshot)
    index = TableIndex(table)

    def one(fmt: str) -> Callable[[], Any]:
        return lambda: render_profile(snapshot, table, codes[0], fmt, "sv", index=index)

    cold = timed(one("pdf"), 1)[0]
    medians = {fmt: statistics.median(timed(one(fmt), repeat)) for fmt in ("pdf", "html", "xlsx", "csv")}
    serial, serial_cpu = timed_batch(
        lambda: export_batch(snapshot, table, codes, "pdf", "sv", out / "serial", jobs=1))
    jobs = default_jobs()
    parallel, parallel_cpu = timed_batch(
        lambda: export_batch(snapshot, table, codes, "pdf", "sv", out / "parallel", jobs=jobs))
    written = len(list((out / "parallel").glob("*.pdf")))
    return {
        "one_profile_s": {"pdf_cold_first": round(cold, 3),
                          **{f"{fmt}_median": round(m, 4) for fmt, m in medians.items()}, "repeat": repeat},
        "one_pdf_vs_csv_baseline": round(medians["pdf"] / medians["csv"], 1),
        "batch_pdf": {
            "profiles": written, "jobs": jobs, "parallel_s": round(parallel, 2),
            "single_process_baseline_s": round(serial, 2),
            "speedup_vs_single_process": round(serial / parallel, 2),
            "cpu_s_parallel": round(parallel_cpu, 2), "cpu_s_single_process": round(serial_cpu, 2),
            "load_average_1m_after": round(os.getloadavg()[0], 2),
            "per_profile_s": round(parallel / max(written, 1), 3),
        },
        "targets": {"one_pdf_at_most_2s": medians["pdf"] <= 2.0, "batch_at_most_60s": parallel <= 60.0},
    }


def run(quick: bool, repeat: int) -> dict[str, Any]:
    size = size_of(quick)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'atlas.sqlite'}")
        upgrade(engine)
        start = time.perf_counter()
        build_city(engine, cols=size["cols"], rows=size["rows"], n_prioritized=size["n_prioritized"],
                   specs=specs(size["n_indicators"]))
        built = time.perf_counter() - start
        atlas = Atlas(engine)
        start = time.perf_counter()
        snapshot, table = atlas.snapshot(), atlas.comparisons()
        loaded = time.perf_counter() - start
        result = measure(snapshot, table, Path(tmp) / "out", repeat)
        engine.dispose()
    return {
        "size": {**size, "areas": size["cols"] * size["rows"], "table_rows": len(table)},
        "setup_s": {"build_store": round(built, 3), "snapshot_and_comparison_table": round(loaded, 3)},
        **result,
        "peak_memory": peak_mb(),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average_1m": round(os.getloadavg()[0], 2)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke-sized city (seconds, not a minute)")
    parser.add_argument("--repeat", type=int, default=None, help="renders per single-profile median")
    args = parser.parse_args()
    result = run(args.quick, args.repeat or (3 if args.quick else 7))
    one, batch = result["one_profile_s"], result["batch_pdf"]
    print(f"city: {result['size']['areas']} areas, {batch['profiles']} prioritized, "
          f"{result['size']['n_indicators']} indicators, {result['size']['table_rows']} table rows")
    print(f"one profile, median of {one['repeat']}: PDF {one['pdf_median']:.3f} s "
          f"(cold first {one['pdf_cold_first']:.3f} s) | HTML {one['html_median']:.3f} s | "
          f"XLSX {one['xlsx_median']:.3f} s | CSV {one['csv_median']:.4f} s "
          f"(PDF = {result['one_pdf_vs_csv_baseline']}x CSV)")
    print(f"batch of {batch['profiles']} PDFs: {batch['parallel_s']:.1f} s with {batch['jobs']} processes, "
          f"{batch['single_process_baseline_s']:.1f} s in one process "
          f"(speed-up {batch['speedup_vs_single_process']}x; CPU {batch['cpu_s_parallel']:.1f} s vs "
          f"{batch['cpu_s_single_process']:.1f} s; load average {batch['load_average_1m_after']})")
    print(f"targets: {result['targets']} | peak memory {result['peak_memory']}")
    print(f"wrote {write_results('export', result, args.quick)}")


if __name__ == "__main__":
    main()
