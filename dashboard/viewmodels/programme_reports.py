"""The about page's programme reports: each programme of the city with the latest year its
annual implementation report can be written for (the year the download serves)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from dashboard.model import Atlas
from presentation.programme_years import data_year, report_years


@dataclass(frozen=True)
class ProgrammeEntry:
    id: str
    name: str  # in the page's language, else another language's
    start_year: int | None
    end_year: int | None
    latest_year: int  # the report year the download serves (its end, this year or the data's)


def _year(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(str(value))  # type: ignore[call-overload]


def _name(row: Mapping[Any, object], lang: str) -> str:
    for code in (lang, "sv", "pl", "en"):
        text = row.get(f"name_{code}")
        if isinstance(text, str) and text.strip():
            return text.strip()
    return str(row["id"])


def programme_entries(atlas: Atlas, lang: str, today: date | None = None) -> tuple[ProgrammeEntry, ...]:
    """The city's programmes in the register's order (none: an empty tuple)."""
    snapshot = atlas.snapshot()
    frame = snapshot.programme["programmes"]
    if frame.empty:
        return ()
    latest = data_year(snapshot.values["period"]) if not snapshot.values.empty else None
    out = []
    for row in frame.to_dict("records"):
        start, end = _year(row.get("start_year")), _year(row.get("end_year"))
        out.append(ProgrammeEntry(str(row["id"]), _name(row, lang), start, end,
                                  report_years(start, end, today, latest)[1]))
    return tuple(out)
