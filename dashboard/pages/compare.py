"""Compare (/compare): the prioritized (or chosen) areas side by side against the city."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.guard import guarded
from dashboard.inputs import STATE, TEXT, TEXTS, VERSION, checked
from dashboard.model import Atlas
from dashboard.selection import Selection, resolve
from dashboard.urls import first
from dashboard.viewmodels.catalogue import domains_in_order
from dashboard.viewmodels.choices import DomainGroup, area_names, indicator_menu
from dashboard.viewmodels.compare import domain_trends, rug_frame, rug_model, trends_model
from dashboard.views import controls
from dashboard.views.graphs import graph_config
from dashboard.views.rug import domain_trends as domain_view
from dashboard.views.rug import legend, rug, trends
from dashboard.views.shell import page
from presentation.formulas import neutralise_frame
from presentation.i18n import city_name, domain_name, t

dash.register_page(__name__, path="/compare", title="Välfärdsatlas", order=1)
CSV_COLUMNS = ("indicator_id", "indicator", "unit", "area_code", "area", "period", "value", "lower", "upper",
               "comparison")


def _rug(atlas: Atlas, codes: list[str], lang: str) -> Any:
    """The rug of ``codes`` (memoized per set of areas and language)."""
    return atlas.cached(("rug", tuple(codes), lang), lambda: rug(rug_model(atlas, codes, lang), lang))


def _figure(atlas: Atlas, codes: list[str], indicator_id: str, domain: str | None, lang: str) -> tuple[Any, str]:
    """The trends: a domain's indicators as small multiples, else one indicator per area."""
    if domain:
        return domain_view(domain_trends(atlas, codes, domain, lang), lang)
    return trends(trends_model(atlas, codes, indicator_id, lang), lang)


def _pick_domain(atlas: Atlas, value: Any) -> str | None:
    domain = first(value)
    return domain if domain in domains_in_order(atlas) else None


def _areas_section(sel: Selection, areas: tuple[tuple[str, str], ...], rug_table: Any) -> Any:
    codes = list(sel.areas)
    area_picker = controls.field(t("compare.areas", sel.lang), ids.Compare.areas, dcc.Dropdown(
        id=ids.Compare.areas, multi=True, value=codes, className="picker", options=controls.area_options(areas),
        placeholder=t("compare.areas.placeholder", sel.lang), labels=controls.dropdown_labels(sel.lang)))
    download = html.Div([html.Button("↓ " + t("compare.download", sel.lang), id=ids.Compare.download_button,
                                     className="button", n_clicks=0),
                         html.Div(id=ids.Compare.download_status, role="status"),
                         dcc.Download(id=ids.Compare.download)], className="downloads")
    return html.Section([html.Div(area_picker, className="compare-areas"),
                         html.H2(t("compare.rug", sel.lang)),
                         html.Div([legend(sel.lang), download], className="rug-tools"),
                         html.Div(rug_table, id=ids.Compare.rug, className="table-wrap")],
                        className="card section")


def _trends_section(sel: Selection, menu: tuple[DomainGroup, ...], domains: list[str], domain: str | None,
                    fig: Any, alt: str) -> Any:
    domain_picker = controls.field(t("compare.trends.domain", sel.lang), ids.Compare.domain, dcc.Dropdown(
        id=ids.Compare.domain, value=domain, className="picker", clearable=True,
        options=[{"label": domain_name(d, sel.lang), "value": d} for d in domains],
        placeholder=t("compare.trends.domain", sel.lang), labels=controls.dropdown_labels(sel.lang)))
    return html.Section([
        html.H2(t("compare.trends", sel.lang)),
        html.Div([controls.indicator_picker(menu, sel.lang, ids.Compare.indicator, sel.indicator_id),
                  domain_picker], className="controls-row"),
        dcc.Graph(id=ids.Compare.trends, figure=fig, config=graph_config(sel.lang, displayModeBar=False)),
        html.P(alt, id=ids.Compare.trends_alt, className="chart-caption"),
    ], className="card section")


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    sel = resolve(atlas, params)
    codes = list(sel.areas)
    domain = _pick_domain(atlas, params.get("domain"))
    fig, alt = _figure(atlas, codes, str(sel.indicator_id), domain, sel.lang)
    body = [
        html.H1(t("compare.title", sel.lang)),
        _areas_section(sel, area_names(atlas), _rug(atlas, codes, sel.lang)),
        _trends_section(sel, indicator_menu(atlas, sel.lang), domains_in_order(atlas), domain, fig, alt),
    ]
    query = {**sel.query("areas", "indicator"), "domain": domain}
    return page(current_frame(), sel.lang, "compare", "/compare", query, body,
                state_page="compare", title=f"{t('compare.title', sel.lang)} – {t('app.title', sel.lang)}")


@callback(
    output={"rug": Output(ids.Compare.rug, "children"), "trends": Output(ids.Compare.trends, "figure"),
            "trends_alt": Output(ids.Compare.trends_alt, "children"),
            "state": Output(ids.url_state("compare"), "data")},
    inputs={"areas": Input(ids.Compare.areas, "value"), "indicator": Input(ids.Compare.indicator, "value"),
            "domain": Input(ids.Compare.domain, "value")},
    state={"state": State(ids.url_state("compare"), "data")},
    prevent_initial_call=True,
)
@checked(areas=TEXTS, indicator=TEXT, domain=TEXT, state=STATE)
def update_compare(areas: list[str] | None, indicator: str, state: dict[str, Any],
                   domain: str | None = None) -> dict[str, Any]:
    """Redraw the rug and the trends for another set of areas, indicator or domain."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    sel = resolve(atlas, {"lang": query.get("lang"), "indicator": indicator})
    known = atlas.areas().index
    codes = [c for c in (areas or []) if c in known] if areas else []
    chosen = _pick_domain(atlas, domain)
    fig, alt = _figure(atlas, codes, str(sel.indicator_id), chosen, sel.lang)
    query.update({"areas": ",".join(codes) if areas else "", "indicator": sel.indicator_id, "domain": chosen})
    return {"rug": _rug(atlas, codes, sel.lang), "trends": fig, "trends_alt": alt,
            "state": {**state, "query": query, "push": True}}


@callback(
    output={"data": Output(ids.Compare.download, "data"), "status": Output(ids.Compare.download_status, "children")},
    inputs={"clicks": Input(ids.Compare.download_button, "n_clicks")},
    state={"state": State(ids.url_state("compare"), "data")},
    prevent_initial_call=True,
)
@checked(clicks=VERSION, state=STATE)  # n_clicks: an int or None, as a version is
def download(clicks: Any, state: dict[str, Any]) -> dict[str, Any]:
    """The rug as CSV (UTF-8 with a BOM, one row per indicator × area, the city first),
    text cells neutralised against spreadsheet formulas."""
    if not clicks:
        return {"data": no_update, "status": no_update}
    atlas = current_atlas()
    query = dict((state or {}).get("query") or {})
    sel = resolve(atlas, {"lang": query.get("lang"), "areas": query.get("areas")})
    codes = list(sel.areas) if query.get("areas") != "" else []
    if not codes:
        return {"data": no_update, "status": t("compare.empty", sel.lang)}
    return {"data": dcc.send_bytes(compare_csv(atlas, codes, sel.lang), f"compare_{sel.lang}.csv"), "status": None}


def compare_csv(atlas: Atlas, codes: list[str], lang: str) -> bytes:
    """The CSV of the rug of ``codes`` in ``lang`` (comparisons in words)."""
    model = rug_model(atlas, codes, lang)
    frame = rug_frame(model, city_name(atlas.city(), lang))
    frame["comparison"] = [t(f"cmpl.{k}", lang) if k else "" for k in frame["comparison"]]
    frame = neutralise_frame(frame.rename(columns={c: t(f"csv.{c}", lang) for c in CSV_COLUMNS}))
    return frame.to_csv(index=False).encode("utf-8-sig")
