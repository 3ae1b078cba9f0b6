"""The indicator page's views: all areas ranked, and the facts about the indicator."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria, compared_text, value_text
from dashboard.figures.charts import ranked_figure
from dashboard.viewmodels.indicator import IndicatorFacts, Ranking
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
    shown = frame[frame["comparison"] != "no_data"]
    reference = (None if model.comparator_value is None else
                 (model.comparator_value, f"{against.label} {value_text(model.comparator_value, lang, d, unit)}"))
    fig = ranked_figure(shown, model.city_value, lang, d, unit,
                        f"{t('chart.city', lang)} {value_text(model.city_value, lang, d, unit)}", reference)
    best = shown["name"].iloc[0] if len(shown) else "–"
    worst = shown["name"].iloc[-1] if len(shown) else "–"
    alt = t("ind.alt", lang, n=len(shown), indicator=ind.name, period=model.period, best=best, worst=worst)
    return fig, alt


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
    gis = [html.A("↓ " + label, href=f"/api/v1/gis?{urlencode({'format': fmt, 'lang': lang})}",
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
