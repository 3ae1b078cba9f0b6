"""The map's places controls: the switch that shows the layer and its legend (one line per
category: the marker's shape in its colour, the category's name, how many places)."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria
from dashboard.viewmodels.places import ON, PlaceLayer
from presentation.i18n import t

GLYPH = {"fontSize": "1.15rem", "width": "1.3rem", "textAlign": "center", "lineHeight": "1"}


def places_switch(layer: PlaceLayer | None, on: bool, lang: str) -> Any:
    """A checkbox (keyboard accessible, labelled in the page's language); none without places."""
    if layer is None:
        return html.Div(dcc.Checklist(id=ids.Map.places, options=[], value=[]), hidden=True)
    return html.Div(dcc.Checklist(
        id=ids.Map.places, options=[{"label": t("map.places.toggle", lang), "value": ON}],
        value=[ON] if on else [], className="places-switch", inputClassName="places-switch-input",
    ), className="field")


def places_legend(layer: PlaceLayer | None, on: bool, lang: str, tiles: bool = False) -> list[Any]:
    """The legend's lines while the layer is shown (nothing when it is off)."""
    if layer is None or not on:
        return []
    items = [
        html.Li([
            html.Span("●" if tiles else kind.glyph, className="place-glyph",
                      style={**GLYPH, "color": kind.colour}, **aria(hidden="true")),
            html.Span(kind.name),
            html.Span(str(kind.count), className="legend-count"),
        ])
        for kind in layer.kinds
    ]
    return [html.H3(t("map.places.legend", lang), className="legend-title"),
            html.Ul(items, className="legend-items places-legend-items")]


def places_alt(layer: PlaceLayer | None, on: bool, lang: str) -> str:
    """The text alternative's sentence about the layer ('' when it is off)."""
    if layer is None or not on:
        return ""
    categories = ", ".join(f"{k.name} ({k.count})" for k in layer.kinds)
    return " " + t("map.places.alt", lang, count=layer.total, categories=categories)
