"""Run-time settings, declared as data: name, default, help.

Read from the environment. docs/settings.md documents every one (a test checks).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", "", "Store URL. Unset: embedded SQLite file data/atlas.sqlite. "
            "PostGIS: postgresql+psycopg://user@host/db."),
    Setting("WELLBEING_READ_DATABASE_URL", "", "Store URL for reading only (the dashboard and "
            "the exports), e.g. a SELECT-only PostgreSQL role. Unset: DATABASE_URL."),
    Setting("WELLBEING_HOST", "127.0.0.1", "Address the dashboard listens on."),
    Setting("WELLBEING_PORT", "8050", "Port the dashboard listens on."),
    Setting("WELLBEING_TILE_URL", "", "Optional basemap tile URL template ({z}/{x}/{y}); "
            "empty means no basemap, so the map works offline."),
    Setting("WELLBEING_MIN_NUMERATOR", "5", "Default disclosure threshold: values with fewer "
            "events are suppressed (an indicator's catalogue threshold wins)."),
    Setting("WELLBEING_MIN_DENOMINATOR", "30", "Default disclosure threshold: values with a "
            "smaller population are suppressed (an indicator's catalogue threshold wins)."),
    Setting("WELLBEING_LANG", "sv", "Default language of the dashboard: sv, pl or en."),
    Setting("WELLBEING_WORKERS", "1", "Web server processes of `wellbeing serve`: 1 runs waitress "
            "(one process, threads); more runs gunicorn with that many workers (not on Windows)."),
    Setting("WELLBEING_THREADS", "2", "Requests each web server process serves at once (its "
            "threads). The work is mostly Python, which runs one thread at a time per process: "
            "more threads let more requests wait inside a process, sharing it, instead of in "
            "the queue (docs/benchmarks.md, \"Threads per worker\")."),
    Setting("REDIS_URL", "", "Redis shared by the web workers for rendered payloads "
            "(redis://host:6379/0). Unset: each process caches in its own memory."),
    Setting("WELLBEING_CACHE_MB", "128", "Megabytes of rendered payloads each web process keeps "
            "in memory (in front of Redis when REDIS_URL is set); 0 turns the cache off."),
    Setting("WELLBEING_COMPRESS", "1", "Compress responses (brotli or gzip); 0 sends them as "
            "they are (for a benchmark's baseline, or behind a proxy that compresses)."),
    Setting("WELLBEING_PLOTLY", "partial", "Plotly bundle of the pages: partial (the atlas's trace "
            "types, dashboard/plotly_bundle/) or full (plotly.py's; a benchmark's baseline). A tile "
            "base map (WELLBEING_TILE_URL) always loads the full one."),
    Setting("WELLBEING_PRERENDER", "prioritized", "After each load, `wellbeing serve` renders area "
            "profile pages and PDF profiles (every language) into the payload cache in the "
            "background: prioritized (those areas), all (every area, prioritized first) or off."),
    Setting("WELLBEING_DASK_SCHEDULER", "", "Address of a Dask scheduler (tcp://host:8786) on "
            "which the dashboard computes the comparison table, per indicator; unset: in its own "
            "process. `wellbeing`'s Dask commands start a local cluster when unset."),
)


def get(name: str) -> str:
    """The value of a declared setting (environment, else its default)."""
    for s in SETTINGS:
        if s.name == name:
            return os.environ.get(name, s.default)
    raise KeyError(f"Unknown setting {name!r}. Valid: {', '.join(s.name for s in SETTINGS)}")


def disclosure_thresholds() -> dict[str, float]:
    """Default disclosure thresholds as keyword arguments of indicators.comparison_table."""
    return {
        "min_numerator": float(get("WELLBEING_MIN_NUMERATOR")),
        "min_denominator": float(get("WELLBEING_MIN_DENOMINATOR")),
    }
