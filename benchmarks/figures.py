"""Where every benchmark writes its figures: benchmarks/results/<name>.json (git-ignored).

Each file carries when and where it was measured (date, CPU, cores, Python), so a
figure copied into docs/benchmarks.md can be traced to its run.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
