"""Map (home): every area coloured for the chosen indicator; prioritized areas listed beside."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html, no_update

from dashboard import ids
from dashboard.classify import SCHEMES
from dashboard.context import current_atlas, current_frame
from dashboard.display import aria
from dashboard.figures.places import place_traces, with_places
from dashboard.guard import guarded
from dashboard.inputs import CLICK_DATA, STATE, TEXT, TEXTS, VERSION, checked
from dashboard.selection import Selection, comparators, resolve
from dashboard.urls import area_path, href, switch_query
from dashboard.viewmodels.choices import Choices, area_names, choices
from dashboard.viewmodels.comparator import Comparator
from dashboard.viewmodels.map import MapModel, map_model, map_output
from dashboard.viewmodels.places import PlaceLayer, place_layer, places_on
from dashboard.views import controls
from dashboard.views.graphs import graph_config
from dashboard.views.map_view import alt_text, legend, prioritized_list
from dashboard.views.places_view import places_alt, places_legend, places_switch
from dashboard.views.shell import page
from presentation.i18n import normalize_lang, t

dash.register_page(__name__, path="/", title="Välfärdsatlas", order=0)

QUERY = ("indicator", "period", "sex", "age", "comparator", "colouring", "scheme")


def colouring_options(comparator: Comparator, lang: str) -> list[dict[str, str]]:
    """Colour by the comparison with the comparator (named), or by value classes."""
    compared = (t("ctl.colouring.comparison", lang) if comparator.value == "city"
                else t("ctl.colouring.compared", lang, name=comparator.phrase))
    return [{"label": compared, "value": "comparison"},
            {"label": t("ctl.colouring.classes", lang), "value": "classes"}]


def _colouring_picker(sel: Selection, comparator: Comparator) -> Any:
    return controls.field(t("ctl.colouring", sel.lang), ids.Map.colouring, dcc.RadioItems(
        id=ids.Map.colouring, value=sel.colouring, className="segmented", inline=True,
        options=colouring_options(comparator, sel.lang)), group=True)


def _scheme_picker(sel: Selection) -> Any:
    return html.Div(controls.field(t("ctl.scheme", sel.lang), ids.Map.scheme, dcc.Dropdown(
        id=ids.Map.scheme, value=sel.scheme, clearable=False, searchable=False, className="picker",
        options=[{"label": t(f"ctl.scheme.{s}", sel.lang), "value": s} for s in SCHEMES])),
        id=ids.Map.scheme_wrap, hidden=sel.colouring != "classes")


def _find_area(areas: tuple[tuple[str, str], ...], lang: str) -> Any:
    return controls.field(t("ctl.find_area", lang), ids.Map.find_area, dcc.Dropdown(
        id=ids.Map.find_area, options=controls.area_options(areas),
        placeholder=t("ctl.find_area.placeholder", lang), clearable=True, searchable=True,
        labels=controls.dropdown_labels(lang), className="picker"))


def _age_picker(sel: Selection, ages: tuple[list[str], str]) -> Any:
    """The indicator's age groups (its headline group first); hidden with only one."""
    groups, value_type = ages
    return html.Div(controls.age_picker(groups, value_type, sel.lang, ids.Map.age,
                                        sel.age_group or (groups[0] if groups else None)),
                    id=ids.Map.age_wrap, hidden=len(groups) < 2)


def _ages(atlas: Any, indicator_id: Any) -> tuple[list[str], str]:
    return (atlas.age_groups_of(str(indicator_id)),
            str(atlas.catalogue().loc[indicator_id, "value_type"]) if indicator_id else "")


def _controls(sel: Selection, model: MapModel, offered: Choices, against: tuple[tuple[str, str], ...],
              places: tuple[Any, ...] = (), ages: tuple[list[str], str] = ([], "")) -> Any:
    """The panel left of the map: the pickers and the legend."""
    lang, ind = sel.lang, sel.indicator_id
    # On a phone the map comes first and the pickers fold into a drawer (closed there on
    # arrival: a clientside callback), with the legend always in view under the map.
    return html.Aside([
        html.Details([
            html.Summary(t("map.drawer", lang), className="drawer-summary"),
            controls.indicator_picker(offered.menu, lang, ids.Map.indicator, ind),
            controls.period_picker(offered.periods, lang, ids.Map.period, sel.period),
            controls.sex_picker(offered.sexes, lang, ids.Map.sex, sel.sex),
            _age_picker(sel, ages),
            controls.comparator_picker(against, lang, ids.Map.comparator, sel.comparator),
            _colouring_picker(sel, model.comparator), _scheme_picker(sel),
        ], id=ids.Map.drawer, open=True, className="controls-drawer"),
        html.Div(legend(model), id=ids.Map.legend, className="legend", **aria(live="polite")),
        *places,
    ], className="panel panel-controls", **aria(label=t("ctl.indicator", lang)))


def _map_card(sel: Selection, model: MapModel, figure: Any, alt_more: str = "") -> Any:
    return html.Figure([
        html.H1(f"{model.title}, {model.period}", className="map-title", id=ids.Map.title),
        dcc.Graph(id=ids.Map.graph, figure=figure, className="map-graph",
                  config=graph_config(sel.lang, scrollZoom=True, topojsonURL="/assets/topojson/",
                                      modeBarButtonsToRemove=["select2d", "lasso2d", "toImage"])),
        html.Figcaption([html.Span(alt_text(model) + alt_more, id=ids.Map.alt, **aria(live="polite")),
                         " ", html.Span(t("map.click_hint", sel.lang), className="muted")],
                        className="figure-caption"),
    ], className="map-card card")


def _prioritized_panel(sel: Selection, model: MapModel, areas: tuple[tuple[str, str], ...]) -> Any:
    return html.Aside([
        html.H2(t("map.prioritized", sel.lang)),
        html.Div(prioritized_list(model, sel), id=ids.Map.prioritized),
        _find_area(areas, sel.lang),
    ], className="panel panel-prioritized", **aria(label=t("map.prioritized", sel.lang)))


def _places_controls(layer: PlaceLayer | None, on: bool, lang: str, tiles: bool) -> tuple[Any, ...]:
    """The places layer's switch and legend (issue #13); the switch is hidden without places."""
    return (places_switch(layer, on, lang),
            html.Div(places_legend(layer, on, lang, tiles), id=ids.Map.places_legend, className="legend",
                     hidden=layer is None or not on, **aria(live="polite")))


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    sel = resolve(atlas, params)
    model = map_model(atlas, sel)
    figure, version = map_output(atlas, model, None)
    on, layer = places_on(params.get("places")), place_layer(atlas, sel.lang)
    figure = with_places(figure, place_traces(layer, bool(model.spec.tile_url)) if on else [])
    body = html.Div([
        _controls(sel, model, choices(atlas, sel.indicator_id, sel.lang), comparators(atlas, sel.lang),
                  _places_controls(layer, on, sel.lang, bool(model.spec.tile_url)), _ages(atlas, sel.indicator_id)),
        _map_card(sel, model, figure, places_alt(layer, on, sel.lang)),
        _prioritized_panel(sel, model, area_names(atlas)),
        dcc.Store(id=ids.Map.geo_version, data=version),
        dcc.Location(id=ids.Map.navigate, refresh="callback-nav"),
    ], className="map-page")
    query = {**sel.query(*QUERY), **switch_query("places", on)}
    return page(current_frame(), sel.lang, "map", "/", query, body, state_page="map")


@callback(
    output={
        "figure": Output(ids.Map.graph, "figure"),
        "legend": Output(ids.Map.legend, "children"),
        "alt": Output(ids.Map.alt, "children"),
        "prioritized": Output(ids.Map.prioritized, "children"),
        "title": Output(ids.Map.title, "children"),
        "period_options": Output(ids.Map.period, "options"),
        "period": Output(ids.Map.period, "value"),
        "sex_options": Output(ids.Map.sex, "options"),
        "sex": Output(ids.Map.sex, "value"),
        "colouring_options": Output(ids.Map.colouring, "options"),
        "scheme_hidden": Output(ids.Map.scheme_wrap, "hidden"),
        "geo_version": Output(ids.Map.geo_version, "data"),
        "state": Output(ids.url_state("map"), "data"),
        "places_legend": Output(ids.Map.places_legend, "children"),
        "places_hidden": Output(ids.Map.places_legend, "hidden"),
        "age_options": Output(ids.Map.age, "options"),
        "age": Output(ids.Map.age, "value"),
        "age_hidden": Output(ids.Map.age_wrap, "hidden"),
    },
    inputs={"indicator": Input(ids.Map.indicator, "value"), "period": Input(ids.Map.period, "value"),
            "sex": Input(ids.Map.sex, "value"), "comparator": Input(ids.Map.comparator, "value"),
            "colouring": Input(ids.Map.colouring, "value"), "scheme": Input(ids.Map.scheme, "value"),
            "places": Input(ids.Map.places, "value"), "age": Input(ids.Map.age, "value")},
    state={"loaded_version": State(ids.Map.geo_version, "data"), "state": State(ids.url_state("map"), "data")},
    prevent_initial_call=True,
)
@checked(indicator=TEXT, period=TEXT, sex=TEXT, comparator=TEXT, colouring=TEXT, scheme=TEXT,
         loaded_version=VERSION, state=STATE, places=TEXTS, age=TEXT)
def update_map(indicator: str, period: str, sex: str, colouring: str, scheme: str,
               loaded_version: Any, state: dict[str, Any], comparator: str | None = None,
               places: list[str] | None = None, age: str | None = None) -> dict[str, Any]:
    """Recolour the map for a new selection (values only, when the geometry is loaded)."""
    atlas = current_atlas()
    lang = (state or {}).get("query", {}).get("lang")
    sel = resolve(atlas, {"lang": lang, "indicator": indicator, "period": period, "sex": sex,
                          "comparator": comparator, "colouring": colouring, "scheme": scheme,
                          "areas": None, "age": age})
    model = map_model(atlas, sel)
    groups, value_type = _ages(atlas, sel.indicator_id)
    figure, version = map_output(atlas, model, loaded_version)
    on, layer = places_on(places), place_layer(atlas, sel.lang)
    figure = with_places(figure, place_traces(layer, bool(model.spec.tile_url)) if on else [])
    offered = choices(atlas, sel.indicator_id, sel.lang)
    return {
        "figure": figure, "legend": legend(model), "alt": alt_text(model) + places_alt(layer, on, sel.lang),
        "places_legend": places_legend(layer, on, sel.lang, bool(model.spec.tile_url)),
        "places_hidden": layer is None or not on,
        "prioritized": prioritized_list(model, sel), "title": f"{model.title}, {model.period}",
        "period_options": controls.period_options(offered.periods), "period": sel.period,
        "sex_options": controls.sex_options(offered.sexes, sel.lang), "sex": sel.sex,
        "colouring_options": colouring_options(model.comparator, sel.lang),
        "scheme_hidden": sel.colouring != "classes", "geo_version": version,
        "age_options": controls.age_options(groups, value_type, sel.lang), "age_hidden": len(groups) < 2,
        "age": sel.age_group or (groups[0] if groups else None),
        "state": {"path": "/", "query": {**sel.query(*QUERY), **switch_query("places", on)}, "push": True},  # Back returns to it
    }


@callback(
    Output(ids.Map.navigate, "href"),
    Input(ids.Map.graph, "clickData"),
    Input(ids.Map.find_area, "value"),
    State(ids.url_state("map"), "data"),
    prevent_initial_call=True,
)
@checked(click=CLICK_DATA, found=TEXT, state=STATE)
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


# A phone (a narrow window) opens the map with its pickers folded away; wider ones keep
# them open (the summary line is hidden there, so the drawer cannot be closed).
clientside_callback(
    "function(id) { return !window.matchMedia('(max-width: 640px)').matches; }",
    Output(ids.Map.drawer, "open"), Input(ids.Map.drawer, "id"),
)
