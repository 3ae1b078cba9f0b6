"""About the data (/about): the indicator catalogue and the load history."""

from __future__ import annotations

from typing import Any

import dash
import pandas as pd
from dash import dcc, html

from dashboard.context import current_atlas
from dashboard.model import Atlas
from dashboard.urls import first, href, indicator_path
from dashboard.views.controls import domains_in_order
from dashboard.views.shell import guarded, page
from presentation.i18n import (
    catalogue_text,
    domain_name,
    indicator_name,
    normalize_lang,
    t,
    unit_label,
    vocab,
)
from presentation.numbers import format_integer

dash.register_page(__name__, path="/about", title="Välfärdsatlas", order=3)


def catalogue_table(atlas: Atlas, lang: str) -> html.Table:
    cat = atlas.catalogue()
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                               ("col.indicator", "ind.definition", "ind.unit", "ind.polarity", "ind.source")]))
    body: list[Any] = []
    for domain in domains_in_order(atlas):
        body.append(html.Tr(html.Th(domain_name(domain, lang), colSpan=5, scope="colgroup"), className="domain-row"))
        for ind_id, row in cat[cat["domain"].astype(str) == domain].iterrows():
            desc = catalogue_text(row, "description", lang)
            body.append(html.Tr([
                html.Th(dcc.Link(indicator_name(row, lang), href=href(indicator_path(str(ind_id)), lang),
                                 className="ind-link"), scope="row"),
                html.Td(desc if desc != ind_id else (row.get("definition") or "–")),
                html.Td(unit_label(row.get("unit"), lang) or "–"),
                html.Td(t(f"polarity.{row['polarity']}", lang)),
                html.Td(str(row.get("source") or "–")),
            ]))
    return html.Table([head, html.Tbody(body)], className="data")


def _when(value: Any) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _file_item(f: Any, lang: str) -> html.Li:
    return html.Li([html.Code(str(f.path)), f" ({vocab('file', f.kind, lang)}, ",
                    t("about.rows", lang, count=f.rows, rows=format_integer(f.rows, lang)), ") ",
                    html.Span(str(f.sha256)[:12], className="muted", title=str(f.sha256))])


def batches_table(atlas: Atlas, lang: str) -> html.Table:
    batches, files = atlas.batches()
    head = html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in
                               ("about.col.when", "about.col.status", "about.col.counts",
                                "about.col.config", "about.col.files")]))
    body = []
    b: Any
    for b in batches.itertuples(index=False):
        mine = files[files["batch_id"] == b.id]
        listing = html.Ul([_file_item(f, lang) for f in mine.itertuples(index=False)],
                          style={"margin": 0, "paddingLeft": "1rem"})
        counts = " / ".join(format_integer(v, lang) for v in (b.areas_loaded, b.indicators_loaded, b.values_loaded))
        body.append(html.Tr([html.Td(_when(b.finished_at or b.started_at)), html.Td(vocab("batch", b.status, lang)),
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
        html.Section([html.H2(t("about.catalogue", lang)),
                      html.Div(catalogue_table(atlas, lang), className="table-wrap")], className="card section"),
        html.Section([html.H2(t("about.batches", lang)),
                      html.Div(batches_table(atlas, lang), className="table-wrap")], className="card section"),
    ]
    return page(lang, "about", "/about", {"lang": lang}, body, state_page="about",
                title=f"{t('about.title', lang)} – {t('app.title', lang)}")
