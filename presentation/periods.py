"""Periods as people read them: pooled years with an en dash (``2020-2022`` → ``2020–2022``)."""

from __future__ import annotations

import re

POOLED = re.compile(r"(\d{4})\s*[-/]\s*(\d{4})")


def period_text(period: object) -> str:
    """``2020–2022`` for the pooled period ``2020-2022``; any other period as it is; a dash
    for none."""
    if period is None or period != period:  # None or NaN
        return "–"
    text = str(period).strip()
    match = POOLED.fullmatch(text)
    return f"{match[1]}–{match[2]}" if match else text


def period_short(period: object) -> str:
    """A chart's tick: ``2020–22`` for ``2020-2022`` (same century), else :func:`period_text`."""
    text = period_text(period)
    match = POOLED.fullmatch(str(period).strip()) if period is not None else None
    if match and match[1][:2] == match[2][:2]:
        return f"{match[1]}–{match[2][2:]}"
    return text
