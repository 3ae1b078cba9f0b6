"""Numbers typed by people: decimal comma or point, thousands separators, and bad cells.

Parsing is vectorized: numpy converts the clean cells in one call, and only
the cells it refuses go through the slower checks (thousands groups, a
Unicode minus, surrounding spaces).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

_SPACES = "[ \u00a0\u202f']"
_THOUSANDS = {
    ",": re.compile(rf"^[+-]?\d{{1,3}}(?:(?:{_SPACES}|\.)\d{{3}})+(?:,\d+)?$"),
    ".": re.compile(rf"^[+-]?\d{{1,3}}(?:(?:{_SPACES}|,)\d{{3}})+(?:\.\d+)?$"),
}
_COMMA_DECIMAL = re.compile(
    r"^[+-]?(?:\d+,\d{1,2}|\d+,\d{4,}|0,\d+|\d{1,3}(?:[ .\u00a0]\d{3})+,\d+)$"
)
_DOT_DECIMAL = re.compile(
    r"^[+-]?(?:\d+\.\d{1,2}|\d+\.\d{4,}|0\.\d+|\d{1,3}(?:[ ,\u00a0]\d{3})+\.\d+)$"
)
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def detect_decimal(texts: list[pd.Series], delimiter: str | None) -> str:
    """',' when unambiguous decimal commas outnumber decimal points, else '.'.

    '1,234' alone is ambiguous; it counts as a decimal comma only in a
    ';'-separated file, where that is the common convention.
    """
    comma = dot = ambiguous = 0
    for s in texts:
        s = s[s != ""].head(20_000)
        if s.empty:
            continue
        comma += int(s.str.match(_COMMA_DECIMAL).sum())
        dot += int(s.str.match(_DOT_DECIMAL).sum())
        ambiguous += int(s.str.match(_AMBIGUOUS_COMMA).sum())
    if comma > dot:
        return ","
    if comma == dot == 0 and ambiguous and delimiter in (";", "\t", "whitespace"):
        return ","
    return "."


LONGEST = 100  # characters: a longer cell is no number and is not parsed again


def short_cells(cells: np.ndarray) -> np.ndarray:
    """Mask of the cells of at most ``LONGEST`` characters (a huge cell is parsed once)."""
    return np.fromiter(
        (len(t) <= LONGEST or t.isspace() for t in map(str, cells)), dtype=bool, count=len(cells)
    )


def _to_float(cells: np.ndarray) -> np.ndarray:
    """Floats from an object array of strings: numpy's fast path, else NaN for the bad ones."""
    try:
        return cells.astype(float)
    except (ValueError, TypeError):
        short = short_cells(cells)
        out = np.full(len(cells), np.nan)
        coerced = pd.to_numeric(pd.Series(cells[short], dtype=object), errors="coerce")
        out[short] = coerced.to_numpy(dtype=float, na_value=np.nan)
        return out


def parse_numbers(texts: pd.Series, decimal: str) -> tuple[np.ndarray, np.ndarray]:
    """Floats from text cells, and a mask of cells that are not numbers.

    Empty (or blank) cells become NaN without being bad. Thousands separators
    (space, no-break space, apostrophe, and '.' with a decimal comma or ','
    with a decimal point) are accepted only in groups of three digits.
    """
    other = "." if decimal == "," else ","
    empty = texts.to_numpy(dtype=object) == ""
    values = np.full(len(texts), np.nan)
    if empty.all():
        return values, np.zeros(len(texts), dtype=bool)
    fast = texts[~empty]
    if decimal == ",":
        has_dot = fast.str.contains(".", regex=False).to_numpy(dtype=bool)
        fast = fast.str.replace(",", ".", regex=False).where(~has_dot, "")
    values[~empty] = _to_float(fast.to_numpy(dtype=object))
    values[~np.isfinite(values)] = np.nan
    need = np.isnan(values) & ~empty
    if need.any():
        need[need] = short_cells(texts.to_numpy(dtype=object)[need])
        slow = texts[need].astype(str).str.strip().str.replace("\u2212", "-", regex=False)
        ok = slow.str.match(_THOUSANDS[decimal])
        cleaned = slow.str.replace(rf"{_SPACES}|\{other}", "", regex=True)
        if decimal == ",":
            cleaned = cleaned.str.replace(",", ".", regex=False)
        parsed = pd.to_numeric(cleaned.where(ok, ""), errors="coerce").to_numpy(
            dtype=float, na_value=np.nan
        )
        plain = slow.where(~slow.str.contains(other, regex=False), "")
        if decimal == ",":
            plain = plain.str.replace(",", ".", regex=False)
        plain_values = pd.to_numeric(plain, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        values[need] = np.where(np.isnan(parsed), plain_values, parsed)
        values[~np.isfinite(values)] = np.nan
        empty[need] = (slow == "").to_numpy(dtype=bool)
    bad = np.isnan(values) & ~empty
    return values, bad


def parse_measure(
    cells: pd.Series, markers: set[str], decimal: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values, cells that are not numbers, and cells holding a missing-value marker."""
    marked = cells.isin(markers).to_numpy()
    values, bad = parse_numbers(cells.where(~marked, "") if marked.any() else cells, decimal)
    if bad.any():  # markers with spaces around them
        spaced = np.zeros(len(cells), dtype=bool)
        spaced[bad] = cells[bad].str.slice(0, 100).str.strip().isin(markers).to_numpy()
        marked, bad = marked | spaced, bad & ~spaced
    return values, bad, marked
