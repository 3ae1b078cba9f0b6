"""Many profiles at once (``--all-prioritized``): one process per core, each rendering
from the same snapshot and table, writing its files itself."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from presentation.prioritized import in_city_order
from reports import check_format, render_profile, renderer_of
from reports.build import TableIndex
from reports.drawing import text_width
from reports.errors import ExportError
from store.read import Snapshot

MIN_PARALLEL = 3  # fewer profiles than this are not worth starting processes for


@dataclass(frozen=True)
class Job:
    snapshot: Snapshot
    index: TableIndex
    fmt: str
    lang: str
    out_dir: Path
    export_date: date
    comparator: str = "city"


@dataclass(frozen=True)
class Written:
    area_code: str
    path: Path | None
    error: str | None = None


_JOB: Job | None = None  # set once per worker process by _start


def _start(job: Job) -> None:
    global _JOB
    _JOB = job


def render_one(job: Job, code: str) -> Written:
    """Render and write one profile; a failure is reported, not raised."""
    try:
        content, name, _ = render_profile(job.snapshot, job.index.table, code, job.fmt, job.lang,
                                          job.export_date, job.index, comparator=job.comparator)
    except ExportError as exc:
        return Written(code, None, str(exc))
    path = job.out_dir / name
    path.write_bytes(content)
    return Written(code, path)


def _worker(code: str) -> Written:
    assert _JOB is not None, "worker started without a job"
    return render_one(_JOB, code)


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def prioritized_codes(snapshot: Snapshot) -> list[str]:
    """Codes of the prioritized areas (not the whole city), in the city's order."""
    return [str(c) for c in in_city_order(snapshot.areas)["code"]]


def export_batch(snapshot: Snapshot, table: pd.DataFrame, codes: list[str], fmt: str, lang: str,
                 out_dir: Path, jobs: int | None = None, export_date: date | None = None,
                 on_done: Callable[[Written], None] | None = None,
                 comparator: str = "city") -> list[Written]:
    """Write the profile of every area in ``codes`` to ``out_dir``, ``jobs`` processes at a time.

    Processes are forked (where the platform allows) so the snapshot and table are
    shared, not copied through pickles.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    index = TableIndex(table)
    index.inequality(snapshot)  # city-wide: computed once, before any fork
    job = Job(snapshot, index, fmt, lang, out_dir, export_date or date.today(), comparator)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    done: list[Written] = []
    if jobs == 1 or len(codes) < MIN_PARALLEL:
        for code in codes:
            done.append(render_one(job, code))
            if on_done:
                on_done(done[-1])
        return done
    renderer_of(check_format(fmt))  # import the renderer and read the font metrics once,
    text_width("x", 7.0)  # before forking, so each worker does not do it again
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(job,)) as pool:
        futures = [pool.submit(_worker, code) for code in codes]
        for future in as_completed(futures):
            done.append(future.result())
            if on_done:
                on_done(done[-1])
    order = {c: i for i, c in enumerate(codes)}
    return sorted(done, key=lambda w: order[w.area_code])
