"""Where every benchmark writes its figures: benchmarks/results/<name>.json (git-ignored).

Each file carries when and where it was measured (date, CPU, cores, Python), so a
figure copied into docs/benchmarks.md can be traced to its run.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

FOLDER = Path(__file__).resolve().parent / "results"


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (Linux), else what platform reports."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """Cores, CPU model, Python, and the load averages (1, 5, 15 minutes) when the figures
    were written: on a shared machine, a load above the core count means other work ran."""
    return {"cpus": os.cpu_count(), "cpu_model": cpu_model(), "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_1_5_15m": [round(v, 2) for v in os.getloadavg()]}


def median_of(runs: list[float]) -> dict[str, Any]:
    """A median with its number of runs and the runs themselves (seconds)."""
    return {"median_s": statistics.median(runs), "runs": len(runs), "runs_s": runs}


def write_results(name: str, result: dict[str, Any], quick: bool = False) -> Path:
    """Write ``result`` as results/<name>.json (<name>-quick.json for a smoke run), stamped
    with the date and the machine."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}{'-quick' if quick else ''}.json"
    stamped = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
               "quick": quick, **result}
    path.write_text(json.dumps(stamped, indent=2) + "\n", encoding="utf-8")
    return path


class PeakRss:
    """Samples the peak RSS of processes (this one by default; a cluster's workers by
    ``pids``) in a thread while a block runs; a process that has gone is skipped."""

    def __init__(self, pids: list[int] | None = None, every: float = 0.02) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._procs = [psutil.Process(p) for p in pids] if pids else [psutil.Process()]

    def _sample(self) -> None:
        for proc in self._procs:
            try:
                self.peak = max(self.peak, proc.memory_info().rss)
            except psutil.Error:
                pass

    def _watch(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(self.every)

    def __enter__(self) -> PeakRss:
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
