"""Numbers and dates as the reader's language writes them (CLDR, through Babel).

Numbers go through :mod:`presentation.numbers`, so a profile writes ``12 345,6``
exactly as the dashboard does (decimal comma and no-break space in sv and pl).
A blank value is an en dash, never a zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from babel.dates import format_date

from presentation.numbers import MISSING, format_interval, format_number, format_signed

DASH = MISSING


def is_blank(value: object) -> bool:
    """True for None, NaN and pandas' NA."""
    if value is None:
        return True
    try:
        return bool(math.isnan(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value) in ("<NA>", "NaT")


def opt(value: Any) -> float | None:
    """A float, or None for blank values."""
    return None if is_blank(value) else float(value)


def decimals_of(info: Mapping[Any, Any]) -> int:
    """An indicator's decimals from its catalogue entry (1 when unset)."""
    value = info.get("decimals")
    return 1 if is_blank(value) else int(float(str(value)))


def number(value: object, decimals: int, lang: str, signed: bool = False) -> str:
    """``value`` rounded to ``decimals`` places as the dashboard writes it (blank: a dash)."""
    write = format_signed if signed else format_number
    return write(value, lang, decimals)  # type: ignore[arg-type]


def interval(lower: object, upper: object, decimals: int, lang: str) -> str:
    """A confidence interval, ``12,1–14,0``; a dash when either end is blank."""
    return format_interval(lower, upper, lang, decimals)  # type: ignore[arg-type]


def years_spanned(periods: list[str]) -> str:
    """The years from the first period's first to the last period's last: ``2015–2024``
    (pooled periods ``2016-2018`` … ``2022-2024`` give ``2016–2024``)."""
    years = [y for p in periods for y in re.findall(r"\d{4}", p)]
    if not years:
        return period_range(periods)
    return years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def long_date(day: date, lang: str) -> str:
    """``22 november 2025`` (sv), ``22 listopada 2025`` (pl), ``22 November 2025`` (en):
    CLDR's month names (Polish in the genitive, as a date needs) through Babel."""
    return format_date(day, "d MMMM y", locale=lang)


def period_range(periods: list[str]) -> str:
    """``2019–2023`` for several periods, the period itself for one, a dash for none."""
    if not periods:
        return DASH
    first, last = min(periods), max(periods)
    return first if first == last else f"{first}–{last}"
