"""The "tartan rug": indicators × areas, each cell the value, coloured and marked by comparison."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.display import aria, value_text
from dashboard.figures.charts import small_multiples
from dashboard.urls import area_path, href, indicator_path
from dashboard.viewmodels.compare import Rug, RugCell, RugRow, Trends
from presentation import palette
from presentation.i18n import domain_name, t


def _cell(cell: RugCell | None, lang: str, d: int, unit: str, area: str, city: bool) -> html.Td:
    if cell is None:
        return html.Td("–", className="cell", style={"background": palette.COMPARISON["no_data"].fill})
    text = value_text(cell.value, lang, d, unit)
    if city:
        return html.Td(text, className="cell city", title=f"{area}: {text}")
    sw = palette.COMPARISON[cell.key]
    words = t(f"cmpl.{cell.key}", lang)
    if cell.key == "no_data":
        return html.Td(text, className="cell", title=f"{area}: {words}",
                       style={"background": sw.fill, "color": sw.text})
    return html.Td(f"{sw.symbol} {text}", className="cell", title=f"{area}: {text} — {words}",
                   style={"background": sw.fill, "color": sw.text}, **aria(label=f"{text}, {words}"))


def rug(model: Rug, lang: str) -> Any:
    """The rug table, or a hint when no area is chosen."""
    if not model.areas:
        return html.P(t("compare.empty", lang), className="muted")
    head = html.Thead(html.Tr([
        html.Th(t("col.indicator", lang), scope="col"), html.Th(t("col.city", lang), scope="col"),
        *[html.Th(dcc.Link(name, href=href(area_path(code), lang)), scope="col") for code, name in model.areas],
    ]))
    body: list[Any] = []
    for section in model.sections:
        body.append(html.Tr(html.Th(domain_name(section.domain, lang), colSpan=len(model.areas) + 2,
                                    scope="colgroup"), className="domain-row"))
        body.extend(_rug_row(row, model, lang) for row in section.rows)
    return html.Table([html.Caption(t("compare.rug.caption", lang)), head, html.Tbody(body)],
                      className="rug")


def _rug_row(row: RugRow, model: Rug, lang: str) -> html.Tr:
    ind = row.indicator
    d, unit = ind.decimals, ind.unit
    cells = [_cell(cell, lang, d, unit, name, False) for cell, (_code, name) in
             zip(row.cells, model.areas, strict=True)]
    city = _cell(row.city, lang, d, unit, t("col.city", lang), True)
    return html.Tr([html.Th(dcc.Link(ind.name, href=href(indicator_path(ind.id), lang)), scope="row"),
                    city, *cells])


def trends(model: Trends, lang: str) -> tuple[Any, str]:
    """Side-by-side trends of the chosen areas against the city, and a text alternative."""
    ind = model.indicator
    d, unit = ind.decimals, ind.unit
    fig = small_multiples(list(model.panels), model.city, lang, d, t("chart.city", lang), unit)
    latest = [f"{name}: {value_text(frame['value'].iloc[-1] if len(frame) else None, lang, d, unit)}"
              for name, frame in model.panels]
    return fig, f"{ind.name} — " + "; ".join(latest)
