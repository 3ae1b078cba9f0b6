"""Area profile (/area/<code>): how one area compares with the city, indicator by indicator."""

from __future__ import annotations

import logging
from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas
from dashboard.display import aria
from dashboard.figures.charts import locator_figure
from dashboard.model import Atlas
from dashboard.selection import pick_indicator
from dashboard.urls import area_path, first
from dashboard.views import controls
from dashboard.views.about import about_card
from dashboard.views.area_charts import chart_block, headline, sex_chart, trend_chart
from dashboard.views.map_view import geo_url
from dashboard.views.profile import domain_table, facts, latest_rows, summary
from dashboard.views.shell import guarded, not_found, page
from presentation.i18n import city_name, indicator_name, normalize_lang, t

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


def _charts(atlas: Atlas, area: Any, indicator_id: str, lang: str) -> Any:
    fig, trend_alt = trend_chart(atlas, area, indicator_id, lang)
    sex_fig, sex_alt = sex_chart(atlas, area, indicator_id, lang)
    picker = controls.indicator_picker(atlas, lang, ids.Area.indicator, indicator_id,
                                       label=t("area.trend.pick", lang))
    return html.Section([
        html.Div([picker, html.P(headline(atlas, area, indicator_id, lang), id=ids.Area.gap,
                                 className="headline", **aria(live="polite"))],
                 className="controls-row"),
        html.Div([
            html.Div([html.H2(t("area.trend", lang)),
                      *chart_block(ids.Area.trend, ids.Area.trend_alt, fig, trend_alt)]),
            html.Div([html.H2(t("area.sex", lang)),
                      *chart_block(ids.Area.sex_chart, ids.Area.sex_alt, sex_fig, sex_alt)]),
        ], className="two-col"),
    ], className="card section", id="area-charts")


@guarded
def layout(code: str | None = None, **params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    areas = atlas.areas()
    if code is None or code not in areas.index:
        return not_found(lang, "notfound.area", str(code))
    area: Any = areas.loc[code]
    indicator_id = pick_indicator(atlas, params.get("indicator"))
    rows = latest_rows(atlas, code)
    locator = dcc.Graph(figure=locator_figure(list(areas.index), code, geo_url(atlas)), className="locator",
                        config={"staticPlot": True, "topojsonURL": "/assets/topojson/"})
    head = html.Section([
        html.Div([
            html.H1(area["name"]),
            facts(area, atlas.city(), lang),
            atlas.cached(("summary", code, lang), lambda: summary(rows, lang)),
            _downloads(lang),
        ]),
        html.Figure([locator, html.Figcaption(f"{t('area.locator', lang)}: {city_name(atlas.city(), lang)}",
                                              className="chart-caption")], style={"margin": 0}),
    ], className="profile-head card")
    table = html.Section([html.H2(t("area.table", lang)),
                          html.Div(atlas.cached(("profile-table", code, lang),
                                                 lambda: domain_table(atlas, rows, str(area["name"]), lang)),
                                   className="table-wrap")],
                         className="card section")
    about = about_card(atlas.about_area(code, lang), lang)
    body = [head, *([about] if about is not None else []),
            *([_charts(atlas, area, str(indicator_id), lang)] if indicator_id else []), table]
    query = {"lang": lang, "indicator": indicator_id}
    title = f"{area['name']} – {t('app.title', lang)}"
    return page(lang, "area", area_path(code), query, body, state_page="area", title=title)


@callback(
    Output(ids.Area.trend, "figure"), Output(ids.Area.trend_alt, "children"),
    Output(ids.Area.gap, "children"), Output(ids.Area.sex_chart, "figure"),
    Output(ids.Area.sex_alt, "children"), Output(ids.url_state("area"), "data"),
    Input(ids.Area.indicator, "value"), State(ids.url_state("area"), "data"),
    prevent_initial_call=True,
)
def update_charts(indicator: str, state: dict[str, Any]) -> tuple[Any, ...]:
    """Redraw the trend and sex charts for another indicator."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    code = str(state.get("path", "")).rsplit("/", 1)[-1]
    lang = normalize_lang(query.get("lang"))
    indicator_id = str(pick_indicator(atlas, indicator))
    area: Any = atlas.areas().loc[code]
    fig, trend_alt = trend_chart(atlas, area, indicator_id, lang)
    sex_fig, sex_alt = sex_chart(atlas, area, indicator_id, lang)
    query["indicator"] = indicator_id
    title = f"{area['name']} – {indicator_name(atlas.catalogue().loc[indicator_id], lang)}"
    return (fig, trend_alt, headline(atlas, area, indicator_id, lang), sex_fig, sex_alt,
            {**state, "query": query, "title": title})


@callback(
    Output(ids.Area.download, "data"), Output(ids.Area.download_error, "children"),
    Input({"type": ids.Area.download_button, "format": ALL}, "n_clicks"),
    State(ids.url_state("area"), "data"),
    prevent_initial_call=True,
)
def download(clicks: list[int], state: dict[str, Any]) -> tuple[Any, Any]:
    """The profile as a file: PDF, HTML, XLSX or CSV (CSV of the table without the exporter)."""
    if not any(clicks) or not isinstance(ctx.triggered_id, dict):
        return no_update, no_update
    fmt = str(ctx.triggered_id["format"])
    code = str((state or {}).get("path", "")).rsplit("/", 1)[-1]
    lang = normalize_lang(((state or {}).get("query") or {}).get("lang"))
    content, filename, _mime = profile_file(current_atlas(), code, fmt, lang)
    return dcc.send_bytes(content, filename), None


def profile_file(atlas: Atlas, code: str, fmt: str, lang: str) -> tuple[bytes, str, str]:
    """The profile as ``wellbeing export profile`` writes it: (content, file name, MIME type)."""
    from reports import render_profile  # fpdf2 and matplotlib: loaded on first download

    with atlas.pinned():  # the snapshot and its comparison table from one load batch
        snapshot, table = atlas.snapshot(), atlas.comparisons()
    return render_profile(snapshot, table, code, fmt, lang)
