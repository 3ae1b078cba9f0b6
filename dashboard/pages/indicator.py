"""Indicator (/indicator/<id>): every area ranked with its interval, and what the indicator is."""

from __future__ import annotations

from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.display import aria
from dashboard.guard import guarded
from dashboard.hardening import InvalidInput
from dashboard.inputs import CLICK_DATA, CLICKS, STATE, TEXT, checked
from dashboard.model import Atlas
from dashboard.selection import Selection, comparators, default_indicator, resolve
from dashboard.urls import area_path, clicked_area, first, href, indicator_path
from dashboard.viewmodels.choices import Choices, choices
from dashboard.viewmodels.indicator import Ranking, indicator_facts, order_of, ranking
from dashboard.viewmodels.methods import funnel_model, inequality_model
from dashboard.views import controls
from dashboard.views.graphs import graph_config
from dashboard.views.indicator_view import (
    DOWNLOADS,
    downloads,
    facts,
    order_picker,
    ranked_chart,
    ranked_table,
)
from dashboard.views.methods_view import (
    comparator_note,
    funnel_chart,
    funnel_section,
    gap_trend_chart,
    inequality_chart,
    inequality_section,
    inequality_text,
)
from dashboard.views.shell import not_found, page
from presentation.i18n import city_name, normalize_lang, t

dash.register_page(__name__, path_template="/indicator/<indicator_id>", title="Välfärdsatlas", order=2)

QUERY = ("period", "sex", "age", "comparator")


def _query(sel: Selection, order: str) -> dict[str, Any]:
    """The page's URL parameters: the selection's, and the order when it is not the default."""
    return {**sel.query(*QUERY), **({"order": order} if order == "worst" else {})}


def _pickers(sel: Selection, offered: Choices, ages: tuple[list[str], str],
             against: tuple[tuple[str, str], ...]) -> Any:
    lang, ind = sel.lang, sel.indicator_id
    groups, value_type = ages
    return html.Div([
        controls.indicator_picker(offered.menu, lang, ids.Indicator.picker, ind),
        controls.period_picker(offered.periods, lang, ids.Indicator.period, sel.period),
        controls.sex_picker(offered.sexes, lang, ids.Indicator.sex, sel.sex),
        html.Div(controls.age_picker(groups, value_type, lang, ids.Indicator.age,
                                     sel.age_group or (groups[0] if groups else None)),
                 hidden=len(groups) < 2),
        controls.comparator_picker(against, lang, ids.Indicator.comparator, sel.comparator),
    ], className="controls-row")


def _panels(atlas: Atlas, sel: Selection, model: Ranking) -> Any:
    """The ranking and the funnel on the left; what the indicator is and inequality on the right."""
    lang = sel.lang
    fig, alt = ranked_chart(model, lang)
    order = "worst" if model.worst_first else "best"
    ranked = html.Section([
        html.H2(t("ind.ranked", lang)),
        html.P([t("ind.ranked.caption", lang), " ", t("ind.ranked.click", lang)], className="chart-caption"),
        html.P(comparator_note(model.comparator.phrase, lang), id=ids.Indicator.comparator_note,
               className="chart-caption", **aria(live="polite")),
        order_picker(model.indicator.polarity, lang, order),
        dcc.Graph(id=ids.Indicator.ranked, figure=fig, className="ranked",
                  config=graph_config(lang, displayModeBar=False)),
        html.P(alt, id=ids.Indicator.ranked_alt, className="chart-caption"),
        html.Div(ranked_table(model, lang, _query(sel, order)), id=ids.Indicator.table)], className="card")
    about = html.Section([html.H2(t("ind.about", lang)),
                          facts(indicator_facts(atlas, str(sel.indicator_id), lang), lang)], className="card")
    return html.Div([
        html.Div([ranked, funnel_section(funnel_model(atlas, sel), lang)], className="stack"),
        html.Div([about, inequality_section(inequality_model(atlas, sel), lang)], className="stack"),
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
    order = order_of(first(params.get("order")))
    model = ranking(atlas, sel, order)
    ages = (atlas.age_groups_of(indicator_id), str(atlas.catalogue().loc[indicator_id, "value_type"]))
    body = [
        html.H1(model.indicator.name),
        html.Section(_pickers(sel, choices(atlas, indicator_id, lang), ages, comparators(atlas, lang)),
                     className="card section"),
        _panels(atlas, sel, model),
        downloads(lang),
        dcc.Location(id=ids.Indicator.navigate, refresh="callback-nav"),
    ]
    return page(current_frame(), lang, "indicator", indicator_path(indicator_id), _query(sel, order), body,
                state_page="indicator", title=f"{model.indicator.name} – {t('app.title', lang)}")


def _selection(state: dict[str, Any] | None, **chosen: Any) -> tuple[Atlas, Selection, dict[str, Any]]:
    """The atlas, the page's selection with ``chosen`` (the controls' values) and its state."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    indicator_id = str(state.get("path", "")).rsplit("/", 1)[-1]
    chosen = {k: v for k, v in chosen.items() if v is not None}
    return atlas, resolve(atlas, {**query, **chosen, "indicator": indicator_id}), state


@callback(
    output={"figure": Output(ids.Indicator.ranked, "figure"), "alt": Output(ids.Indicator.ranked_alt, "children"),
            "note": Output(ids.Indicator.comparator_note, "children"),
            "table": Output(ids.Indicator.table, "children"),
            "state": Output(ids.url_state("indicator"), "data")},
    inputs={"period": Input(ids.Indicator.period, "value"), "sex": Input(ids.Indicator.sex, "value"),
            "age": Input(ids.Indicator.age, "value"), "comparator": Input(ids.Indicator.comparator, "value"),
            "order": Input(ids.Indicator.order, "value")},
    state={"state": State(ids.url_state("indicator"), "data")},
    prevent_initial_call=True,
)
@checked(period=TEXT, sex=TEXT, age=TEXT, comparator=TEXT, order=TEXT, state=STATE)
def update_ranked(period: str, sex: str, state: dict[str, Any], age: str | None = None,
                  comparator: str | None = None, order: str | None = None) -> dict[str, Any]:
    """Re-rank the areas for another period, sex, age group, comparator or order."""
    atlas, sel, state = _selection(state, period=period, sex=sex, age=age, comparator=comparator)
    order = order_of(order or ((state.get("query") or {}).get("order")))
    model = ranking(atlas, sel, order)
    fig, alt = ranked_chart(model, sel.lang)
    return {"figure": fig, "alt": alt, "note": comparator_note(model.comparator.phrase, sel.lang),
            "table": ranked_table(model, sel.lang, _query(sel, order)),
            "state": {**state, "query": _query(sel, order), "push": True}}


@callback(
    Output(ids.Indicator.navigate, "href", allow_duplicate=True),
    Input(ids.Indicator.ranked, "clickData"), State(ids.url_state("indicator"), "data"),
    prevent_initial_call=True,
)
@checked(click=CLICK_DATA, state=STATE)
def open_profile(click: dict[str, Any] | None, state: dict[str, Any]) -> Any:
    """Clicking an area's dot opens its profile, carrying the indicator and period."""
    code = clicked_area(click)
    if code is None:
        return no_update
    query = (state or {}).get("query") or {}
    indicator_id = str((state or {}).get("path", "")).rsplit("/", 1)[-1]
    return href(area_path(code), normalize_lang(query.get("lang")), indicator=indicator_id,
                period=query.get("period"))


@callback(
    output={"headline": Output(ids.Indicator.ineq_headline, "children"),
            "ineq": Output(ids.Indicator.ineq_chart, "figure"), "ineq_alt": Output(ids.Indicator.ineq_alt, "children"),
            "trend": Output(ids.Indicator.ineq_trend, "figure"),
            "trend_alt": Output(ids.Indicator.ineq_trend_alt, "children"),
            "ineq_hidden": Output(ids.Indicator.ineq_charts, "hidden"),
            "funnel": Output(ids.Indicator.funnel_chart, "figure"),
            "funnel_alt": Output(ids.Indicator.funnel_alt, "children"),
            "funnel_hidden": Output(ids.Indicator.funnel, "hidden")},
    inputs={"period": Input(ids.Indicator.period, "value"), "sex": Input(ids.Indicator.sex, "value"),
            "age": Input(ids.Indicator.age, "value")},
    state={"state": State(ids.url_state("indicator"), "data")},
    prevent_initial_call=True,
)
@checked(period=TEXT, sex=TEXT, age=TEXT, state=STATE)
def update_methods(period: str, sex: str, age: str | None, state: dict[str, Any]) -> dict[str, Any]:
    """Redraw inequality within the city and the funnel for another period, sex or age group."""
    atlas, sel, _state = _selection(state, period=period, sex=sex, age=age)
    lang = sel.lang
    inequality, funnel = inequality_model(atlas, sel), funnel_model(atlas, sel)
    (ineq, ineq_alt), (trend, trend_alt) = inequality_chart(inequality, lang), gap_trend_chart(inequality, lang)
    funnel_fig, funnel_alt = funnel_chart(funnel, lang)
    return {"headline": inequality_text(inequality, lang), "ineq": ineq, "ineq_alt": ineq_alt,
            "trend": trend, "trend_alt": trend_alt, "ineq_hidden": not inequality.shown,
            "funnel": funnel_fig, "funnel_alt": funnel_alt, "funnel_hidden": not funnel.shown}


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
    query = (state or {}).get("query") or {}
    comparator = query.get("comparator")
    return href(indicator_path(indicator_id), normalize_lang(query.get("lang")),
                comparator=comparator if comparator != "city" else None)


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
