"""Colours and symbols of the profiles (print-friendly, colour-blind safe).

Colour is never the only carrier: each comparison outcome also has a symbol and
a word, each trend an arrow and a word. Comparison colours and symbols are the
dashboard's (:mod:`presentation.palette`), so the atlas and its reports agree.
"""

from __future__ import annotations

from presentation.palette import COMPARISON, Swatch

INK = "#1f2933"
MUTED = "#5f6b7a"
RULE = "#c9d1da"
BAND = "#eef2f6"
BRAND = "#1d3557"

AREA_LINE = "#1d4f91"
AREA_BAND = "#c6dbef"
CITY_LINE = "#222222"
SPINE_RANGE = "#dcdfe3"
SPINE_IQR = "#a9b0b8"

MAP_PEER = "#e4e8ed"
MAP_PRIORITIZED = "#c3ccd6"
MAP_EDGE = "#ffffff"
MAP_AREA = "#d9480f"
MAP_CITY = "#52606d"

TREND_COLOR = {
    "getting_better": "#1d6fb8",
    "getting_worse": "#b3261e",
    "increasing": "#6a51a3",
    "decreasing": "#6a51a3",
    "no_significant_change": "#5f6b7a",
    "not_enough_data": "#9aa5b1",
}


def comparison_fill(code: str) -> str:
    """The comparison's colour: the dashboard's palette, so a profile reads like the atlas."""
    return _swatch(code).fill


def comparison_ink(code: str) -> str:
    """Text colour that reads on the comparison's fill."""
    return _swatch(code).text


def comparison_symbol(code: str) -> str:
    return _swatch(code).symbol


def _swatch(code: str) -> Swatch:
    return COMPARISON.get(code, COMPARISON["not_compared"])


def trend_arrow(trend: str, polarity: str) -> str:
    """The arrow of the value's direction: a better trend of a low-is-good indicator points down."""
    if trend == "increasing":
        return "↑"
    if trend == "decreasing":
        return "↓"
    if trend in ("getting_better", "getting_worse"):
        up = (trend == "getting_better") == (polarity != "low_is_good")
        return "↑" if up else "↓"
    if trend == "no_significant_change":
        return "→"
    return "·"


def trend_color(trend: str) -> str:
    return TREND_COLOR.get(trend, TREND_COLOR["not_enough_data"])
