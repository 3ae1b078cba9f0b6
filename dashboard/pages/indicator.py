"""Indicator (/indicator/<id>): every area ranked with its interval, and what the indicator is."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas
from dashboard.selection import default_indicator, resolve
from dashboard.urls import first, href, indicator_path
from dashboard.views import controls
from dashboard.views.indicator_view import facts, ranked_chart
from dashboard.views.shell import guarded, not_found, page
from presentation.i18n import indicator_name, normalize_lang, t

dash.register_page(__name__, path_template="/indicator/<indicator_id>", title="Välfärdsatlas", order=2)


@guarded
def layout(indicator_id: str | None = None, **params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    if indicator_id in (None, "", "none"):
        indicator_id = default_indicator(atlas)
    if indicator_id is None or indicator_id not in atlas.catalogue().index:
        return not_found(lang, "notfound.indicator", str(indicator_id))
    sel = resolve(atlas, {**params, "indicator": indicator_id})
    fig, alt = ranked_chart(atlas, sel)
    name = indicator_name(atlas.catalogue().loc[indicator_id], lang)
    pickers = html.Div([
        controls.indicator_picker(atlas, lang, ids.Indicator.picker, indicator_id),
        controls.period_picker(atlas, lang, ids.Indicator.period, indicator_id, sel.period),
        controls.sex_picker(atlas, lang, ids.Indicator.sex, indicator_id, sel.sex),
    ], className="controls-row")
    body = [
        html.H1(name),
        html.Section(pickers, className="card section"),
        html.Div([
            html.Section([html.H2(t("ind.ranked", lang)), html.P(t("ind.ranked.caption", lang), className="chart-caption"),
                          dcc.Graph(id=ids.Indicator.ranked, figure=fig, className="ranked",
                                    config={"displaylogo": False, "displayModeBar": False}),
                          html.P(alt, id=ids.Indicator.ranked_alt, className="chart-caption")],
                         className="card"),
            html.Section([html.H2(t("ind.about", lang)), facts(atlas, indicator_id, lang)], className="card"),
        ], className="two-col"),
        dcc.Location(id=ids.Indicator.navigate, refresh="callback-nav"),
    ]
    return page(lang, "indicator", indicator_path(indicator_id), sel.query("period", "sex"), body,
                state_page="indicator", title=f"{name} – {t('app.title', lang)}")


@callback(
    Output(ids.Indicator.ranked, "figure"), Output(ids.Indicator.ranked_alt, "children"),
    Output(ids.url_state("indicator"), "data"),
    Input(ids.Indicator.period, "value"), Input(ids.Indicator.sex, "value"),
    State(ids.url_state("indicator"), "data"),
    prevent_initial_call=True,
)
def update_ranked(period: str, sex: str, state: dict[str, Any]) -> tuple[Any, ...]:
    """Re-rank the areas for another period or sex."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    indicator_id = str(state.get("path", "")).rsplit("/", 1)[-1]
    sel = resolve(atlas, {"lang": query.get("lang"), "indicator": indicator_id, "period": period, "sex": sex})
    fig, alt = ranked_chart(atlas, sel)
    return fig, alt, {**state, "query": sel.query("period", "sex")}


@callback(
    Output(ids.Indicator.navigate, "href"),
    Input(ids.Indicator.picker, "value"), State(ids.url_state("indicator"), "data"),
    prevent_initial_call=True,
)
def open_indicator(indicator_id: str | None, state: dict[str, Any]) -> Any:
    """Picking another indicator opens its page."""
    if not indicator_id:
        return no_update
    lang = normalize_lang(((state or {}).get("query") or {}).get("lang"))
    return href(indicator_path(indicator_id), lang)
