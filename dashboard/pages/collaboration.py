"""Collaboration (/collaboration): the cross-sector collaboration self-assessment by
dimension and sector, its change between rounds, where the sectors disagree most, and
the blank form to download in the page's language."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.figures.collaboration import scores_figure
from dashboard.guard import guarded
from dashboard.inputs import STATE, VERSION, checked
from dashboard.model import Atlas
from dashboard.urls import first, href
from dashboard.viewmodels.collaboration import CollaborationModel, collaboration_model
from dashboard.views.collaboration_view import (
    changes_section,
    form_section,
    round_links,
    scores_table,
    spreads_section,
    suppression_note,
    table_region,
)
from dashboard.views.graphs import graph_config
from dashboard.views.shell import page
from presentation.assessment_template import form_version, form_xlsx
from presentation.i18n import normalize_lang, t

dash.register_page(__name__, path="/collaboration", title="Välfärdsatlas", order=4)
PATH = "/collaboration"


def _model(atlas: Atlas, round_: int | None, lang: str) -> CollaborationModel:
    return atlas.cached(("collaboration", round_, lang), lambda: collaboration_model(atlas, round_, lang))


def _round(value: Any) -> int | None:
    text = str(first(value) or "")
    return int(text) if text.isdigit() and len(text) == 4 else None


def _scores_section(model: CollaborationModel, lang: str) -> html.Section:
    n = model.groups[0].n if model.groups else 0
    return html.Section([
        html.H2(t("collab.scores", lang, round=model.round)),
        html.P(t("collab.respondents", lang, n=n), className="muted"),
        dcc.Graph(id=ids.Collaboration.chart, figure=scores_figure(model, lang),
                  config=graph_config(lang, displayModeBar=False)),
        html.P(t("collab.chart.caption", lang), className="chart-caption"),
        table_region(scores_table(model, lang), t("collab.scores", lang, round=model.round)),
        suppression_note(model, lang),
    ], className="card section")


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    model = _model(atlas, _round(params.get("round")), lang)
    body: list[Any] = [html.H1(t("collab.title", lang)), html.P(t("collab.intro", lang), className="lead")]
    if model.empty:
        body.append(html.Section(html.P(t("collab.none", lang)), className="card section"))
    else:
        links = round_links(model, lang, lambda r: href(PATH, lang, round=r))
        body += [links] if links is not None else []
        body += [_scores_section(model, lang), changes_section(model, lang), spreads_section(model, lang)]
    if model.has_form:
        body.append(form_section(lang))
    query = {"lang": lang, "round": model.round if _round(params.get("round")) else None}
    return page(current_frame(), lang, "collaboration", PATH, query, body, state_page="collaboration",
                title=f"{t('collab.title', lang)} – {t('app.title', lang)}")


@callback(
    output={"data": Output(ids.Collaboration.download, "data"),
            "status": Output(ids.Collaboration.download_status, "children")},
    inputs={"clicks": Input(ids.Collaboration.download_button, "n_clicks")},
    state={"state": State(ids.url_state("collaboration"), "data")},
    prevent_initial_call=True,
)
@checked(clicks=VERSION, state=STATE)
def download_form(clicks: Any, state: dict[str, Any]) -> dict[str, Any]:
    """The blank form (XLSX) in the page's language, made from the stored statements."""
    if not clicks:
        return {"data": no_update, "status": no_update}
    lang = normalize_lang(first(((state or {}).get("query") or {}).get("lang")))
    statements = current_atlas().snapshot().programme["assessment_statements"]
    if statements.empty:
        return {"data": no_update, "status": t("collab.none", lang)}
    data = form_xlsx(statements, lang, form_version(statements))
    return {"data": dcc.send_bytes(data, f"{t('collab.form.file', lang)}_{lang}.xlsx"), "status": None}
