"""Numbers as each language writes them, with CLDR's symbols through Babel.

Swedish and Polish use a decimal comma and a no-break space between groups of
thousands; English a decimal point and a comma. Polish, as CLDR's
``minimumGroupingDigits`` says, leaves four-digit numbers ungrouped (``1234`` but
``12 345``); Babel does not carry that one value, so it is stated here. The symbols
and the group size come from Babel (CLDR); the digits are Python's own rounding of the
value (the same as the charts' d3-format), which is twenty times faster than Babel's
``NumberPattern.apply`` on the 100,000 numbers of a large ranking, and
``tests/dashboard/test_numbers.py`` checks that both write the same text. The minus
sign is the ASCII hyphen-minus in every language, so that a copied number stays a
number in a spreadsheet. Missing values print as an en dash, so a blank never looks like
a zero; a value that rounds to zero never prints a minus sign.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.numbers import parse_pattern

from settings.languages import LANGS

NBSP = "\u00a0"
MISSING = "–"
MIN_GROUPING_DIGITS = {"pl": 2}  # CLDR minimumGroupingDigits (1 elsewhere)


@dataclass(frozen=True)
class NumberStyle:
    decimal: str
    group: str
    min_grouping: int  # digits before the first separator may appear: 1 → 1 234; 2 → 1234

    @property
    def plotly_separators(self) -> str:
        """Plotly's ``layout.separators``: the decimal mark, then the group mark (a plain
        space where the language groups with a space)."""
        return self.decimal + (" " if self.group.isspace() else self.group)


@lru_cache(maxsize=len(LANGS))
def style(lang: str) -> NumberStyle:
    """The number style of ``lang`` from CLDR; an unknown language fails listing the valid ones."""
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r} for number formatting. Valid: {', '.join(LANGS)}")
    locale = Locale.parse(lang)
    grouping = parse_pattern(locale.decimal_formats[None].pattern).grouping
    if grouping != (3, 3):  # every language of the atlas groups by three
        raise ValueError(f"{lang}: CLDR groups digits by {grouping}, which this module does not write")
    symbols = locale.number_symbols["latn"]
    return NumberStyle(symbols["decimal"], symbols["group"], MIN_GROUPING_DIGITS.get(lang, 1))


def _is_missing(value: float | int | None) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def format_number(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """``12345.678`` → ``12 345,7`` (sv), ``12 345,7`` (pl), ``12,345.7`` (en)."""
    st = style(lang)
    if value is None or _is_missing(value):
        return MISSING
    number = float(value)
    text = f"{abs(number):,.{max(0, int(decimals))}f}"
    whole, _, frac = text.partition(".")
    if st.min_grouping > 1 and len(whole) - whole.count(",") < 3 + st.min_grouping:
        whole = whole.replace(",", "")
    negative = number < 0 and any(c in "123456789" for c in text)
    return ("-" if negative else "") + whole.replace(",", st.group) + (st.decimal + frac if frac else "")


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
