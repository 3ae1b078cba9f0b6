"""Targets in the profile exports (issue #13): the target columns of the area's rows, each
headline row's target (presentation.targets.TargetLine), and the columns and cells the
XLSX, HTML and PDF renderers add when the profile has a target."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

import pandas as pd

from presentation.i18n import t
from presentation.targets import (
    PROGRESS_MARKS,
    TARGET_MARKS,
    TargetLine,
    amount,
    compared_words,
    mark,
    progress_words,
    row_target,
    target_rows,
    year_text,
)
from reports.pdf_table import Cell, Column
from reports.profile import IndicatorRow, Profile
from store.read import Snapshot

XLSX_COLUMNS = [("target_value", "head.target_value", "value"), ("target_period", "head.target_period", "text"),
                ("compared_to_target", "head.compared_to_target", "target"),
                ("progress", "head.progress", "progress")]
"""(record column, header key, kind) the XLSX domain sheets add after the others."""


def with_target_columns(rows: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """``rows`` (an area's comparison rows) with indicators.targets.ROW_COLUMNS."""
    found = target_rows(rows, snapshot)
    return rows.assign(**{c: found[c] for c in found.columns})


def with_target(row: IndicatorRow, record: dict[str, Any], lang: str) -> IndicatorRow:
    """The headline row with the target that applies to it (None without one)."""
    return replace(row, target=row_target(record, lang, row.decimals, row.unit))


def has_targets(p: Profile) -> bool:
    return any(r.target is not None for d in p.domains for r in d.rows)


def xlsx_columns(p: Profile) -> list[tuple[str, str, str]]:
    """The XLSX target columns (always: the sheets' columns do not depend on the store)."""
    return [(col, t(key, p.lang), kind) for col, key, kind in XLSX_COLUMNS]


def words(kind: str, status: Any, lang: str) -> str:
    """``✓ on track`` / ``◎ meets the target``."""
    if kind == "progress":
        return f"{mark(status, PROGRESS_MARKS)[0]} {progress_words(status, lang)}"
    return f"{mark(status, TARGET_MARKS)[0]} {compared_words(status, lang)}"


def status_of(line: TargetLine) -> tuple[str, Any]:
    """(kind, status) a target cell shows: its progress (own) or the comparison (city-wide)."""
    return ("progress", line.progress) if line.own else ("target", line.compared)


def short(line: TargetLine, lang: str, decimals: int, unit: Any) -> str:
    """``Target 6.0% by 2030`` (``(city-wide)`` after a city-wide one)."""
    text = t("target.short", lang, target=amount(line.target_value, lang, decimals, unit),
             year=year_text(line.target_period))
    return text if line.own else f"{text} ({t('target.city', lang)})"


def html_cell(r: IndicatorRow, lang: str) -> str:
    """The HTML profile's target cell."""
    if r.target is None:
        return '<td class="l">–</td>'
    kind, status = status_of(r.target)
    return (f'<td class="l" title="{escape(r.target.text)}">{escape(short(r.target, lang, r.decimals, r.unit))}'
            f"<small>{escape(words(kind, status, lang))}</small></td>")


def html_head(lang: str) -> str:
    return f'<th class="l" scope="col">{escape(t("col.target", lang))}</th>'


def pdf_columns(columns: list[Column], p: Profile, width: float = 26.0) -> list[Column]:
    """The PDF domain table's columns with a target column (``width`` mm taken from the
    indicator, comparison and trend columns) when the profile has a target."""
    if not has_targets(p):
        return columns
    take = {0: width * 0.6, len(columns) - 2: width * 0.2, len(columns) - 1: width * 0.2}
    out = [replace(c, width=c.width - take.get(i, 0.0)) for i, c in enumerate(columns)]
    return [*out, Column(t("col.target", p.lang), width, "L")]


def pdf_cells(r: IndicatorRow, lang: str) -> list[Cell]:
    """The PDF target cell (the status in words, the target below)."""
    if r.target is None:
        return [Cell("–")]
    kind, status = status_of(r.target)
    by = t("target.by", lang, target=amount(r.target.target_value, lang, r.decimals, r.unit),
           year=year_text(r.target.target_period))
    if r.target.own:
        return [Cell(f"{words(kind, status, lang)} · {by}")]  # wrapped to the column (3 lines)
    said = f"{mark(status, TARGET_MARKS)[0]} {t(f'target.short.{status}', lang)}"
    return [Cell(f"{said} · {by} ({t('target.city', lang)})")]
