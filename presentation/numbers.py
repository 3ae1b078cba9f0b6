"""Numbers as each language writes them.

Swedish and Polish use a decimal comma and a (no-break) space between groups of
thousands; English a decimal point and a comma. Polish, as in CLDR, leaves
four-digit numbers ungrouped (``1234`` but ``12 345``). Missing values print as
an en dash, so a blank never looks like a zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

NBSP = "\u00a0"
MISSING = "–"


@dataclass(frozen=True)
class NumberStyle:
    decimal: str
    group: str
    min_grouping: int  # digits before the first separator may appear: 1 → 1 234; 2 → 1234
    plotly_separators: str  # layout.separators: decimal then thousands


STYLES: dict[str, NumberStyle] = {
    "sv": NumberStyle(",", NBSP, 1, ", "),
    "pl": NumberStyle(",", NBSP, 2, ", "),
    "en": NumberStyle(".", ",", 1, ".,"),
}


def style(lang: str) -> NumberStyle:
    """The number style of ``lang``; an unknown language fails listing the valid ones."""
    try:
        return STYLES[lang]
    except KeyError:
        raise ValueError(
            f"Unknown language {lang!r} for number formatting. Valid: {', '.join(STYLES)}"
        ) from None


def _is_missing(value: float | int | None) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _group(digits: str, st: NumberStyle) -> str:
    if len(digits) < 4 + (st.min_grouping - 1):
        return digits
    parts = []
    while len(digits) > 3:
        parts.append(digits[-3:])
        digits = digits[:-3]
    parts.append(digits)
    return st.group.join(reversed(parts))


def format_number(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """``12345.678`` → ``12 345,7`` (sv), ``12 345,7`` (pl), ``12,345.7`` (en)."""
    st = style(lang)
    if value is None or _is_missing(value):
        return MISSING
    number = float(value)
    decimals = max(0, int(decimals))
    text = f"{abs(number):.{decimals}f}"
    whole, _, frac = text.partition(".")
    negative = number < 0 and float(text) != 0.0
    out = _group(whole, st) + (st.decimal + frac if frac else "")
    return ("-" if negative else "") + out


def format_signed(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """A difference, always with its sign: ``+1,5``, ``-0,3``, ``0,0``."""
    text = format_number(value, lang, decimals)
    if text == MISSING or text.startswith("-") or not any(c in "123456789" for c in text):
        return text
    return "+" + text


def format_interval(
    lower: float | int | None, upper: float | int | None, lang: str, decimals: int = 1
) -> str:
    """A confidence interval, ``10,2–14,8``; an en dash alone when either end is missing."""
    if _is_missing(lower) or _is_missing(upper):
        return MISSING
    return f"{format_number(lower, lang, decimals)}–{format_number(upper, lang, decimals)}"


def format_integer(value: float | int | None, lang: str) -> str:
    """A count or a population: ``12 345`` / ``12,345``."""
    return format_number(value, lang, 0)
