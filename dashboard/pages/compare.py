"""Compare (/compare): the prioritized (or chosen) areas side by side against the city."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html

from dashboard import ids
from dashboard.context import current_atlas
from dashboard.selection import resolve
from dashboard.views import controls
from dashboard.views.rug import rug, trends
from dashboard.views.shell import guarded, page
from presentation.i18n import t

dash.register_page(__name__, path="/compare", title="Välfärdsatlas", order=1)


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    sel = resolve(atlas, params)
    codes = list(sel.areas)
    area_picker = controls.field(t("compare.areas", sel.lang), ids.Compare.areas, dcc.Dropdown(
        id=ids.Compare.areas, multi=True, value=codes, className="picker",
        options=[{"label": n, "value": c} for c, n in atlas.areas()["name"].items()],
        placeholder=t("compare.areas.placeholder", sel.lang), labels=controls.dropdown_labels(sel.lang)))
    fig, alt = trends(atlas, codes, str(sel.indicator_id), sel.lang)
    body = [
        html.H1(t("compare.title", sel.lang)),
        html.Section([html.Div(area_picker, className="compare-areas"),
                      html.H2(t("compare.rug", sel.lang)),
                      html.Div(rug(atlas, codes, sel.lang), id=ids.Compare.rug, className="table-wrap")],
                     className="card section"),
        html.Section([
            html.H2(t("compare.trends", sel.lang)),
            html.Div(controls.indicator_picker(atlas, sel.lang, ids.Compare.indicator, sel.indicator_id),
                     className="controls-row"),
            dcc.Graph(id=ids.Compare.trends, figure=fig, config={"displaylogo": False, "displayModeBar": False}),
            html.P(alt, id=ids.Compare.trends_alt, className="chart-caption"),
        ], className="card section"),
    ]
    return page(sel.lang, "compare", "/compare", sel.query("areas", "indicator"), body,
                state_page="compare", title=f"{t('compare.title', sel.lang)} – {t('app.title', sel.lang)}")


@callback(
    Output(ids.Compare.rug, "children"), Output(ids.Compare.trends, "figure"),
    Output(ids.Compare.trends_alt, "children"), Output(ids.url_state("compare"), "data"),
    Input(ids.Compare.areas, "value"), Input(ids.Compare.indicator, "value"),
    State(ids.url_state("compare"), "data"),
    prevent_initial_call=True,
)
def update_compare(areas: list[str] | None, indicator: str, state: dict[str, Any]) -> tuple[Any, ...]:
    """Redraw the rug and the trends for another set of areas or indicator."""
    atlas = current_atlas()
    state = state or {}
    query = dict(state.get("query") or {})
    sel = resolve(atlas, {"lang": query.get("lang"), "indicator": indicator})
    known = atlas.areas().index
    codes = [c for c in (areas or []) if c in known] if areas else []
    fig, alt = trends(atlas, codes, str(sel.indicator_id), sel.lang)
    query.update({"areas": ",".join(codes) if areas else "", "indicator": sel.indicator_id})
    return rug(atlas, codes, sel.lang), fig, alt, {**state, "query": query}


