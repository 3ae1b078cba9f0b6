"""The years a programme's annual report can be written for, shared by the report
(reports.programme_years) and the dashboard's download, so both name the same latest year."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date


def data_year(periods: Iterable[object]) -> int | None:
    """The latest year any period names (``2021-2023`` names 2023); None without one."""
    years = [int(y) for p in set(periods) for y in re.findall(r"\d{4}", str(p))]
    return max(years) if years else None


def report_years(start_year: int | None, end_year: int | None, today: date | None = None,
                 latest_data: int | None = None) -> tuple[int | None, int]:
    """(first, last): the programme's start (None: no limit) to the latest year it can be
    reported on: its end year, the current year or the store's latest data year, whichever
    comes first; never before its start."""
    last = (today or date.today()).year
    for limit in (end_year, latest_data):
        if limit is not None:
            last = min(last, limit)
    return start_year, last if start_year is None else max(last, start_year)
