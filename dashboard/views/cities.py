"""The country level's panels (/cities): pickers, legend, text alternative and the table of
municipalities, each drawn from a :class:`~dashboard.viewmodels.cities.CitiesModel`."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.display import aria, value_text
from dashboard.figures.cities import outcome_text
from dashboard.urls import href
from dashboard.viewmodels.cities import SORTS, CitiesModel, CityRow
from dashboard.views import controls
from presentation import palette
from presentation.i18n import t
from presentation.numbers import format_integer, format_interval

SORTED_COLUMN = {"name": 0, "comparison": 4, "high": 1, "low": 1}


def pickers(model: CitiesModel) -> Any:
    """Indicator, period and sex; a note naming the age group when the values have several."""
    lang = model.lang
    return html.Div([
        html.Div(controls.indicator_picker(model.menu, lang, ids.Cities.indicator, model.indicator_id),
                 className="cities-indicator"),
        controls.period_picker(model.periods, lang, ids.Cities.period, model.period),
        controls.sex_picker(model.sexes, lang, ids.Cities.sex, model.sex),
        html.P(age_note(model), id=ids.Cities.age_note, className="muted cities-age-note"),
    ], className="controls-row cities-controls")


def age_note(model: CitiesModel) -> str:
    if not model.several_ages or model.age_group is None:
        return ""
    label = controls.age_options([model.age_group], "", model.lang)[0]["label"]
    return t("cities.age_note", model.lang, age=label)


def _swatch(key: str) -> html.Span:
    sw = palette.COMPARISON[key]
    return html.Span(sw.symbol, className="swatch", style={"background": sw.fill, "color": sw.text},
                     **aria(hidden="true"))


def _outcome_word(key: str, model: CitiesModel) -> str:
    if key == "not_compared" and all(r.national_value is None for r in model.rows if r.comparison == key):
        return t("cities.no_national", model.lang)
    return t(f"cmp.{key}", model.lang)


def legend(model: CitiesModel) -> list[Any]:
    """Title, the country compared with, one line per outcome present (symbol, word, count)."""
    lang, counts = model.lang, model.counts
    items = [html.Li([_swatch(key), html.Span(_outcome_word(key, model)),
                      html.Span(str(counts[key]), className="legend-count")])
             for key in palette.MAP_ORDER if counts.get(key)]
    countries = ", ".join(model.countries) or t("cities.col.country", lang)
    unit = f" ({model.unit})" if model.unit else ""
    return [html.H3([t("legend.title", lang, indicator=model.indicator, period=model.period or "–") + unit,
                     html.Br(), html.Span(t("legend.compared", lang, name=countries),
                                          className="legend-compared")], className="legend-title"),
            html.Ul(items, className="legend-items")]


def alt_text(model: CitiesModel) -> str:
    """The map in words: how many municipalities, and how many in each outcome."""
    counts = model.counts
    parts = ", ".join(f"{_outcome_word(key, model).lower()} {counts[key]}"
                      for key in palette.MAP_ORDER if counts.get(key))
    text = t("cities.alt", model.lang, n=len(model.rows), indicator=model.indicator,
             period=model.period or "–", counts=parts)
    missing = [r.name for r in model.rows if r.slug not in dict(model.outlines)]
    return text + (" " + t("cities.no_outline", model.lang, names=", ".join(missing)) if missing else "")


def sort_picker(model: CitiesModel) -> Any:
    return controls.field(t("cities.sort", model.lang), ids.Cities.sort, dcc.RadioItems(
        id=ids.Cities.sort, value=model.sort, className="segmented", inline=True,
        options=[{"label": t(f"cities.sort.{s}", model.lang), "value": s} for s in SORTS]), group=True)


def _loaded(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


HEADS = (("cities.col.city", ""), ("col.value", "num"), ("col.ci", "num"), ("cities.col.country", "num"),
         ("cities.col.comparison", ""), ("cities.col.areas", "num"), ("cities.col.loaded", "num"))


def _row(row: CityRow, model: CitiesModel) -> html.Tr:
    """One municipality; each cell names its column (``data-label``: a phone shows the rows
    as cards, the labels before the values)."""
    lang, d = model.lang, model.decimals
    sw = palette.COMPARISON[row.comparison]
    country = value_text(row.national_value, lang, d, model.unit)
    if len(model.countries) > 1 and row.national_name:
        country = f"{country} ({row.national_name})"
    shown = model.indicator_id if row.value is not None else None  # its map opens on it
    link = dcc.Link(row.name, href=href("/", lang, city=row.slug, indicator=shown), className="ind-link")
    cells: list[Any] = [
        value_text(row.value, lang, d, model.unit),
        format_interval(row.lower, row.upper, lang, d) if row.value is not None else "–",
        country,
        html.Span(f"{sw.symbol} {outcome_text(row, lang)}", className="chip",
                  style={"background": sw.fill, "color": sw.text}),
        format_integer(row.areas, lang), _loaded(row.loaded_at),
    ]
    tds: list[Any] = [html.Td(cell, className=f"{cls} ci" if key == "col.ci" else cls, **_label(t(key, lang)))
                      for cell, (key, cls) in zip(cells, HEADS[1:], strict=True)]
    return html.Tr([html.Th(link, scope="row"), *tds], className=f"city-row city-{row.comparison}")


def _label(text: str) -> dict[str, Any]:
    return {"data-label": text}


def table(model: CitiesModel) -> Any:
    """Every municipality (a link to its own atlas) with the chosen cell against its country."""
    lang = model.lang
    order = "descending" if model.sort == "high" else "ascending"
    head = html.Thead(html.Tr([
        html.Th(t(key, lang), scope="col", className=cls,
                **(aria(sort=order) if SORTED_COLUMN[model.sort] == i else {}))
        for i, (key, cls) in enumerate(HEADS)]))
    caption = html.Caption(t("legend.title", lang, indicator=model.indicator, period=model.period or "–")
                           + (f" ({model.unit})" if model.unit else ""))
    return html.Table([caption, head, html.Tbody([_row(r, model) for r in model.rows])],
                      className="data cities-table")


def one_city(lang: str) -> Any:
    """A one-city store's /cities: there is no level above; the way to the map."""
    return html.Section([
        html.H1(t("cities.title", lang)),
        html.P(t("cities.one_city", lang), className="lead"),
        dcc.Link(t("cities.to_map", lang) + " →", href=href("/", lang, city=""), className="button primary"),
    ], className="card not-found")
