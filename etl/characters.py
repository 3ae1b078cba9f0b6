"""Characters in the inputs: control and invisible characters, identifiers and look-alikes.

- Codes (indicator ids, area codes, periods, sex and age-group codes, note
  kinds and areas, urls) hold no control character (Unicode category Cc) and
  no invisible format character (Cf, e.g. U+200B ZERO WIDTH SPACE).
- Free text (names, descriptions, definitions, units, sources, value status
  notes, note titles and texts) holds no control character except tab, line
  feed and carriage return.
- Indicator ids and area codes are compared in Unicode NFC (``nfc``) and are
  made of letters and digits of any script (in their plain form: no full-width
  or other compatibility characters) and ``_ - . :``; area codes may also hold
  spaces and ``( ) '`` (district names used as codes).
- Two ids (or two area codes) with the same ``skeleton`` (NFKC, invisible
  characters removed, case folded, runs of spaces as one) are look-alikes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import numpy as np
import pandas as pd

ID_PUNCTUATION = "_-.:"
AREA_PUNCTUATION = "_-.: ()'"
CONTROL_FIX = (
    "remove the control or invisible character (often left by a broken export or a copy "
    "from another program) and save the file again"
)
ID_FIX = "use only letters, digits and _ - . : in ids (e.g. 'unemployment_20_64')"
AREA_FIX = "use only letters, digits, spaces and _ - . : ( ) ' in area codes"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NAMES = {"\x00": "NUL", "\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN",
          "\x1b": "ESCAPE", "\x7f": "DELETE"}
_SPACES = re.compile(r"\s+")


@cache
def _format_characters() -> re.Pattern[str]:
    """Every Cf character of this Python's Unicode database (built once, on first use)."""
    chars = (chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def describe(char: str) -> str:
    """``U+0000 NUL``, ``U+200B ZERO WIDTH SPACE``."""
    return f"U+{ord(char):04X} {unicodedata.name(char, _NAMES.get(char, 'CONTROL CHARACTER'))}"


def invisible(text: str, free_text: bool = False) -> str | None:
    """What is wrong with ``text``'s characters (the first culprit), or None.

    Codes may hold no Cc nor Cf character; ``free_text`` no Cc but tab, line feed
    and carriage return.
    """
    if text.isprintable():
        return None
    found = (_CONTROL_IN_TEXT if free_text else _CONTROL).search(text)
    if found:
        return f"contains a control character ({describe(found.group())})"
    if free_text:
        return None
    found = _format_characters().search(text)
    return f"contains an invisible character ({describe(found.group())})" if found else None


def invisible_rows(cells: pd.Series, free_text: bool = False) -> np.ndarray:
    """Mask of the cells ``invisible`` finds fault with (each distinct text checked once)."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object))
    bad = np.array([invisible(str(u), free_text) is not None for u in uniques], dtype=bool)
    return bad[codes] if len(codes) else np.zeros(0, dtype=bool)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def identifier_problem(text: str, area: bool = False) -> str | None:
    """Why ``text`` (in NFC) cannot be an indicator id (``area``: an area code), or None."""
    hidden = invisible(text)
    if hidden:
        return hidden
    if unicodedata.normalize("NFKC", text) != text:
        odd = next((c for c in text if unicodedata.normalize("NFKC", c) != c), text[0])
        plain = unicodedata.normalize("NFKC", odd)
        return f"contains {odd!r} ({describe(odd)}), a compatibility form of {plain!r}"
    allowed = AREA_PUNCTUATION if area else ID_PUNCTUATION
    for char in text:
        if not (char.isalnum() or char in allowed or unicodedata.category(char)[0] == "M"):
            what = "area codes" if area else "indicator ids"
            return f"contains {char!r} ({describe(char)}), which {what} may not hold"
    return None


def skeleton(text: str) -> str:
    """What ``text`` looks like: NFKC, invisible characters removed, case folded."""
    seen = unicodedata.normalize("NFKC", text)
    if not seen.isprintable():
        seen = _format_characters().sub("", seen)
    return _SPACES.sub(" ", seen.casefold()).strip()


def _difference(first: str, later: str) -> str:
    if first.casefold() == later.casefold():
        return "only in letter case"
    plain = [_format_characters().sub("", t) for t in (first, later)]
    if plain[0] == plain[1]:
        return "only by invisible characters"
    return "only in Unicode forms (e.g. full-width letters) or case"


def lookalikes(codes: Iterable[str | None]) -> list[tuple[int, int, str]]:
    """(later position, first position, how they differ) for codes that look like an
    earlier, different one. Exact repeats are left to the duplicate checks."""
    first: dict[str, tuple[int, str]] = {}
    out = []
    for i, code in enumerate(codes):
        if code is None:
            continue
        key = skeleton(code)
        if key not in first:
            first[key] = (i, code)
        elif first[key][1] != code:
            out.append((i, first[key][0], _difference(first[key][1], code)))
    return out
