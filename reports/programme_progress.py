"""Progress towards a target in the report: the engine's judgement
(:func:`indicators.targets.target_progress`, the one the map legend and the profile show),
run on the values up to the report year.

The engine's codes are kept; the report's summary counts ``too_few_points`` and
``no_data`` together as *not assessed*.
"""

from __future__ import annotations

import pandas as pd

from indicators.targets import KEYS, target_progress
from indicators.targets import period_year as _year

# the summary's columns: the engine's too_few_points and no_data are counted as not_assessed
PROGRESS = ("achieved", "on_track", "off_track", "not_assessed")
NOT_ASSESSED = ("too_few_points", "no_data")


def summary_code(progress: str) -> str:
    """The summary column a progress code is counted in."""
    return "not_assessed" if progress in NOT_ASSESSED else progress


def period_year(period: object) -> int | None:
    """The last year a period names: ``2023`` → 2023, ``2021-2023`` → 2023; None without one."""
    year = _year(period)
    return None if year != year else int(year)


def judged(targets: pd.DataFrame, rows: pd.DataFrame) -> dict[tuple[str, str, str, str], str]:
    """Progress of each target, keyed (indicator, area, sex, age group), from ``rows`` (the
    redacted values up to the report year: a suppressed value is no point)."""
    if targets.empty:
        return {}
    out = target_progress(targets, rows)
    return {tuple(str(r[k]) for k in KEYS): str(r["progress"])  # type: ignore[misc]
            for r in out.to_dict("records")}
