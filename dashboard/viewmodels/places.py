"""The map's places layer: the city's places (resources and arenas, issue #13) with their
category's name in the page's language and a marker style (colour and shape) per category.

``place_layer(atlas, lang)`` is None when the city has no places (the map then offers no
switch); ``places_on(value)`` reads the switch's state from the URL or the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.model import Atlas

# (fill, marker symbol, legend glyph) per category in position order; colour-blind safe
# hues away from the choropleth's blues, oranges, yellow and purples (Paul Tol's muted
# scheme plus black), each with its own shape, all outlined in white.
STYLES: tuple[tuple[str, str, str], ...] = (
    ("#000000", "circle", "●"), ("#117733", "square", "■"), ("#AA4499", "diamond", "◆"),
    ("#882255", "triangle-up", "▲"), ("#44AA99", "star", "★"), ("#CC6677", "cross", "✚"),
    ("#332288", "x", "✖"), ("#999933", "hexagon", "⬢"),
)
ON = "on"  # the checklist's value, and the URL's places=on


@dataclass(frozen=True)
class PlaceKind:
    code: str
    name: str  # in the page's language
    count: int
    colour: str
    symbol: str  # Plotly marker symbol
    glyph: str  # the same shape as a character, for the legend


@dataclass(frozen=True)
class PlaceLayer:
    kinds: tuple[PlaceKind, ...]  # categories with at least one place, in position order
    frame: pd.DataFrame  # name, category, lon, lat

    @property
    def total(self) -> int:
        return len(self.frame)


def places_on(value: Any) -> bool:
    """The switch's state: ``["on"]`` from the checklist, ``"on"`` (or 1, true) from a URL."""
    values = value if isinstance(value, list | tuple) else [value]
    return any(str(v).strip().lower() in (ON, "1", "true", "yes") for v in values if v is not None)


def category_name(row: dict[str, Any], lang: str) -> str:
    """The category's name in ``lang`` (the ETL fills every language; English, then the code,
    where one is empty)."""
    for column in (f"name_{lang}", "name_en"):
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return str(row["code"])


def _layer(programme: Any, lang: str) -> PlaceLayer | None:
    places, categories = programme["places"], programme["place_categories"]
    if places.empty:
        return None
    cats = categories.sort_values("position", kind="stable")
    counts = places["category"].astype(str).value_counts()
    kinds = []
    for i, row in enumerate(cats.to_dict("records")):
        colour, symbol, glyph = STYLES[i % len(STYLES)]
        if counts.get(str(row["code"]), 0):
            kinds.append(PlaceKind(str(row["code"]), category_name(row, lang), int(counts[str(row["code"])]),
                                   colour, symbol, glyph))
    frame = places[["name", "category", "lon", "lat"]].astype({"name": str, "category": str})
    return PlaceLayer(tuple(kinds), frame.reset_index(drop=True))


def place_layer(atlas: Atlas, lang: str) -> PlaceLayer | None:
    """The places of the atlas's load batch in ``lang`` (memoized per batch)."""
    return atlas.cached(("place-layer", lang), lambda: _layer(atlas.snapshot().programme, lang))
