"""Map (home): every area coloured for the chosen indicator; prioritized areas listed beside."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from dashboard import ids
from dashboard.classify import SCHEMES
from dashboard.context import current_atlas
from dashboard.display import aria
from dashboard.model import Atlas
from dashboard.selection import Selection, resolve
from dashboard.urls import area_path, href
from dashboard.views import controls
from dashboard.views.map_view import (
    alt_text,
    legend,
    map_model,
    map_output,
    prioritized_list,
)
from dashboard.views.shell import guarded, page
from presentation.i18n import normalize_lang, t

dash.register_page(__name__, path="/", title="Välfärdsatlas", order=0)

QUERY = ("indicator", "period", "sex", "colouring", "scheme")


def _colouring_picker(sel: Selection) -> Any:
    lang = sel.lang
    return controls.field(t("ctl.colouring", lang), ids.Map.colouring, dcc.RadioItems(
        id=ids.Map.colouring, value=sel.colouring, className="segmented", inline=True,
        options=[{"label": t("ctl.colouring.comparison", lang), "value": "comparison"},
                 {"label": t("ctl.colouring.classes", lang), "value": "classes"}]), group=True)


def _scheme_picker(sel: Selection) -> Any:
    return html.Div(controls.field(t("ctl.scheme", sel.lang), ids.Map.scheme, dcc.Dropdown(
        id=ids.Map.scheme, value=sel.scheme, clearable=False, searchable=False, className="picker",
        options=[{"label": t(f"ctl.scheme.{s}", sel.lang), "value": s} for s in SCHEMES])),
        id=f"{ids.Map.scheme}-wrap", hidden=sel.colouring != "classes")


def _find_area(atlas: Atlas, lang: str) -> Any:
    areas = atlas.areas()
    return controls.field(t("ctl.find_area", lang), ids.Map.find_area, dcc.Dropdown(
        id=ids.Map.find_area, options=[{"label": n, "value": c} for c, n in areas["name"].items()],
        placeholder=t("ctl.find_area.placeholder", lang), clearable=True, searchable=True,
        labels=controls.dropdown_labels(lang), className="picker"))


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    sel = resolve(atlas, params)
    model = map_model(atlas, sel)
    figure, version = map_output(atlas, model, None)
    side = html.Aside([
        controls.indicator_picker(atlas, sel.lang, ids.Map.indicator, sel.indicator_id),
        controls.period_picker(atlas, sel.lang, ids.Map.period, sel.indicator_id, sel.period),
        controls.sex_picker(atlas, sel.lang, ids.Map.sex, sel.indicator_id, sel.sex),
        _colouring_picker(sel), _scheme_picker(sel),
        html.Div(legend(model), id=ids.Map.legend, className="legend", **aria(live="polite")),
    ], className="panel panel-controls", **aria(label=t("ctl.indicator", sel.lang)))
    centre = html.Figure([
        html.H1(f"{model.title}, {model.period}", className="map-title", id=f"{ids.Map.graph}-title"),
        dcc.Graph(id=ids.Map.graph, figure=figure, className="map-graph",
                  config={"displaylogo": False, "scrollZoom": True, "topojsonURL": "/assets/topojson/",
                          "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"]}),
        html.Figcaption([html.Span(alt_text(model), id=ids.Map.alt, **aria(live="polite")),
                         " ", html.Span(t("map.click_hint", sel.lang), className="muted")],
                        className="figure-caption"),
    ], className="map-card card")
    right = html.Aside([
        html.H2(t("map.prioritized", sel.lang)),
        html.Div(prioritized_list(model, sel), id=ids.Map.prioritized),
        _find_area(atlas, sel.lang),
    ], className="panel panel-prioritized", **aria(label=t("map.prioritized", sel.lang)))
    body = html.Div([
        side, centre, right,
        dcc.Store(id=ids.Map.geo_version, data=version),
        dcc.Location(id=ids.Map.navigate, refresh="callback-nav"),
    ], className="map-page")
    return page(sel.lang, "map", "/", sel.query(*QUERY), body, state_page="map")


@callback(
    Output(ids.Map.graph, "figure"),
    Output(ids.Map.legend, "children"),
    Output(ids.Map.alt, "children"),
    Output(ids.Map.prioritized, "children"),
    Output(f"{ids.Map.graph}-title", "children"),
    Output(ids.Map.period, "options"),
    Output(ids.Map.period, "value"),
    Output(ids.Map.sex, "options"),
    Output(ids.Map.sex, "value"),
    Output(f"{ids.Map.scheme}-wrap", "hidden"),
    Output(ids.Map.geo_version, "data"),
    Output(ids.url_state("map"), "data"),
    Input(ids.Map.indicator, "value"),
    Input(ids.Map.period, "value"),
    Input(ids.Map.sex, "value"),
    Input(ids.Map.colouring, "value"),
    Input(ids.Map.scheme, "value"),
    State(ids.Map.geo_version, "data"),
    State(ids.url_state("map"), "data"),
    prevent_initial_call=True,
)
def update_map(indicator: str, period: str, sex: str, colouring: str, scheme: str,
               loaded_version: Any, state: dict[str, Any]) -> tuple[Any, ...]:
    """Recolour the map for a new selection (values only, when the geometry is loaded)."""
    atlas = current_atlas()
    lang = (state or {}).get("query", {}).get("lang")
    sel = resolve(atlas, {"lang": lang, "indicator": indicator, "period": period, "sex": sex,
                          "colouring": colouring, "scheme": scheme, "areas": None})
    model = map_model(atlas, sel)
    figure, version = map_output(atlas, model, loaded_version)
    return (figure, legend(model), alt_text(model), prioritized_list(model, sel),
            f"{model.title}, {model.period}", controls.period_options(atlas, sel.indicator_id),
            sel.period, controls.sex_options(atlas, sel.lang, sel.indicator_id), sel.sex,
            sel.colouring != "classes", version,
            {"path": "/", "query": sel.query(*QUERY)})


@callback(
    Output(ids.Map.navigate, "href"),
    Input(ids.Map.graph, "clickData"),
    Input(ids.Map.find_area, "value"),
    State(ids.url_state("map"), "data"),
    prevent_initial_call=True,
)
def open_profile(click: dict[str, Any] | None, found: str | None, state: dict[str, Any]) -> Any:
    """Clicking an area (or picking one by name) opens its profile."""
    by_name = dash.ctx.triggered_id == ids.Map.find_area
    return profile_href(found if by_name else clicked_code(click), state) or no_update


def clicked_code(click: dict[str, Any] | None) -> str | None:
    """The area code of a map click (None when the click hit no area)."""
    points = (click or {}).get("points") or []
    return str(points[0].get("location")) if points and points[0].get("location") else None


def profile_href(code: str | None, state: dict[str, Any] | None) -> str | None:
    """The profile link of ``code`` in the map's language, carrying its indicator."""
    if not code:
        return None
    query = (state or {}).get("query") or {}
    return href(area_path(code), normalize_lang(query.get("lang")), indicator=query.get("indicator"))
