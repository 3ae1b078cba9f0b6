"""The indicator page's views: all areas ranked, and the facts about the indicator."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria, compared_text, value_text
from dashboard.figures.charts import ranked_figure
from dashboard.urls import area_path, href
from dashboard.viewmodels.indicator import ORDERS, IndicatorFacts, Ranking
from dashboard.views.controls import field
from presentation.i18n import domain_name, t
from presentation.methods import interval_method
from presentation.numbers import format_interval


def ranked_chart(model: Ranking, lang: str) -> tuple[dict[str, Any], str]:
    ind = model.indicator
    d, unit = ind.decimals, ind.unit
    frame = model.frame.copy()
    against = model.comparator
    frame["hover"] = [
        f"{t('col.ci', lang)} {format_interval(lo, hi, lang, d)} · {compared_text(k, lang, against.value, against.phrase)}"
        for lo, hi, k in zip(frame["lower"], frame["upper"], frame["comparison"], strict=True)]
    frame["link"] = frame["code"]
    shown = frame[frame["comparison"] != "no_data"]
    reference = (None if model.comparator_value is None else
                 (model.comparator_value, f"{against.label} {value_text(model.comparator_value, lang, d, unit)}"))
    fig = ranked_figure(shown, model.city_value, lang, d, unit,
                        f"{t('chart.city', lang)} {value_text(model.city_value, lang, d, unit)}", reference)
    alt = t("ind.alt", lang, n=len(shown), indicator=ind.name, period=model.period, best=model.best,
            worst=model.worst)
    return fig, alt


def order_picker(polarity: str, lang: str, value: str) -> Any:
    """Best or worst first (highest or lowest for an indicator without a good direction)."""
    words = ("high", "low") if polarity == "neutral" else ("best", "worst")
    options = [{"label": t(f"ind.order.{w}", lang), "value": v} for w, v in zip(words, ORDERS, strict=True)]
    return field(t("ind.order", lang), ids.Indicator.order, dcc.RadioItems(
        id=ids.Indicator.order, options=options, value=value, className="segmented", inline=True,
    ), group=True)


def ranked_table(model: Ranking, lang: str, query: dict[str, Any]) -> Any:
    """Every area in the chart's order with its value, 95% interval and comparison in words,
    each name a link to its profile: the figures without hovering, and something to focus."""
    ind, against = model.indicator, model.comparator
    d, unit = ind.decimals, ind.unit
    compared = (t("col.comparison", lang) if against.value == "city"
                else t("legend.compared", lang, name=against.phrase))
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                               ("col.rank", "col.area", "col.value", "col.ci")]
                              + [html.Th(compared, scope="col")]))
    rows = []
    rank = 0
    for row in model.frame.itertuples(index=False):
        has_value = row.comparison != "no_data" and row.value == row.value
        rank += has_value
        link = dcc.Link(row.name, href=href(area_path(row.code), lang, indicator=ind.id,
                                            **{k: v for k, v in query.items() if k == "period"}))
        rows.append(html.Tr([
            html.Td(str(rank) if has_value else "–"),
            html.Th([link, " ◆" if row.prioritized else ""], scope="row"),
            html.Td(value_text(row.value, lang, d, unit)),
            html.Td(format_interval(row.lower, row.upper, lang, d) if has_value else "–"),
            html.Td(compared_text(row.comparison, lang, against.value, against.phrase)),
        ]))
    return html.Details([html.Summary(t("ind.table", lang)),
                         html.Div(html.Table([head, html.Tbody(rows)], className="table"),
                                  className="table-scroll")], className="ranked-table")


def facts(model: IndicatorFacts, lang: str) -> html.Dl:
    """Definition, source, method, polarity, unit, periods and last update."""
    periods = model.periods
    items: list[tuple[str, Any]] = [
        ("ind.domain", domain_name(model.domain, lang)),
        ("ind.definition", model.definition or "–"),
        ("ind.unit", f"{model.unit or '–'} ({t('vt.' + model.value_type, lang).lower()})"),
        ("ind.polarity", t(f"polarity.{model.polarity}", lang)),
        ("ind.source", model.source),
        ("ind.method", [interval_method(model.value_type, lang), " ",
                        t("method.compare", lang)]),
        ("ind.periods", f"{periods[0]}–{periods[-1]}" if periods else "–"),
        ("ind.updated", model.updated),
    ]
    out: list[Any] = []
    for key, value in items:
        out += [html.Dt(t(key, lang)), html.Dd(value)]
    return html.Dl(out, className="facts")


DOWNLOADS = {"csv": "CSV", "csvw": "", "xlsx": "Excel", "png": "PNG", "svg": "SVG"}
GIS_LINKS = {"gpkg": "GeoPackage", "geojson": "GeoJSON"}


def downloads(lang: str) -> html.Section:
    """Buttons for the indicator's table (CSV, its CSVW metadata, XLSX) and chart (PNG,
    SVG); links to the whole atlas for GIS and to the API's documentation."""
    labels = {**DOWNLOADS, "csvw": t("ind.download.csvw", lang)}
    buttons = [html.Button("↓ " + labels[fmt], id=ids.indicator_download_button(fmt),
                           className="button", n_clicks=0) for fmt in DOWNLOADS]
    gis = [html.A("↓ " + label, href=href("/api/v1/gis", lang, format=fmt),
                  download="", className="button") for fmt, label in GIS_LINKS.items()]
    return html.Section([
        html.H2(t("ind.downloads", lang)),
        html.P(t("ind.downloads.hint", lang), className="chart-caption"),
        html.Div(buttons, className="downloads"),
        html.Div(id=ids.Indicator.download_error, role="status", **aria(live="polite")),
        dcc.Download(id=ids.Indicator.download),
        html.P(t("ind.download.gis", lang), className="field-label"),
        html.Div([*gis, html.A(t("ind.download.api", lang), href="/api/v1/docs",
                               className="button")], className="downloads"),
    ], className="card section")
