"""Area profile (/area/<code>): how one area compares with the city, indicator by indicator."""

from __future__ import annotations

import logging
from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import ids, payloads
from dashboard.context import current_atlas, current_frame
from dashboard.display import aria
from dashboard.figures.charts import locator_figure
from dashboard.guard import guarded
from dashboard.hardening import InvalidInput
from dashboard.inputs import CLICKS, STATE, TEXT, checked
from dashboard.model import Atlas
from dashboard.selection import pick_indicator
from dashboard.urls import area_path, first
from dashboard.viewmodels.choices import DomainGroup, indicator_menu
from dashboard.viewmodels.cooperation import area_cooperation, places_of, residents_of
from dashboard.viewmodels.map import geo_url
from dashboard.viewmodels.profile import (
    AreaFacts,
    AreaIndicator,
    area_facts,
    area_indicator,
    latest_rows,
    profile_table,
)
from dashboard.views import controls
from dashboard.views.about import about_card
from dashboard.views.area_charts import age_chart, answer, chart_block, sex_chart, trend_chart
from dashboard.views.cooperation import cooperation_section, places_block, residents_section
from dashboard.views.profile import domain_table, facts, summary
from dashboard.views.shell import not_found, page
from presentation.i18n import city_name, normalize_lang, t

dash.register_page(__name__, path_template="/area/<code>", title="Välfärdsatlas")
log = logging.getLogger("dashboard")
FORMATS = ("pdf", "html", "xlsx", "csv")


def _downloads(lang: str) -> Any:
    labels = {"pdf": "PDF", "html": "HTML", "xlsx": "Excel", "csv": "CSV"}
    return html.Div([
        html.Span(t("area.downloads", lang), className="field-label"),
        html.Div([html.Button("↓ " + labels[f], id=ids.download_button(f), className="button", n_clicks=0)
                  for f in FORMATS], className="downloads"),
        html.Div(id=ids.Area.download_error, role="status"),
        dcc.Download(id=ids.Area.download),
    ], className="downloads-block")


def _age_block(model: AreaIndicator, lang: str) -> Any:
    """The breakdown by age group (hidden for an indicator with one age group)."""
    fig, alt = age_chart(model, lang)
    return html.Div([html.H2(t("area.age", lang)), *chart_block(ids.Area.age_chart, ids.Area.age_alt, fig, alt)],
                    id=ids.Area.age_block, hidden=not model.by_age)


def _charts(model: AreaIndicator, menu: tuple[DomainGroup, ...], lang: str) -> Any:
    fig, trend_alt = trend_chart(model, lang)
    sex_fig, sex_alt = sex_chart(model, lang)
    picker = controls.indicator_picker(menu, lang, ids.Area.indicator, model.indicator.id,
                                       label=t("area.trend.pick", lang))
    return html.Section([
        html.Div([picker, html.P(answer(model, lang), id=ids.Area.gap, className="headline",
                                 **aria(live="polite"))],
                 className="controls-row"),
        html.Div([
            html.Div([html.H2(t("area.trend", lang)),
                      *chart_block(ids.Area.trend, ids.Area.trend_alt, fig, trend_alt)]),
            html.Div([html.H2(t("area.sex", lang)),
                      *chart_block(ids.Area.sex_chart, ids.Area.sex_alt, sex_fig, sex_alt)]),
            _age_block(model, lang),
        ], className="two-col"),
    ], className="card section", id=ids.Area.charts)


def _head(area: AreaFacts, summary_block: Any, locator: Any, city: str, lang: str) -> Any:
    """The profile's head: name, facts, the summary in words, downloads, the locator map."""
    graph = dcc.Graph(figure=locator, className="locator",
                      config={"staticPlot": True, "topojsonURL": "/assets/topojson/"})
    return html.Section([
        html.Div([html.H1(area.name), facts(area, lang), summary_block, _downloads(lang)]),
        html.Figure([graph, html.Figcaption(f"{t('area.locator', lang)}: {city}", className="chart-caption")],
                    style={"margin": 0}),
    ], className="profile-head card")


def _table(table: Any, lang: str) -> Any:
    return html.Section([html.H2(t("area.table", lang)), html.Div(table, className="table-wrap")],
                        className="card section")


def _point(atlas: Atlas, code: str) -> tuple[float, float] | None:
    """A point inside the area (lon, lat) for the locator's ring, None without geometry."""

    def build() -> tuple[float, float] | None:
        geoms = atlas.snapshot().geometries
        if geoms is None:
            return None
        hits = geoms[geoms["code"].astype(str) == code]
        if hits.empty or hits.geometry.iloc[0] is None or hits.geometry.iloc[0].is_empty:
            return None
        p = hits.geometry.iloc[0].representative_point()
        return float(p.x), float(p.y)

    return atlas.cached(("locator-point", code), build)


@guarded
def layout(code: str | None = None, **params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    areas = atlas.areas()
    if code is None or code not in areas.index:
        return not_found(current_frame(), lang, "notfound.area", str(code))
    indicator_id = pick_indicator(atlas, params.get("indicator"))
    area = area_facts(atlas, code)
    summary_block = atlas.cached(("summary", code, lang), lambda: summary(latest_rows(atlas, code), lang))
    head = _head(area, summary_block, locator_figure(list(areas.index), code, geo_url(atlas), _point(atlas, code)),
                 city_name(atlas.city(), lang), lang)
    table = atlas.cached(("profile-table", code, lang), lambda: domain_table(profile_table(atlas, code, lang), lang))
    places, residents, coop = (places_of(atlas, code, lang), residents_of(atlas, code, lang),
                               area_cooperation(atlas, code, lang))
    about = about_card(atlas.about_area(code, lang), lang, [places_block(places, area.name, lang)] if places else None)
    charts = ([_charts(area_indicator(atlas, code, indicator_id, lang), indicator_menu(atlas, lang), lang)]
              if indicator_id else [])
    body = [head, *([about] if about is not None else []),
            *([residents_section(residents, area.name, lang)] if residents else []), *charts, _table(table, lang),
            *([cooperation_section(coop, lang)] if coop else [])]
    query = {"lang": lang, "indicator": indicator_id}
    title = f"{area.name} – {t('app.title', lang)}"
    return page(current_frame(), lang, "area", area_path(code), query, body, state_page="area", title=title)


@callback(
    output={"trend": Output(ids.Area.trend, "figure"), "trend_alt": Output(ids.Area.trend_alt, "children"),
            "gap": Output(ids.Area.gap, "children"), "sex": Output(ids.Area.sex_chart, "figure"),
            "sex_alt": Output(ids.Area.sex_alt, "children"), "age": Output(ids.Area.age_chart, "figure"),
            "age_alt": Output(ids.Area.age_alt, "children"), "age_hidden": Output(ids.Area.age_block, "hidden"),
            "state": Output(ids.url_state("area"), "data")},
    inputs={"indicator": Input(ids.Area.indicator, "value")},
    state={"state": State(ids.url_state("area"), "data")},
    prevent_initial_call=True,
)
@checked(indicator=TEXT, state=STATE)
def update_charts(indicator: str, state: dict[str, Any]) -> dict[str, Any]:
    """Redraw the trend and sex charts for another indicator."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    code = str(state.get("path", "")).rsplit("/", 1)[-1]
    lang = normalize_lang(query.get("lang"))
    if code not in atlas.areas().index:
        raise InvalidInput(f"update_charts: no area {code[:40]!r}")
    model = area_indicator(atlas, code, str(pick_indicator(atlas, indicator)), lang)
    fig, trend_alt = trend_chart(model, lang)
    sex_fig, sex_alt = sex_chart(model, lang)
    age_fig, age_alt = age_chart(model, lang)
    query["indicator"] = model.indicator.id
    title = f"{model.area_name} – {model.indicator.name}"
    return {"trend": fig, "trend_alt": trend_alt, "gap": answer(model, lang), "sex": sex_fig,
            "sex_alt": sex_alt, "age": age_fig, "age_alt": age_alt, "age_hidden": not model.by_age,
            "state": {**state, "query": query, "title": title, "push": True}}


@callback(
    output={"data": Output(ids.Area.download, "data"), "error": Output(ids.Area.download_error, "children")},
    inputs={"clicks": Input({"type": ids.Area.download_button, "format": ALL}, "n_clicks")},
    state={"state": State(ids.url_state("area"), "data")},
    prevent_initial_call=True,
)
@checked(clicks=CLICKS, state=STATE)
def download(clicks: list[int], state: dict[str, Any]) -> dict[str, Any]:
    """The profile as a file: PDF, HTML, XLSX or CSV (CSV of the table without the exporter)."""
    if not any(clicks) or not isinstance(ctx.triggered_id, dict):
        return {"data": no_update, "error": no_update}
    fmt = str(ctx.triggered_id.get("format"))
    code = str((state or {}).get("path", "")).rsplit("/", 1)[-1]
    lang = normalize_lang(((state or {}).get("query") or {}).get("lang"))
    atlas = current_atlas()
    if fmt not in FORMATS:
        raise InvalidInput(f"download: no format {fmt[:40]!r}")
    if code not in atlas.areas().index:
        raise InvalidInput(f"download: no area {code[:40]!r}")
    content, filename, _mime = profile_file(atlas, code, fmt, lang)
    return {"data": dcc.send_bytes(content, filename), "error": None}


def profile_file(atlas: Atlas, code: str, fmt: str, lang: str) -> tuple[bytes, str, str]:
    """The profile as ``wellbeing export profile`` writes it: (content, file name, MIME type),
    kept per load batch in the payload cache (``dashboard.payloads.profile_file``)."""
    return payloads.profile_file(atlas, code, fmt, lang)
