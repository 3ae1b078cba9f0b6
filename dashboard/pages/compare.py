"""Compare (/compare): the prioritized (or chosen) areas side by side against the city."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.guard import guarded
from dashboard.inputs import STATE, TEXT, TEXTS, checked
from dashboard.model import Atlas
from dashboard.selection import Selection, resolve
from dashboard.viewmodels.choices import DomainGroup, area_names, indicator_menu
from dashboard.viewmodels.compare import rug_model, trends_model
from dashboard.views import controls
from dashboard.views.rug import rug, trends
from dashboard.views.shell import page
from presentation.i18n import t

dash.register_page(__name__, path="/compare", title="Välfärdsatlas", order=1)


def _rug(atlas: Atlas, codes: list[str], lang: str) -> Any:
    """The rug of ``codes`` (memoized per set of areas and language)."""
    return atlas.cached(("rug", tuple(codes), lang), lambda: rug(rug_model(atlas, codes, lang), lang))


def _areas_section(sel: Selection, areas: tuple[tuple[str, str], ...], rug_table: Any) -> Any:
    codes = list(sel.areas)
    area_picker = controls.field(t("compare.areas", sel.lang), ids.Compare.areas, dcc.Dropdown(
        id=ids.Compare.areas, multi=True, value=codes, className="picker", options=controls.area_options(areas),
        placeholder=t("compare.areas.placeholder", sel.lang), labels=controls.dropdown_labels(sel.lang)))
    return html.Section([html.Div(area_picker, className="compare-areas"),
                         html.H2(t("compare.rug", sel.lang)),
                         html.Div(rug_table, id=ids.Compare.rug, className="table-wrap")],
                        className="card section")


def _trends_section(sel: Selection, menu: tuple[DomainGroup, ...], fig: Any, alt: str) -> Any:
    return html.Section([
        html.H2(t("compare.trends", sel.lang)),
        html.Div(controls.indicator_picker(menu, sel.lang, ids.Compare.indicator, sel.indicator_id),
                 className="controls-row"),
        dcc.Graph(id=ids.Compare.trends, figure=fig, config={"displaylogo": False, "displayModeBar": False}),
        html.P(alt, id=ids.Compare.trends_alt, className="chart-caption"),
    ], className="card section")


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    sel = resolve(atlas, params)
    codes = list(sel.areas)
    fig, alt = trends(trends_model(atlas, codes, str(sel.indicator_id), sel.lang), sel.lang)
    body = [
        html.H1(t("compare.title", sel.lang)),
        _areas_section(sel, area_names(atlas), _rug(atlas, codes, sel.lang)),
        _trends_section(sel, indicator_menu(atlas, sel.lang), fig, alt),
    ]
    return page(current_frame(), sel.lang, "compare", "/compare", sel.query("areas", "indicator"), body,
                state_page="compare", title=f"{t('compare.title', sel.lang)} – {t('app.title', sel.lang)}")


@callback(
    output={"rug": Output(ids.Compare.rug, "children"), "trends": Output(ids.Compare.trends, "figure"),
            "trends_alt": Output(ids.Compare.trends_alt, "children"),
            "state": Output(ids.url_state("compare"), "data")},
    inputs={"areas": Input(ids.Compare.areas, "value"), "indicator": Input(ids.Compare.indicator, "value")},
    state={"state": State(ids.url_state("compare"), "data")},
    prevent_initial_call=True,
)
@checked(areas=TEXTS, indicator=TEXT, state=STATE)
def update_compare(areas: list[str] | None, indicator: str, state: dict[str, Any]) -> dict[str, Any]:
    """Redraw the rug and the trends for another set of areas or indicator."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    sel = resolve(atlas, {"lang": query.get("lang"), "indicator": indicator})
    known = atlas.areas().index
    codes = [c for c in (areas or []) if c in known] if areas else []
    fig, alt = trends(trends_model(atlas, codes, str(sel.indicator_id), sel.lang), sel.lang)
    query.update({"areas": ",".join(codes) if areas else "", "indicator": sel.indicator_id})
    return {"rug": _rug(atlas, codes, sel.lang), "trends": fig, "trends_alt": alt,
            "state": {**state, "query": query}}
