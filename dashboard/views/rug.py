"""The "tartan rug": indicators × areas, each cell the value with its interval, coloured and
marked by comparison; the period per row (a cell from an older period says so); a legend
of the comparison colours and symbols; the trends as small multiples."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.display import aria, value_text
from dashboard.figures.charts import domain_multiples, small_multiples
from dashboard.urls import area_path, href, indicator_path
from dashboard.viewmodels.compare import DomainTrends, Rug, RugCell, RugRow, Trends
from dashboard.views.targets import grid_mark, grid_note
from presentation import palette
from presentation.i18n import domain_name, t
from presentation.numbers import format_interval
from presentation.periods import period_short, period_text


def _extra(cell: RugCell, lang: str, d: int, row_period: str) -> tuple[list[Any], str]:
    """The cell's interval and, when it is older than the row's, its period: (small print,
    the same in words for its label)."""
    ci = format_interval(cell.lower, cell.upper, lang, d)
    parts = [ci] if ci != "–" else []
    if cell.period and cell.period != row_period:
        parts.append(period_text(cell.period))
    small = [html.Br(), html.Small(" · ".join(parts), className="cell-extra")] if parts else []
    return small, (" (" + ", ".join(parts) + ")") if parts else ""


def _cell(cell: RugCell | None, lang: str, d: int, unit: str, area: str, city: bool, row_period: str) -> html.Td:
    if cell is None:
        return html.Td("–", className="cell", style={"background": palette.COMPARISON["no_data"].fill})
    text = value_text(cell.value, lang, d, unit)
    small, said = _extra(cell, lang, d, row_period)
    if city:
        return html.Td([text, *grid_mark(cell.target, lang), *small], className="cell city",
                       title=f"{area}: {text}{said}")
    sw = palette.COMPARISON[cell.key]
    words = t(f"cmpl.{cell.key}", lang)
    if cell.key == "no_data":
        return html.Td(text, className="cell", title=f"{area}: {words}",
                       style={"background": sw.fill, "color": sw.text})
    return html.Td([f"{sw.symbol} {text}", *grid_mark(cell.target, lang), *small], className="cell", title=f"{area}: {text}{said} — {words}",
                   style={"background": sw.fill, "color": sw.text}, **aria(label=f"{text}{said}, {words}"))


def legend(lang: str) -> html.Div:
    """Every comparison's colour, symbol and words."""
    items = []
    for key in palette.MAP_ORDER:
        sw = palette.COMPARISON[key]
        items.append(html.Li(html.Span(f"{sw.symbol} {t(f'cmpl.{key}', lang)}", className="chip",
                                       style={"background": sw.fill, "color": sw.text})))
    return html.Div([html.H3(t("compare.legend", lang), className="field-label"),
                     html.Ul(items, className="rug-legend")], className="rug-legend-block")


def rug(model: Rug, lang: str) -> Any:
    """The rug table, or a hint when no area is chosen."""
    if not model.areas:
        return html.P(t("compare.empty", lang), className="muted")
    head = html.Thead(html.Tr([
        html.Th(t("col.indicator", lang), scope="col"), html.Th(t("col.period", lang), scope="col"),
        html.Th(t("col.city", lang), scope="col"),
        *[html.Th(dcc.Link(name, href=href(area_path(code), lang)), scope="col") for code, name in model.areas],
    ]))
    body: list[Any] = []
    for section in model.sections:
        body.append(html.Tr(html.Th(domain_name(section.domain, lang), colSpan=len(model.areas) + 3,
                                    scope="colgroup"), className="domain-row"))
        body.extend(_rug_row(row, model, lang) for row in section.rows)
    marked = any(c is not None and c.target is not None for s in model.sections for r in s.rows
                 for c in (r.city, *r.cells))
    caption = [t("compare.rug.caption", lang), *(grid_note(lang) if marked else [])]
    return html.Table([html.Caption(caption), head, html.Tbody(body)], className="rug")


def _rug_row(row: RugRow, model: Rug, lang: str) -> html.Tr:
    ind = row.indicator
    d, unit = ind.decimals, ind.unit
    cells = [_cell(cell, lang, d, unit, name, False, row.period) for cell, (_code, name) in
             zip(row.cells, model.areas, strict=True)]
    city = _cell(row.city, lang, d, unit, t("col.city", lang), True, row.period)
    if row.age:  # another age group of the indicator above: indented, named by its ages
        head = html.Th([html.Span(f"{ind.name}, ", className="sr-only"), row.age], scope="row",
                       className="age-label")
        return html.Tr([head, html.Td(period_text(row.period) if row.period else "–", className="period"),
                        city, *cells], className="age-row")
    return html.Tr([html.Th(dcc.Link(ind.name, href=href(indicator_path(ind.id), lang)), scope="row"),
                    html.Td(period_text(row.period) if row.period else "–", className="period"),
                    city, *cells])


def trends(model: Trends, lang: str) -> tuple[Any, str]:
    """Side-by-side trends of the chosen areas against the city, and a text alternative."""
    ind = model.indicator
    d, unit = ind.decimals, ind.unit
    panels = [(name, frame.assign(period=frame["period"].map(period_short))) for name, frame in model.panels]
    city = model.city.assign(period=model.city["period"].map(period_short))
    fig = small_multiples(panels, city, lang, d, t("chart.city", lang), unit)
    latest = [f"{name}: {value_text(frame['value'].iloc[-1] if len(frame) else None, lang, d, unit)}"
              for name, frame in model.panels]
    return fig, f"{ind.name} — " + "; ".join(latest)


def domain_trends(model: DomainTrends, lang: str) -> tuple[Any, str]:
    """A domain's indicators as small multiples (the chosen areas against the city in each),
    and a text alternative: each indicator's latest value per area."""
    city_label = t("chart.city", lang)
    panels = [(p.indicator.name, [(name, f.assign(period=f["period"].map(period_short))) for name, f in p.areas],
               p.city.assign(period=p.city["period"].map(period_short)), p.indicator.decimals, p.indicator.unit)
              for p in model.panels]
    fig = domain_multiples(panels, lang, city_label)
    said = []
    for p in model.panels:
        d, unit = p.indicator.decimals, p.indicator.unit
        values = ", ".join(f"{name} {value_text(f['value'].iloc[-1] if len(f) else None, lang, d, unit)}"
                           for name, f in p.areas)
        said.append(f"{p.indicator.name}: {values}")
    title = t("compare.trends.domain_title", lang, domain=domain_name(model.domain, lang))
    return fig, f"{title} — " + "; ".join(said) + "."
