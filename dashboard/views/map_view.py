"""The map page's panels beside the figure: legend, text alternative, prioritized list.

Each is drawn from a :class:`~dashboard.viewmodels.map.MapModel` (built by the page).
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria, unit_suffix, value_text
from dashboard.selection import Selection
from dashboard.urls import area_path, href, indicator_path
from dashboard.viewmodels.map import MapModel
from dashboard.views.targets import legend_lines
from presentation import palette
from presentation.i18n import t
from presentation.numbers import format_interval


def _swatch(fill: str, symbol: str = "", outline: bool = False) -> html.Span:
    style = {"background": fill}
    if outline:
        style = {"background": "transparent", "border": f"2.5px solid {palette.PRIORITIZED_OUTLINE}"}
    return html.Span(symbol, className="swatch", style={**style, "color": palette.readable_text(fill)
                                                        if not outline else palette.INK},
                     **aria(hidden="true"))


def legend(model: MapModel) -> list[Any]:
    """The legend: title with period and unit, one line per colour (symbol + words + count)."""
    spec, lang = model.spec, model.spec.lang
    items: list[Any] = []
    if spec.colouring == "classes":
        for colour, label in zip(spec.class_colours, model.class_labels, strict=True):
            items.append(html.Li([_swatch(colour), html.Span(label + unit_suffix(spec.unit, lang))]))
    else:
        for key in palette.MAP_ORDER[:-1]:
            if model.counts.get(key):
                sw = palette.COMPARISON[key]
                items.append(html.Li([_swatch(sw.fill, sw.symbol), html.Span(t(f"cmp.{key}", lang)),
                                      html.Span(str(model.counts[key]), className="legend-count")]))
    if model.counts.get("no_data"):
        sw = palette.COMPARISON["no_data"]
        items.append(html.Li([_swatch(sw.fill, sw.symbol), html.Span(t("cmp.no_data", lang)),
                              html.Span(str(model.counts["no_data"]), className="legend-count")]))
    if spec.prioritized:
        items.append(html.Li([_swatch("", outline=True), html.Span(t("legend.prioritized", lang))]))
    unit = f" ({spec.unit})" if spec.unit else ""
    title: list[Any] = [t("legend.title", lang, indicator=model.title, period=model.period) + unit]
    if spec.colouring != "classes":
        title += [html.Br(), html.Span(t("legend.compared", lang, name=model.comparator.phrase),
                                       className="legend-compared")]
    return [
        html.H3(title, className="legend-title"),
        html.P(t("legend.city_value", lang,
                 value=value_text(spec.city_value, lang, spec.decimals, spec.unit)),
               className="legend-city"),
        *_comparator_value(model),
        html.Ul(items, className="legend-items"),
        *legend_lines(model.targets, lang),
        dcc.Link(t("map.ranked_link", lang) + " →", className="legend-link",
                 href=href(indicator_path(model.indicator_id), lang, period=model.period,
                           comparator=None if spec.comparator == "city" else spec.comparator)),
    ]


def _comparator_value(model: MapModel) -> list[Any]:
    """Below the city's value: the comparator's, when it is one value (a country, a region),
    or a note when it has none for this indicator and period."""
    spec, lang = model.spec, model.spec.lang
    if spec.comparator == "city" or spec.colouring == "classes":
        return []
    values = model.frame["comparator_value"].dropna().unique()
    if len(values) == 0:
        return [html.P(t("comparator.no_value", lang, name=model.comparator.label), className="legend-city")]
    if len(values) > 1:  # the rest of the city, a parent district: one value per area
        return []
    value = value_text(float(values[0]), lang, spec.decimals, spec.unit)
    return [html.P(f"{model.comparator.label}: {value}", className="legend-city")]


def alt_text(model: MapModel) -> str:
    c = model.counts
    key = "map.alt" if model.spec.comparator == "city" else "map.alt.comparator"
    return t(key, model.spec.lang, n=len(model.frame), indicator=model.title,
             period=model.period, better=c.get("better", 0) + c.get("much_better", 0),
             similar=c.get("similar", 0), worse=c.get("worse", 0) + c.get("much_worse", 0),
             name=model.comparator.phrase)


def prioritized_list(model: MapModel, sel: Selection) -> Any:
    """The prioritized areas with this indicator's value and comparison, each a link."""
    frame: Any = model.frame.set_index("code")
    codes = model.spec.prioritized
    if not codes:
        return html.P(t("map.prioritized.none", sel.lang), className="muted")
    items = []
    for code in codes:
        row = frame.loc[code]
        sw = palette.COMPARISON[row["comparison"]]
        value = value_text(row["value"], sel.lang, model.spec.decimals, model.spec.unit)
        ci = format_interval(row["lower"], row["upper"], sel.lang, model.spec.decimals)
        items.append(html.Li(dcc.Link([
            html.Span(row["name"], className="prio-name"),
            html.Span([
                html.Span([html.Span(value, className="prio-value"),
                           html.Span(f" ({ci})" if ci != "–" else "", className="prio-ci")]),
                html.Span(f"{sw.symbol} {t('cmp.' + row['comparison'], sel.lang)}",
                          className="chip", style={"background": sw.fill, "color": sw.text}),
            ], className="prio-meta"),
        ], href=href(area_path(code), sel.lang, indicator=sel.indicator_id),
            className="prio-link", id=ids.prio_link(code))))
    return html.Ul(items, className="prio-list")
