"""Indicator (/indicator/<id>): every area ranked with its interval, and what the indicator is."""

from __future__ import annotations

from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.guard import guarded
from dashboard.hardening import InvalidInput
from dashboard.inputs import CLICKS, STATE, TEXT, checked
from dashboard.model import Atlas
from dashboard.selection import Selection, default_indicator, resolve
from dashboard.urls import first, href, indicator_path
from dashboard.viewmodels.choices import Choices, choices
from dashboard.viewmodels.indicator import IndicatorFacts, indicator_facts, ranking
from dashboard.views import controls
from dashboard.views.indicator_view import DOWNLOADS, downloads, facts, ranked_chart
from dashboard.views.shell import not_found, page
from presentation.i18n import city_name, normalize_lang, t

dash.register_page(__name__, path_template="/indicator/<indicator_id>", title="Välfärdsatlas", order=2)


def _pickers(sel: Selection, offered: Choices) -> Any:
    lang, ind = sel.lang, sel.indicator_id
    return html.Div([
        controls.indicator_picker(offered.menu, lang, ids.Indicator.picker, ind),
        controls.period_picker(offered.periods, lang, ids.Indicator.period, sel.period),
        controls.sex_picker(offered.sexes, lang, ids.Indicator.sex, sel.sex),
    ], className="controls-row")


def _panels(ranked: tuple[Any, str], about: IndicatorFacts, lang: str) -> Any:
    fig, alt = ranked
    return html.Div([
        html.Section([html.H2(t("ind.ranked", lang)), html.P(t("ind.ranked.caption", lang), className="chart-caption"),
                      dcc.Graph(id=ids.Indicator.ranked, figure=fig, className="ranked",
                                config={"displaylogo": False, "displayModeBar": False}),
                      html.P(alt, id=ids.Indicator.ranked_alt, className="chart-caption")],
                     className="card"),
        html.Section([html.H2(t("ind.about", lang)), facts(about, lang)], className="card"),
    ], className="two-col")


@guarded
def layout(indicator_id: str | None = None, **params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    if indicator_id in (None, "", "none"):
        indicator_id = default_indicator(atlas)
    if indicator_id is None or indicator_id not in atlas.catalogue().index:
        return not_found(current_frame(), lang, "notfound.indicator", str(indicator_id))
    sel = resolve(atlas, {**params, "indicator": indicator_id})
    model = ranking(atlas, sel)
    body = [
        html.H1(model.indicator.name),
        html.Section(_pickers(sel, choices(atlas, indicator_id, lang)), className="card section"),
        _panels(ranked_chart(model, lang), indicator_facts(atlas, indicator_id, lang), lang),
        downloads(lang),
        dcc.Location(id=ids.Indicator.navigate, refresh="callback-nav"),
    ]
    return page(current_frame(), lang, "indicator", indicator_path(indicator_id), sel.query("period", "sex"), body,
                state_page="indicator", title=f"{model.indicator.name} – {t('app.title', lang)}")


@callback(
    output={"figure": Output(ids.Indicator.ranked, "figure"), "alt": Output(ids.Indicator.ranked_alt, "children"),
            "state": Output(ids.url_state("indicator"), "data")},
    inputs={"period": Input(ids.Indicator.period, "value"), "sex": Input(ids.Indicator.sex, "value")},
    state={"state": State(ids.url_state("indicator"), "data")},
    prevent_initial_call=True,
)
@checked(period=TEXT, sex=TEXT, state=STATE)
def update_ranked(period: str, sex: str, state: dict[str, Any]) -> dict[str, Any]:
    """Re-rank the areas for another period or sex."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    indicator_id = str(state.get("path", "")).rsplit("/", 1)[-1]
    sel = resolve(atlas, {"lang": query.get("lang"), "indicator": indicator_id, "period": period, "sex": sex})
    fig, alt = ranked_chart(ranking(atlas, sel), sel.lang)
    return {"figure": fig, "alt": alt, "state": {**state, "query": sel.query("period", "sex")}}


@callback(
    Output(ids.Indicator.navigate, "href"),
    Input(ids.Indicator.picker, "value"), State(ids.url_state("indicator"), "data"),
    prevent_initial_call=True,
)
@checked(indicator_id=TEXT, state=STATE)
def open_indicator(indicator_id: str | None, state: dict[str, Any]) -> Any:
    """Picking another indicator opens its page."""
    if not indicator_id:
        return no_update
    lang = normalize_lang(((state or {}).get("query") or {}).get("lang"))
    return href(indicator_path(indicator_id), lang)


@callback(
    output={"data": Output(ids.Indicator.download, "data"),
            "error": Output(ids.Indicator.download_error, "children")},
    inputs={"clicks": Input({"type": ids.Indicator.download_button, "format": ALL}, "n_clicks")},
    state={"state": State(ids.url_state("indicator"), "data")},
    prevent_initial_call=True,
)
@checked(clicks=CLICKS, state=STATE)
def download(clicks: list[int], state: dict[str, Any]) -> dict[str, Any]:
    """The indicator's table (CSV, CSVW metadata, XLSX) or chart (PNG, SVG) for the page's
    period and sex."""
    if not any(clicks) or not isinstance(ctx.triggered_id, dict):
        return {"data": no_update, "error": no_update}
    fmt = str(ctx.triggered_id.get("format"))
    if fmt not in DOWNLOADS:
        raise InvalidInput(f"download: no format {fmt[:40]!r}")
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    indicator_id = str(state.get("path", "")).rsplit("/", 1)[-1]
    if indicator_id not in atlas.catalogue().index:
        raise InvalidInput(f"download: no indicator {indicator_id[:40]!r}")
    sel = resolve(atlas, {"lang": query.get("lang"), "indicator": indicator_id,
                          "period": query.get("period"), "sex": query.get("sex")})
    content, filename = indicator_file(atlas, sel, fmt)
    return {"data": dcc.send_bytes(content, filename), "error": None}


def indicator_file(atlas: Atlas, sel: Selection, fmt: str) -> tuple[bytes, str]:
    """(content, file name) of one download (``api.indicator_files`` and ``api.chart``:
    loaded on the first download)."""
    from api.chart import RankedChart, chart_bytes
    from api.indicator_files import csv_bytes, csvw_bytes, indicator_table, xlsx_bytes

    lang, period = sel.lang, str(sel.period or "")
    with atlas.pinned():  # the table and the chart from one load batch
        table = indicator_table(atlas, str(sel.indicator_id), period, sel.sex, lang)
        if fmt in ("png", "svg"):
            model = ranking(atlas, sel)
            subtitle = " · ".join([city_name(atlas.city(), lang), period, t(f"sex.{sel.sex}", lang)])
            chart = RankedChart(model.frame, model.city_value, model.indicator.name, subtitle,
                                model.indicator.unit, lang)
            return chart_bytes(chart, fmt), f"{table.stem}.{fmt}"
    writers = {"csv": (csv_bytes, ".csv"), "csvw": (csvw_bytes, ".csv-metadata.json"),
               "xlsx": (xlsx_bytes, ".xlsx")}
    write, suffix = writers[fmt]
    return write(table), table.stem + suffix
