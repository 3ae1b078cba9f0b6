"""The area profile's programme sections (issue #13): "What the city is doing here" (the
gaps in words, the initiatives by sector as cards, the sector × institution-type matrix as a
table with text marks), the residents' view (survey indicators with survey, year and
respondents, beside quotes) and the places of the "About the area" card."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.urls import href, indicator_path
from dashboard.views.about import lang_tag
from dashboard.views.profile import chip
from presentation.cooperation import Cooperation, Initiative, Institution, role_text
from presentation.cooperation_places import AreaPlaces, more_text
from presentation.i18n import t
from presentation.numbers import format_integer, format_interval, format_number
from presentation.residents import ResidentsItem, ResidentsView


def _who(inst: Institution) -> Any:
    return html.Span([inst.name, html.Span(f" ({inst.type_name})", className="muted")])


def _initiative(ini: Initiative, lang: str) -> html.Li:
    partners: list[Any] = []
    for n, p in enumerate(ini.partners):
        partners += ([", "] if n else []) + [_who(p)]
    where = t("coop.city_wide", lang) if ini.city_wide else t("coop.here", lang)
    facts = [
        html.Div([html.Dt(t("coop.col.status", lang)),
                  html.Dd(html.Span(ini.status_name, className=f"status-tag status-{ini.status}"))]),
        html.Div([html.Dt(t("coop.col.period", lang)), html.Dd(ini.period)]),
        html.Div([html.Dt(t("coop.col.lead", lang)), html.Dd(_who(ini.lead))]),
        html.Div([html.Dt(t("coop.col.partners", lang)), html.Dd(partners or t("coop.no_partners", lang))]),
        html.Div([html.Dt(t("coop.col.where", lang)), html.Dd(where)]),
    ]
    body: list[Any] = [html.H4([html.Span(ini.name, lang=ini.name_lang or lang), *lang_tag(ini.name_lang, lang)],
                               className="initiative-name")]
    if ini.description:
        body.append(html.P([html.Span(ini.description, lang=ini.description_lang or lang),
                            *lang_tag(ini.description_lang, lang)], className="initiative-text"))
    return html.Li([*body, html.Dl(facts, className="initiative-facts")],
                   className=f"initiative initiative-{ini.status}")


def _matrix(coop: Cooperation, lang: str) -> html.Table:
    m = coop.matrix
    head = html.Thead(html.Tr([html.Th(t("coop.col.sector", lang), scope="col")]
                              + [html.Th(name, scope="col") for _, name in m.types]))
    rows = [html.Tr([html.Th(name, scope="row")]
                    + [html.Td(role_text(m.role(s, k), lang), className=f"role role-{m.role(s, k) or 'none'}")
                       for k, _ in m.types])
            for s, name in m.sectors]
    return html.Table([html.Caption(m.caption), head, html.Tbody(rows)], className="data coop-matrix",
                      id=ids.Area.matrix)


def cooperation_section(coop: Cooperation, lang: str) -> html.Section:
    """The initiatives by sector, the gaps in words and the matrix."""
    gaps = html.Div([html.H3(t("coop.gaps", lang)),
                     html.Ul([html.Li(g.sentence) for g in coop.gaps]) if coop.gaps
                     else html.P(coop.gaps_text)], className="coop-gaps", id=ids.Area.gaps)
    groups = ([html.Div([html.H3(g.name), html.Ul([_initiative(i, lang) for i in g.initiatives],
                                                  className="initiative-list")],
                        className=f"sector-group sector-{g.sector}") for g in coop.groups]
              if not coop.empty else [html.P(t("coop.none", lang, area=coop.area_name))])
    return html.Section([
        html.H2(t("coop.title", lang)),
        html.P(t("coop.intro", lang, area=coop.area_name), className="muted"),
        gaps,
        html.Div([html.H3(t("coop.by_sector", lang), className="sr-only"), *groups],
                 className="sector-groups", id=ids.Area.initiatives),
        html.H3(t("coop.matrix", lang)),
        html.Div(_matrix(coop, lang), className="table-wrap matrix-wide"),
        html.Ul([html.Li([html.Strong(name + ": "), coop.matrix.row_text(s, lang)])
                 for s, name in coop.matrix.sectors], className="matrix-narrow", **{"aria-hidden": "true"}),
    ], className="card section cooperation", id=ids.Area.cooperation)


def _resident_row(item: ResidentsItem, lang: str) -> html.Tr:
    d = item.decimals
    shown = item.value is not None
    value = format_number(item.value, lang, d) if shown else "–"
    respondents = format_integer(item.respondents, lang) if item.respondents is not None else "–"
    cells = [
        (t("col.value", lang), html.Td([value, html.Span(f" {item.unit}", className="unit") if shown else ""],
                                       className="num")),
        (t("col.ci", lang), html.Td(format_interval(item.lower, item.upper, lang, d), className="num ci")),
        (t("col.city", lang), html.Td(format_number(item.city_value, lang, d), className="num")),
        (t("col.comparison", lang), html.Td(chip(item.compared, lang))),
        (t("residents.col.survey", lang), html.Td(item.survey)),
        (t("residents.col.year", lang), html.Td(item.period, className="period")),
        (t("residents.col.respondents", lang), html.Td(respondents, className="num")),
    ]
    for label, cell in cells:
        setattr(cell, "data-label", label)
    name = dcc.Link(item.name, className="ind-link", href=href(indicator_path(item.indicator_id), lang))
    return html.Tr([html.Th(name, scope="row"), *[c for _, c in cells]])


def residents_section(view: ResidentsView, area_name: str, lang: str) -> html.Section:
    """The residents' assessments as a table (survey, year, respondents on every row) and
    what residents have said, as quotes."""
    parts: list[Any] = [html.H2(t("residents.title", lang)),
                        html.P(t("residents.intro", lang, area=area_name), className="muted")]
    if view.items:
        cols = ["col.indicator", "col.value", "col.ci", "col.city", "col.comparison", "residents.col.survey",
                "residents.col.year", "residents.col.respondents"]
        head = html.Thead(html.Tr([html.Th(t(c, lang), scope="col") for c in cols]))
        table = html.Table([html.Caption(t("residents.table.caption", lang)), head,
                            html.Tbody([_resident_row(i, lang) for i in view.items])],
                           className="data residents-table")
        parts.append(html.Div(table, className="table-wrap"))
    if view.quotes:
        quotes = [html.Figure([html.Blockquote([html.P([t("residents.quote", lang, text=q.text), *lang_tag(q.lang, lang)])]),
                               html.Figcaption([q.title] + ([f" – {q.source}"] if q.source else []))],
                              className="quote") for q in view.quotes]
        parts += [html.H3(t("residents.quotes", lang)), html.Div(quotes, className="quotes")]
    return html.Section(parts, className="card section residents-view", id=ids.Area.residents)


def places_block(places: AreaPlaces, area_name: str, lang: str) -> html.Div:
    """Counts per category and the first names, for the "About the area" card."""
    if not places.groups:
        items: list[Any] = [html.P(t("places.none", lang, area=area_name))]
    else:
        items = [html.Ul([html.Li([html.Strong(t("places.count", lang, category=g.name, count=g.count)),
                                   html.Br(), ", ".join(g.names)
                                   + (f" {more_text(g, lang)}" if g.more > 0 else "")])
                          for g in places.groups], className="note-list")]
    return html.Div([html.H3(t("places.title", lang)), *items], className="note-group note-places",
                    id=ids.Area.places)
