"""The country level (/cities): the municipalities of a many-city store, each against its
country for a chosen indicator, on a map of their outlines and in a table, each a link to
its own atlas (``/?city=<slug>``). A one-city store says there is no level above it."""

from __future__ import annotations

import logging
from typing import Any

import dash
import pandas as pd
from dash import Input, Output, State, callback, dcc, html, no_update
from sqlalchemy.exc import SQLAlchemyError

from dashboard import ids
from dashboard.context import current_frame, current_registry
from dashboard.display import aria
from dashboard.figures.cities import cities_figure, cities_patch
from dashboard.inputs import CLICK_DATA, STATE, TEXT, checked
from dashboard.model import UNAVAILABLE, StoreUnavailable
from dashboard.registry import Cities
from dashboard.urls import first, href
from dashboard.viewmodels.cities import CitiesModel, cities_model, is_many_city, outlines_url
from dashboard.views import cities as view
from dashboard.views import controls
from dashboard.views.graphs import graph_config
from dashboard.views.shell import failed, page, store_down
from presentation.i18n import normalize_lang, t

dash.register_page(__name__, path="/cities", title="Välfärdsatlas", order=5)
log = logging.getLogger("dashboard")


def read_registry() -> Cities:
    """The registry now; a store that cannot be read is "unavailable" (the page says so)."""
    try:
        return current_registry().read()
    except SQLAlchemyError as exc:
        raise _unavailable(exc) from exc


def values_of(indicator_id: str) -> pd.DataFrame:
    """Every municipality's values of one indicator (kept by the registry per state)."""
    try:
        return current_registry().values(indicator_id)
    except SQLAlchemyError as exc:
        raise _unavailable(exc) from exc


def _unavailable(exc: Exception) -> StoreUnavailable:
    return StoreUnavailable(f"The registry of cities cannot be read ({type(exc).__name__}).")


def query(model: CitiesModel) -> dict[str, Any]:
    """The URL's parameters (defaults left out but the indicator), leaving any city."""
    return {"lang": model.lang, "indicator": model.indicator_id, "period": model.period,
            "sex": None if model.sex == "total" else model.sex,
            "sort": None if model.sort == "name" else model.sort, "city": ""}


def _title(lang: str) -> str:
    return f"{t('cities.title', lang)} – {t('app.title', lang)}"


def _figure(model: CitiesModel) -> dict[str, Any]:
    return cities_figure(model.rows, model.outlines, model.labels, model.bounds, model.lang, model.decimals,
                         model.unit, outlines_url(read_registry()))


def _recolour(model: CitiesModel) -> Any:
    """The map's new colours and hovers (the outlines stay in the browser)."""
    patch = cities_patch(model.rows, model.outlines, model.labels, model.lang, model.decimals, model.unit)
    return _figure(model) if patch is None else patch


def _body(model: CitiesModel) -> Any:
    lang = model.lang
    map_card = html.Figure([
        html.H2(t("cities.map", lang)),
        dcc.Graph(id=ids.Cities.graph, figure=_figure(model), className="cities-graph",
                  config=graph_config(lang, displayModeBar=False, scrollZoom=False,
                                      topojsonURL="/assets/topojson/")),
        html.Figcaption([html.Span(view.alt_text(model), id=ids.Cities.alt, **aria(live="polite")), " ",
                         html.Span(t("cities.click_hint", lang), className="muted")],
                        className="figure-caption"),
    ], className="card cities-map-card")
    return html.Div([
        html.H1(t("cities.title", lang)),
        html.P(t("cities.lead", lang, n=len(model.rows)), className="lead"),
        html.Div(view.pickers(model), className="card section"),
        html.Div([map_card, html.Aside(html.Div(view.legend(model), id=ids.Cities.legend, className="legend"),
                                       className="card cities-legend", **aria(label=t("compare.legend", lang)))],
                 className="cities-grid section"),
        html.Section([html.H2(t("cities.table", lang)), view.sort_picker(model),
                      html.Div(view.table(model), id=ids.Cities.table, className="table-wrap")],
                     className="card section"),
        dcc.Location(id=ids.Cities.navigate, refresh=True),
    ], className="cities-page")


def layout(**params: Any) -> Any:
    """The page; a banner instead when the registry cannot be read (never a traceback)."""
    lang = normalize_lang(first(params.get("lang")))
    try:
        cities = read_registry()
        if not is_many_city(cities):
            return page(current_frame(), lang, "cities", "/cities", {"lang": lang, "city": ""},
                        view.one_city(lang), state_page="cities", title=_title(lang))
        model = cities_model(cities, values_of, {k: first(v) for k, v in params.items()}, lang)
        return page(current_frame(), lang, "cities", "/cities", query(model), _body(model),
                    state_page="cities", title=_title(lang), footer="cities.footer")
    except UNAVAILABLE as exc:
        log.warning("registry unavailable: %s", exc)
        return store_down(current_frame(), lang)
    except Exception:
        log.exception("the cities page failed")
        return failed(current_frame(), lang)


@callback(
    output={
        "figure": Output(ids.Cities.graph, "figure"), "alt": Output(ids.Cities.alt, "children"),
        "legend": Output(ids.Cities.legend, "children"), "table": Output(ids.Cities.table, "children"),
        "period_options": Output(ids.Cities.period, "options"), "period": Output(ids.Cities.period, "value"),
        "sex_options": Output(ids.Cities.sex, "options"), "sex": Output(ids.Cities.sex, "value"),
        "age_note": Output(ids.Cities.age_note, "children"),
        "state": Output(ids.url_state("cities"), "data"),
    },
    inputs={"indicator": Input(ids.Cities.indicator, "value"), "period": Input(ids.Cities.period, "value"),
            "sex": Input(ids.Cities.sex, "value"), "sort": Input(ids.Cities.sort, "value")},
    state={"state": State(ids.url_state("cities"), "data")},
    prevent_initial_call=True,
)
@checked(indicator=TEXT, period=TEXT, sex=TEXT, sort=TEXT, state=STATE)
def update_cities(indicator: str | None, period: str | None, sex: str | None, sort: str | None,
                  state: dict[str, Any] | None) -> dict[str, Any]:
    """Redraw the map, legend and table for another indicator, period, sex or order."""
    state = state or {}
    lang = normalize_lang((state.get("query") or {}).get("lang"))
    if dash.ctx.triggered_id == ids.Cities.indicator:
        period = None  # another indicator opens on its latest period
    model = cities_model(read_registry(), values_of, {"indicator": indicator, "period": period, "sex": sex,
                                           "sort": sort}, lang)
    return {
        "figure": _recolour(model), "alt": view.alt_text(model), "legend": view.legend(model),
        "table": view.table(model), "age_note": view.age_note(model),
        "period_options": controls.period_options(model.periods), "period": model.period,
        "sex_options": controls.sex_options(model.sexes, lang), "sex": model.sex,
        "state": {**state, "query": query(model), "push": True},  # Back returns to it
    }


@callback(
    Output(ids.Cities.navigate, "href"),
    Input(ids.Cities.graph, "clickData"),
    State(ids.url_state("cities"), "data"),
    prevent_initial_call=True,
)
@checked(click=CLICK_DATA, state=STATE)
def open_city(click: dict[str, Any] | None, state: dict[str, Any] | None) -> Any:
    """Clicking a municipality on the map opens its atlas (its map, on this indicator)."""
    points = (click or {}).get("points") or []
    slug = points[0].get("location") if points else None
    if not slug:
        return no_update
    known = set(read_registry().cities["slug"].astype(str))
    if str(slug) not in known:
        return no_update
    q = (state or {}).get("query") or {}
    return href("/", normalize_lang(q.get("lang")), city=str(slug), indicator=q.get("indicator"))
