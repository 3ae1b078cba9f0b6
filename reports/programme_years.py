"""Which programme and which year a report is for: the checks that fail with the fix.

An unknown programme lists the valid ids; a year outside the programme's years says
which years it runs (an open-ended programme runs to the current year).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from presentation.programme_years import data_year
from presentation.programme_years import report_years as years_of
from reports.errors import ExportError
from reports.numbers import is_blank
from store.read import Snapshot


def programme_ids(snapshot: Snapshot) -> list[str]:
    return [str(i) for i in snapshot.programme["programmes"]["id"]]


def programme_row(snapshot: Snapshot, programme_id: str) -> dict[str, Any]:
    """The programme's row, or an ExportError listing the valid ids."""
    frame: pd.DataFrame = snapshot.programme["programmes"]
    found = frame[frame["id"].astype(str) == str(programme_id)]
    if found.empty:
        ids = programme_ids(snapshot)
        if not ids:
            raise ExportError(
                f"Programme {programme_id!r} is not in the store: the city has no programmes. "
                "Fix: add a [programme] block with the programme register to the city "
                "configuration and load it again (docs/programmes.md).")
        raise ExportError(f"Programme {programme_id!r} is not in the store. "
                          f"Fix: use one of {', '.join(ids)}.")
    return {str(k): v for k, v in found.iloc[0].to_dict().items()}


def report_years(programme: dict[str, Any], today: date | None = None,
                 latest_data: int | None = None) -> tuple[int | None, int]:
    """(first, last) year a report of ``programme`` (its row) can be written for."""
    start = None if is_blank(programme.get("start_year")) else int(programme["start_year"])
    end = None if is_blank(programme.get("end_year")) else int(programme["end_year"])
    return years_of(start, end, today, latest_data)


def check_year(programme: dict[str, Any], year: int) -> int:
    """``year`` when the programme runs in it; otherwise an ExportError with its years."""
    start = None if is_blank(programme.get("start_year")) else int(programme["start_year"])
    end = None if is_blank(programme.get("end_year")) else int(programme["end_year"])
    if (start is not None and year < start) or (end is not None and year > end):
        span = f"{start if start is not None else '…'}–{end if end is not None else 'open-ended'}"
        pick = start if start is not None and year < start else end
        raise ExportError(
            f"Year {year} is outside programme {programme['id']!r}, which runs {span}. "
            f"Fix: give --year within those years, e.g. --year {pick}.")
    return int(year)


def latest_year(snapshot: Snapshot, programme_id: str, today: date | None = None) -> int:
    """The most recent year a report of the programme can be written for: its end, this
    year or the store's latest data year, whichever comes first."""
    latest = data_year(snapshot.values["period"]) if not snapshot.values.empty else None
    return report_years(programme_row(snapshot, programme_id), today, latest)[1]
