"""Layout of the /collaboration page's sections: the scores table (the chart's text
alternative), the change between rounds, where the sectors disagree most, the suppression
note and the blank form's download. Functions of the model; no callbacks here."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria
from dashboard.viewmodels.collaboration import CollaborationModel
from presentation.assessment import ALL, MIN_GROUP
from presentation.i18n import t
from presentation.numbers import format_number, format_signed


def _th(text: Any, **extra: Any) -> html.Th:
    return html.Th(text, scope="col", **extra)


def table_region(table: html.Table, label: str) -> html.Div:
    """A table that may scroll sideways on a narrow screen, reachable by the keyboard."""
    return html.Div(table, className="table-wrap", tabIndex="0", role="region", **aria(label=label))


def scores_table(model: CollaborationModel, lang: str) -> html.Table:
    """Rows: dimensions; columns: all respondents, then each shown sector, with n."""
    head = html.Thead(html.Tr([_th(t("collab.col.dimension", lang))] + [
        _th([g.label, html.Br(), html.Span(t("collab.n", lang, n=g.n), className="muted")],
            className="num") for g in model.groups]))
    body = [html.Tr([html.Th(label, scope="row")] + [
        html.Td(format_number(model.means.get((code, g.code)), lang, 1),
                className="num" + (" strong" if g.code == ALL else ""))
        for g in model.groups]) for code, label in model.dimensions]
    return html.Table([head, html.Tbody(body)], className="data collaboration-scores", id=ids.Collaboration.table)


def suppression_note(model: CollaborationModel, lang: str) -> html.P:
    if model.suppressed:
        text = t("collab.suppressed", lang, min=MIN_GROUP, sectors=", ".join(model.suppressed))
    else:
        text = t("collab.suppressed.none", lang, min=MIN_GROUP)
    return html.P(text, className="note collaboration-suppressed")


def _arrow(change: float, lang: str) -> str:
    mark = "▲ " if change >= 0.05 else "▼ " if change <= -0.05 else "● "
    return mark + format_signed(change, lang, 1)


def changes_section(model: CollaborationModel, lang: str) -> html.Section:
    """Rows: dimensions; all respondents' means in both rounds and their change, then the
    change of each sector shown in both rounds (– where it is not)."""
    if model.previous is None:
        return html.Section([html.P(t("collab.change.none", lang))], className="card section")
    by = {(c.dimension, c.group): c for c in model.changes}
    sectors = [g for g in model.groups if g.code != ALL]
    everyone = model.groups[0].label
    head = html.Thead(html.Tr([
        _th(t("collab.col.dimension", lang)),
        _th(f"{everyone}: {t('collab.col.before', lang, round=model.previous)}", className="num"),
        _th(f"{everyone}: {t('collab.col.before', lang, round=model.round)}", className="num"),
        _th(f"{everyone}: {t('collab.col.change', lang)}", className="num"),
        *(_th(f"{g.label}: {t('collab.col.change', lang)}", className="num") for g in sectors)]))
    rows = []
    for code, label in model.dimensions:
        all_ = by.get((code, ALL))
        cells = [html.Td(format_number(all_.before if all_ else None, lang, 1), className="num"),
                 html.Td(format_number(all_.after if all_ else None, lang, 1), className="num"),
                 html.Td(_arrow(all_.change, lang) if all_ else "–", className="num strong")]
        cells += [html.Td(_arrow(by[(code, g.code)].change, lang) if (code, g.code) in by else "–",
                          className="num") for g in sectors]
        rows.append(html.Tr([html.Th(label, scope="row"), *cells]))
    return html.Section([
        html.H2(t("collab.change", lang, before=model.previous, after=model.round)),
        html.P(t("collab.change.note", lang, min=MIN_GROUP), className="chart-caption"),
        table_region(html.Table([head, html.Tbody(rows)], className="data", id=ids.Collaboration.changes),
                     t("collab.change", lang, before=model.previous, after=model.round)),
    ], className="card section")


def spreads_section(model: CollaborationModel, lang: str) -> html.Section:
    title = html.H2(t("collab.disagree", lang, round=model.round))
    if not model.spreads:
        return html.Section([title, html.P(t("collab.disagree.none", lang))], className="card section")
    head = html.Thead(html.Tr([
        _th(t("collab.col.what", lang)), _th(t("collab.col.spread", lang), className="num"),
        _th(t("collab.col.highest", lang)), _th(t("collab.col.lowest", lang))]))
    rows = [html.Tr([html.Th([s.what] if s.what == s.dimension else
                             [s.what, html.Br(), html.Span(s.dimension, className="muted")], scope="row"),
                     html.Td(format_number(s.spread, lang, 1), className="num"),
                     html.Td(f"{s.high} ({format_number(s.high_mean, lang, 1)})"),
                     html.Td(f"{s.low} ({format_number(s.low_mean, lang, 1)})")]) for s in model.spreads]
    return html.Section([
        title, html.P(t("collab.disagree.note", lang, min=MIN_GROUP), className="chart-caption"),
        table_region(html.Table([head, html.Tbody(rows)], className="data", id=ids.Collaboration.spreads),
                     t("collab.disagree", lang, round=model.round)),
    ], className="card section")


def form_section(lang: str) -> html.Section:
    return html.Section([
        html.H2(t("collab.form", lang)),
        html.P(t("collab.form.text", lang)),
        html.Div([html.Button("↓ " + t("collab.form.download", lang), id=ids.Collaboration.download_button,
                              className="button", n_clicks=0),
                  html.Div(id=ids.Collaboration.download_status, role="status"),
                  dcc.Download(id=ids.Collaboration.download)], className="downloads"),
    ], className="card section")


def round_links(model: CollaborationModel, lang: str, href: Any) -> html.Nav | None:
    """Links to the other rounds (each a shareable address)."""
    if len(model.rounds) < 2:
        return None
    links = [html.Strong(str(r), className="nav-link active") if r == model.round else
             dcc.Link(str(r), href=href(r), className="nav-link") for r in model.rounds]
    return html.Nav([html.Span(t("collab.rounds", lang) + ": ", className="muted"), *links],
                    className="collaboration-rounds", **aria(label=t("collab.rounds", lang)))
