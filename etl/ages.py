"""Age bands: '0-4', '65+', 'all'; a wider band made of a source's narrower ones.

A band is whole years from ``low`` to ``high`` inclusive (``high`` None: and older).
``all`` is ``0+``. ``tiling(asked, bands)`` finds source bands that cover the asked
band exactly (no gap, no overlap, none reaching outside it), or says why none do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_RANGE = re.compile(r"^\s*(\d{1,3})\s*[-–—]\s*(\d{1,3})\s*$")
_OPEN = re.compile(r"^\s*(\d{1,3})\s*(?:\+|[-–—]\s*)$")


@dataclass(frozen=True, order=True)
class Band:
    low: int
    high: int | None  # None: open-ended ("65+")

    def __str__(self) -> str:
        if self.high is None:
            return "all" if self.low == 0 else f"{self.low}+"
        return f"{self.low}-{self.high}"

    def within(self, other: Band) -> bool:
        if self.low < other.low:
            return False
        if other.high is None:
            return True
        return self.high is not None and self.high <= other.high


def parse_band(text: str) -> Band | None:
    """``'0-17'``, ``'0–17'``, ``'65+'``, ``'65-'`` or ``'all'`` as a Band; None otherwise."""
    if text.strip().lower() == "all":
        return Band(0, None)
    if match := _RANGE.match(text):
        low, high = int(match.group(1)), int(match.group(2))
        return Band(low, high) if low <= high else None
    if match := _OPEN.match(text):
        return Band(int(match.group(1)), None)
    return None


def tiling(asked: Band, bands: Iterable[Band]) -> list[Band] | str:
    """The source bands that make up ``asked`` exactly (widest first), or why there are none."""
    inside = sorted({b for b in bands if b.within(asked)}, key=lambda b: (b.low, -(b.high or 999)))
    straddling = [b for b in set(bands) if not b.within(asked) and _overlaps(b, asked)]

    def cover(start: int, used: list[Band]) -> list[Band] | None:
        for band in (b for b in inside if b.low == start):
            if band.high == asked.high:
                return [*used, band]
            if band.high is not None:
                found = cover(band.high + 1, [*used, band])
                if found:
                    return found
        return None

    found = cover(asked.low, [])
    if found:
        return found
    if straddling:
        shown = ", ".join(str(b) for b in sorted(straddling))
        return f"band(s) {shown} reach across its limits"
    if not inside:
        return "none of its bands lies within it"
    return "the bands within it leave a gap"


def _overlaps(a: Band, b: Band) -> bool:
    a_high = a.high if a.high is not None else 10**6
    b_high = b.high if b.high is not None else 10**6
    return a.low <= b_high and b.low <= a_high
