"""Colours and symbols: colour-blind-safe, and never the only carrier of meaning.

Comparison colours follow Fingertips' logic (better / similar / worse) on the
blue–orange axis that colour-blind readers tell apart (Okabe–Ito hues); every
colour comes with a symbol and a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from plotly.colors import sample_colorscale


@dataclass(frozen=True)
class Swatch:
    fill: str
    symbol: str

    @property
    def text(self) -> str:
        """Black or white, whichever reads better on ``fill``."""
        return readable_text(self.fill)


COMPARISON: dict[str, Swatch] = {
    "much_better": Swatch("#0b4f8a", "▲▲"),
    "better": Swatch("#4a90c8", "▲"),
    "similar": Swatch("#f1d36b", "●"),
    "worse": Swatch("#e2803a", "▼"),
    "much_worse": Swatch("#a8430b", "▼▼"),
    "higher": Swatch("#7a64ad", "△"),
    "lower": Swatch("#d3c8e6", "▽"),
    "not_compared": Swatch("#e9e9e9", "○"),
    "benchmark": Swatch("#3b3b3b", "◆"),
    "no_data": Swatch("#c4c4c4", "–"),
}
MAP_ORDER = ["much_better", "better", "similar", "worse", "much_worse", "higher", "lower",
             "not_compared", "no_data"]
BETTER = {"much_better", "better"}
WORSE = {"much_worse", "worse"}

TREND_ARROWS = {
    "getting_better": ("↗", "better"), "getting_worse": ("↘", "worse"),
    "increasing": ("↑", "higher"), "decreasing": ("↓", "lower"),
    "no_significant_change": ("→", "similar"), "not_enough_data": ("·", "not_compared"),
}
GAP_MARKS = {
    "narrowing": ("→←", "better"), "widening": ("←→", "worse"),
    "stable": ("=", "similar"), "not_enough_data": ("·", "not_compared"),
}

# Worst → best on a blue–orange diverging scale; neutral indicators get one purple ramp.
DIVERGING = ["#b04a0d", "#e58a3f", "#f6dcb4", "#9dc3e3", "#2e6fa8"]
SEQUENTIAL = ["#efedf5", "#cbc3e3", "#9e8fc9", "#6f58a8", "#4a2c85"]
CITY_LINE = "#222222"
AREA_LINE = "#1f5f91"
PRIORITIZED_OUTLINE = "#111111"
INK = "#1f2933"
MUTED = "#5f6b7a"


def class_colours(k: int, polarity: str) -> list[str]:
    """``k`` colours for value classes, lowest class first, following the polarity.

    ``high_is_good``: low values orange (worse) to high values blue (better);
    ``low_is_good``: the reverse; ``neutral``: a single purple ramp.
    """
    if k < 1:
        raise ValueError(f"Need at least one class, got k={k}")
    ramp = SEQUENTIAL if polarity == "neutral" else DIVERGING
    scale = [[i / (len(ramp) - 1), c] for i, c in enumerate(ramp)]
    points = [0.5] if k == 1 else [i / (k - 1) for i in range(k)]
    colours = [_hex(c) for c in sample_colorscale(scale, points)]
    return colours[::-1] if polarity == "low_is_good" else colours


def _hex(colour: str) -> str:
    if colour.startswith("#"):
        return colour
    parts = colour[colour.index("(") + 1: colour.index(")")].split(",")
    r, g, b = (round(float(p)) for p in parts[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text(fill: str) -> str:
    """Near-black or white text, whichever contrasts more with ``fill``."""
    return "#ffffff" if contrast(fill, "#ffffff") > contrast(fill, "#1f1f1f") else "#1f1f1f"
