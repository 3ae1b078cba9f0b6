"""The country level's map: each municipality's outline coloured by its comparison with its
country (the house palette, as the city map's outcomes), on an invisible base map fitted
to the outlines' bounds: no tiles, no network.

Pure builder: the municipalities (``dashboard.viewmodels.cities.CityRow``) and their outlines
in, a Plotly figure (a plain dict) out: one choropleth of every outline (each shape sent
once; a stepped colour scale gives each outcome its colour), then the names. Another
indicator, period or sex is a :class:`~dash.Patch` of the colours and hovers only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import Patch

from dashboard.display import compared_text, value_text
from dashboard.figures.choropleth import FONT
from dashboard.figures.text import plain
from dashboard.viewmodels.cities import CityRow, Label, outlines_collection
from presentation import palette
from presentation.i18n import t
from presentation.numbers import format_interval, style

PAD = 0.15  # of the span, around the outlines (room for the names at the edges)


def _hover(row: CityRow, lang: str, decimals: int, unit: str) -> str:
    """The hover of one municipality: name, value and interval, the country's value, outcome."""
    head = f"<b>{plain(row.name)}</b><br>"
    if row.comparison == "no_data":
        return head + t("cmp.no_data", lang)
    ci = format_interval(row.lower, row.upper, lang, decimals)
    value = plain(value_text(row.value, lang, decimals, unit))
    lines = [f"{t('hover.value', lang)}: {value}" + (f" ({t('ci95', lang)} {ci})" if ci != "–" else "")]
    if row.national_value is not None:
        country = plain(value_text(row.national_value, lang, decimals, unit))
        lines.append(f"{t('cities.hover.country', lang, name=plain(row.national_name))}: {country}")
    lines.append(f"{palette.COMPARISON[row.comparison].symbol} {outcome_text(row, lang)}")
    return head + "<br>".join(lines)


def outcome_text(row: CityRow, lang: str) -> str:
    """A municipality's outcome in words: "Worse than Sweden", "No value", "No national value"."""
    if row.comparison == "no_data":
        return t("cmp.no_data", lang)
    if row.comparison == "not_compared" and row.national_value is None:
        return t("cities.no_national", lang)
    return compared_text(row.comparison, lang, "national", row.national_name or t("cities.col.country", lang))


def _scale() -> list[list[Any]]:
    """A stepped colour scale: outcome ``i`` of ``palette.MAP_ORDER`` at z = i + 0.5."""
    n = len(palette.MAP_ORDER)
    scale: list[list[Any]] = []
    for i, key in enumerate(palette.MAP_ORDER):
        scale += [[i / n, palette.COMPARISON[key].fill], [(i + 1) / n, palette.COMPARISON[key].fill]]
    return scale


def _shown(rows: Sequence[CityRow], slugs: Sequence[str]) -> list[CityRow]:
    """The municipalities with an outline, in the outlines' order (fixed: a recolour patches)."""
    by_slug = {r.slug: r for r in rows}
    return [by_slug[s] for s in slugs if s in by_slug]


def _colours(shown: Sequence[CityRow], lang: str, decimals: int, unit: str) -> dict[str, Any]:
    """What changes with the indicator, period, sex: each outline's outcome and hover."""
    return {"z": [palette.MAP_ORDER.index(r.comparison) + 0.5 for r in shown],
            "text": [_hover(r, lang, decimals, unit) for r in shown]}


def outline_trace(rows: Sequence[CityRow], outlines: Sequence[tuple[str, dict[str, Any]]], lang: str,
                  decimals: int, unit: str, geojson: str | None = None) -> list[dict[str, Any]]:
    """One choropleth of every outline, coloured by its outcome; the outlines inline, or
    fetched from ``geojson`` (a URL: once per state of the registry, then from the browser's
    cache)."""
    shown = _shown(rows, [slug for slug, _ in outlines])
    if not shown:
        return []
    inline = outlines_collection([(slug, shape) for slug, shape in outlines if slug in {r.slug for r in shown}])
    return [{
        "type": "choropleth", "name": "municipalities", "featureidkey": "id",
        "geojson": geojson or inline,
        "locations": [r.slug for r in shown], **_colours(shown, lang, decimals, unit),
        "zmin": 0, "zmax": len(palette.MAP_ORDER), "colorscale": _scale(), "showscale": False,
        "hovertemplate": "%{text}<extra></extra>", "marker": {"line": {"color": palette.INK, "width": 0.8}},
    }]


def fitted_geo(bounds: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """An invisible Mercator base map (the bundled topojson is empty: nothing is fetched)
    whose view is the outlines' bounds (padded)."""
    geo: dict[str, Any] = {"visible": False, "projection": {"type": "mercator"}, "showframe": False,
                           "bgcolor": "rgba(0,0,0,0)"}
    if bounds is None:
        return geo
    lon_min, lat_min, lon_max, lat_max = bounds
    pad_lon = max(lon_max - lon_min, 0.05) * PAD
    pad_lat = max(lat_max - lat_min, 0.05) * PAD
    geo["lonaxis"] = {"range": [lon_min - pad_lon, lon_max + pad_lon]}
    geo["lataxis"] = {"range": [lat_min - pad_lat, lat_max + pad_lat]}
    return geo


def _dots(shown: Sequence[tuple[CityRow, Label]]) -> list[str]:
    return [palette.COMPARISON[row.comparison].fill if label.tiny else "rgba(0,0,0,0)" for row, label in shown]


def _labelled(rows: Sequence[CityRow], labels: Sequence[Label]) -> list[tuple[CityRow, Label]]:
    by_slug = {r.slug: r for r in rows}
    return [(by_slug[label.slug], label) for label in labels if label.slug in by_slug]


def name_trace(rows: Sequence[CityRow], labels: Sequence[Label]) -> list[dict[str, Any]]:
    """The municipalities' names, each at a point inside its outline, with a dot in its
    outcome's colour where the outline is too small to see (not hoverable)."""
    shown = _labelled(rows, labels)
    if not shown:
        return []
    fills = _dots(shown)
    return [{"type": "scattergeo", "mode": "markers+text", "name": "names", "hoverinfo": "skip",
             "text": [plain(row.name) for row, _ in shown], "lon": [label.lon for _, label in shown],
             "lat": [label.lat for _, label in shown], "textposition": "top center",
             "textfont": {"family": FONT, "size": 13, "color": palette.INK},
             "marker": {"size": 9, "color": fills,
                        "line": {"width": [1 if label.tiny else 0 for _, label in shown], "color": palette.INK}}}]


def cities_figure(rows: Sequence[CityRow], outlines: Sequence[tuple[str, dict[str, Any]]],
                  labels: Sequence[Label], bounds: tuple[float, float, float, float] | None,
                  lang: str, decimals: int, unit: str, geojson: str | None = None) -> dict[str, Any]:
    """The whole figure, as a plain dict: the outlines (inline, or by the URL ``geojson``),
    then the names."""
    return {
        "data": [*outline_trace(rows, outlines, lang, decimals, unit, geojson), *name_trace(rows, labels)],
        "layout": {
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "paper_bgcolor": "rgba(0,0,0,0)",
            "showlegend": False, "separators": style(lang).plotly_separators, "dragmode": False,
            "font": {"family": FONT, "size": 13, "color": palette.INK},
            "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#9aa5b1",
                           "font": {"family": FONT, "size": 13, "color": palette.INK}},
            "geo": fitted_geo(bounds),
        },
    }


def cities_patch(rows: Sequence[CityRow], outlines: Sequence[tuple[str, dict[str, Any]]],
                 labels: Sequence[Label], lang: str, decimals: int, unit: str) -> Patch | None:
    """Only what a new indicator, period or sex changes (the outcomes, the hovers, the dots),
    leaving the outlines in the browser; None when there is no outline to recolour."""
    shown = _shown(rows, [slug for slug, _ in outlines])
    if not shown:
        return None
    patch = Patch()
    for name, values in _colours(shown, lang, decimals, unit).items():
        patch["data"][0][name] = values
    patch["data"][1]["marker"]["color"] = _dots(_labelled(rows, labels))
    return patch
