"""Relationships (/scatter): two indicators across the areas, prioritized areas highlighted,
the city marked and the association stated."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.display import aria
from dashboard.guard import guarded
from dashboard.inputs import CLICK_DATA, STATE, TEXT, checked
from dashboard.model import Atlas
from dashboard.urls import area_path, clicked_area, first, href
from dashboard.viewmodels.choices import indicator_menu
from dashboard.viewmodels.scatter import ScatterModel, pair, scatter_model
from dashboard.views import controls
from dashboard.views.graphs import graph_config
from dashboard.views.scatter_view import association_text, scatter_chart
from dashboard.views.shell import page
from presentation.i18n import normalize_lang, t

dash.register_page(__name__, path="/scatter", title="Välfärdsatlas", order=3)
SEXES = ("total", "female", "male")


def _model(atlas: Atlas, x: str, y: str, sex: str, lang: str) -> ScatterModel:
    return atlas.cached(("scatter", x, y, sex, lang), lambda: scatter_model(atlas, x, y, sex, lang))


def _query(lang: str, x: str, y: str, sex: str) -> dict[str, Any]:
    return {"lang": lang, "x": x, "y": y, "sex": None if sex == "total" else sex}


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    x, y = pair(atlas, first(params.get("x")), first(params.get("y")))
    sex = first(params.get("sex")) or "total"
    sex = sex if sex in SEXES else "total"
    body: list[Any] = [html.H1(t("scatter.title", lang))]
    if x is None or y is None:
        body.append(html.P(t("scatter.assoc.too_few", lang) + "."))
        return page(current_frame(), lang, "scatter", "/scatter", {"lang": lang}, body)
    model = _model(atlas, x, y, sex, lang)
    fig, alt = scatter_chart(model, lang)
    menu = indicator_menu(atlas, lang)
    body += [
        html.Section([html.Div([
            controls.indicator_picker(menu, lang, ids.Scatter.x, x, t("scatter.x", lang)),
            controls.indicator_picker(menu, lang, ids.Scatter.y, y, t("scatter.y", lang)),
            controls.sex_picker(list(SEXES), lang, ids.Scatter.sex, sex),
        ], className="controls-row")], className="card section"),
        html.Section([
            html.Div(association_text(model, lang), id=ids.Scatter.text, **aria(live="polite")),
            html.P(t("scatter.caption", lang), className="chart-caption"),
            dcc.Graph(id=ids.Scatter.graph, figure=fig, config=graph_config(lang, displayModeBar=False)),
            html.P(alt, id=ids.Scatter.alt, className="chart-caption"),
        ], className="card section"),
        dcc.Location(id=ids.Scatter.navigate, refresh="callback-nav"),
    ]
    return page(current_frame(), lang, "scatter", "/scatter", _query(lang, x, y, sex), body,
                state_page="scatter", title=f"{t('scatter.title', lang)} – {t('app.title', lang)}")


@callback(
    output={"figure": Output(ids.Scatter.graph, "figure"), "alt": Output(ids.Scatter.alt, "children"),
            "text": Output(ids.Scatter.text, "children"), "state": Output(ids.url_state("scatter"), "data")},
    inputs={"x": Input(ids.Scatter.x, "value"), "y": Input(ids.Scatter.y, "value"),
            "sex": Input(ids.Scatter.sex, "value")},
    state={"state": State(ids.url_state("scatter"), "data")},
    prevent_initial_call=True,
)
@checked(x=TEXT, y=TEXT, sex=TEXT, state=STATE)
def update_scatter(x: str | None, y: str | None, sex: str | None, state: dict[str, Any]) -> dict[str, Any]:
    """Redraw for another pair of indicators or another sex."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    lang = normalize_lang(query.get("lang"))
    x_id, y_id = pair(atlas, x, y)
    if x_id is None or y_id is None:
        return {"figure": no_update, "alt": no_update, "text": no_update, "state": no_update}
    chosen = sex if sex in SEXES else "total"
    model = _model(atlas, x_id, y_id, chosen, lang)
    fig, alt = scatter_chart(model, lang)
    return {"figure": fig, "alt": alt, "text": association_text(model, lang),
            "state": {**state, "query": _query(lang, x_id, y_id, chosen), "push": True}}


@callback(
    Output(ids.Scatter.navigate, "href"),
    Input(ids.Scatter.graph, "clickData"), State(ids.url_state("scatter"), "data"),
    prevent_initial_call=True,
)
@checked(click=CLICK_DATA, state=STATE)
def open_profile(click: dict[str, Any] | None, state: dict[str, Any]) -> Any:
    """Clicking an area's dot opens its profile, on the vertical axis's indicator."""
    code = clicked_area(click)
    if code is None:
        return no_update
    query = (state or {}).get("query") or {}
    return href(area_path(code), normalize_lang(query.get("lang")), indicator=query.get("y"))
