"""Spreadsheet formula injection, neutralised in every XLSX and CSV the atlas writes.

Text from a city's files (names, notes, sources) that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would run as a formula when a spreadsheet opens the
file. In CSV such a cell gets a leading apostrophe, as OWASP recommends; in XLSX it is
stored as text and marked with Excel's quote prefix (shown as typed, never evaluated).
Real numbers are untouched: numeric columns are not text, and text that is just a
number (``-3``, ``+1.5``) cannot be a formula.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from openpyxl.workbook.workbook import Workbook

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?%?")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(TRIGGERS) and not PLAIN_NUMBER.fullmatch(text)


def neutralise_text(value: Any) -> Any:
    """``value`` with an apostrophe in front when it is formula-like text (CSV)."""
    return "'" + value if isinstance(value, str) and is_formula_like(value) else value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot run as formulas (numbers unchanged)."""
    out = frame.copy(deep=False)
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            categories = list(series.cat.categories)
            if any(isinstance(c, str) and is_formula_like(c) for c in categories):
                out[column] = series.cat.rename_categories([neutralise_text(c) for c in categories])
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out[column] = series.map(neutralise_text, na_action="ignore")
    return out


def neutralise_workbook(workbook: Workbook) -> int:
    """Store every formula-like cell of ``workbook`` as quoted text; the number changed."""
    changed = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.data_type == "f" or is_formula_like(cell.value)):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    changed += 1
    return changed
