"""About the data (/about): the indicator catalogue and the load history."""

from __future__ import annotations

from typing import Any

import dash
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.context import current_atlas, current_frame
from dashboard.guard import guarded
from dashboard.hardening import InvalidInput
from dashboard.inputs import CLICKS, STATE, checked
from dashboard.urls import first, href, indicator_path
from dashboard.viewmodels.about_data import (
    CatalogueEntry,
    Load,
    LoadedFile,
    catalogue_entries,
    load_history,
)
from dashboard.viewmodels.programme_reports import programme_entries
from dashboard.views.programme_reports import programme_reports
from dashboard.views.shell import page
from presentation.i18n import domain_name, normalize_lang, t, vocab
from presentation.numbers import format_integer

dash.register_page(__name__, path="/about", title="Välfärdsatlas", order=3)


def catalogue_table(sections: list[tuple[str, tuple[CatalogueEntry, ...]]], lang: str) -> html.Table:
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                               ("col.indicator", "ind.definition", "ind.unit", "ind.polarity", "ind.source")]))
    body: list[Any] = []
    for domain, entries in sections:
        body.append(html.Tr(html.Th(domain_name(domain, lang), colSpan=5, scope="colgroup"), className="domain-row"))
        body.extend(html.Tr([
            html.Th(dcc.Link(e.name, href=href(indicator_path(e.id), lang), className="ind-link"), scope="row"),
            html.Td(e.description), html.Td(e.unit), html.Td(t(f"polarity.{e.polarity}", lang)),
            html.Td(e.source),
        ]) for e in entries)
    return html.Table([head, html.Tbody(body)], className="data")


def _when(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _file_item(f: LoadedFile, lang: str) -> html.Li:
    return html.Li([html.Code(str(f.path)), f" ({vocab('file', f.kind, lang)}, ",
                    t("about.rows", lang, count=f.rows, rows=format_integer(f.rows, lang)), ") ",
                    html.Span(str(f.sha256)[:12], className="muted", title=str(f.sha256))])


def batches_table(loads: tuple[Load, ...], lang: str) -> html.Table:
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                               ("about.col.when", "about.col.status", "about.col.counts",
                                "about.col.config", "about.col.files")]))
    body = []
    for b in loads:
        listing = html.Ul([_file_item(f, lang) for f in b.files], style={"margin": 0, "paddingLeft": "1rem"})
        counts = " / ".join(format_integer(v, lang) for v in b.counts)
        body.append(html.Tr([html.Td(_when(b.when)), html.Td(vocab("batch", b.status, lang)),
                             html.Td(counts, className="num"), html.Td(html.Code(str(b.config_path or "–"))),
                             html.Td(listing)]))
    return html.Table([head, html.Tbody(body)], className="data")


@guarded
def layout(**params: Any) -> Any:
    atlas = current_atlas()
    lang = normalize_lang(first(params.get("lang")))
    body = [
        html.H1(t("about.title", lang)),
        html.P(t("about.intro", lang), className="lead"),
        programme_reports(programme_entries(atlas, lang), lang),
        html.Section([html.H2(t("about.catalogue", lang)),
                      html.Div(catalogue_table(catalogue_entries(atlas, lang), lang), className="table-wrap")],
                     className="card section"),
        html.Section([html.H2(t("about.batches", lang)),
                      html.Div(batches_table(load_history(atlas), lang), className="table-wrap")],
                     className="card section"),
    ]
    return page(current_frame(), lang, "about", "/about", {"lang": lang}, body, state_page="about",
                title=f"{t('about.title', lang)} – {t('app.title', lang)}")


@callback(
    output={"data": Output(ids.About.programme_download, "data"),
            "error": Output(ids.About.programme_download_error, "children")},
    inputs={"clicks": Input({"type": ids.About.programme_download_button, "programme": ALL}, "n_clicks")},
    state={"state": State(ids.url_state("about"), "data")},
    prevent_initial_call=True,
)
@checked(clicks=CLICKS, state=STATE)
def download_programme_report(clicks: list[int], state: dict[str, Any]) -> dict[str, Any]:
    """The clicked programme's annual implementation report (PDF) for its latest year, in
    the page's language, as ``wellbeing report programme`` writes it."""
    from reports.programme_report import render_programme_report  # fpdf2: loaded on first download

    if not any(clicks) or not isinstance(ctx.triggered_id, dict):
        return {"data": no_update, "error": no_update}
    programme = str(ctx.triggered_id.get("programme"))
    lang = normalize_lang(((state or {}).get("query") or {}).get("lang"))
    atlas = current_atlas()
    with atlas.pinned():  # the snapshot and its comparison table from one load batch
        snapshot, table = atlas.snapshot(), atlas.comparisons()
        entry = next((e for e in programme_entries(atlas, lang) if e.id == programme), None)
    if entry is None:
        raise InvalidInput(f"download_programme_report: no programme {programme[:40]!r}")
    content, filename, _mime = render_programme_report(snapshot, table, entry.id, entry.latest_year,
                                                       "pdf", lang)
    return {"data": dcc.send_bytes(content, filename), "error": None}
