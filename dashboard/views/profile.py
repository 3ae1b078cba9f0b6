"""The area profile: header facts, the summary in words, and the table by domain.

The table shows the area's headline rows (one per indicator: sex ``total``, its
headline age group, its latest period with data); each row has the value with its
interval, the city, the difference, the comparison (symbol and words, not colour
alone), the trend, the gap trend and a spine chart.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard.display import aria, status_text, value_text
from dashboard.figures.spine import SpineGeometry
from dashboard.urls import href, indicator_path
from dashboard.viewmodels.profile import AreaFacts, ProfileRow, ProfileTable
from dashboard.views.targets import target_cell
from indicators import outcome_counts
from presentation import palette
from presentation.i18n import domain_name, t
from presentation.numbers import format_integer, format_interval, format_number, format_signed
from presentation.periods import period_text


def summary(rows: pd.DataFrame, lang: str) -> html.Div:
    """"11 of 30 indicators significantly worse than the city, 3 better", then per domain.

    Counts the outcomes of ``rows`` (the headline rows) with ``indicators.outcome_counts``,
    domains in order of appearance; the total is ``compared``: the indicators with a
    comparison against the city (not the suppressed, missing or untestable ones)."""
    counts = outcome_counts(rows, sort=False)
    overall = counts.iloc[0]
    domains = counts.iloc[1:]
    per_domain = [
        html.Li(t("area.summary.domain", lang, domain=domain_name(d, lang), worse=int(w), better=int(b)))
        for d, w, b in zip(domains["domain"], domains["worse"], domains["better"], strict=True)
    ]
    return html.Div([
        html.P(t("area.summary", lang, worse=int(overall["worse"]), total=int(overall["compared"]),
                 better=int(overall["better"])), className="summary"),
        html.Ul(per_domain, className="summary-domains"),
    ])


def facts(area: AreaFacts, lang: str) -> html.Div:
    known = area.population is not None
    number = format_integer(area.population, lang) if known else t("area.population.unknown", lang)
    when = [f" ({period_text(area.population_period)})"] if known and area.population_period else []
    items = [html.Span([t("area.population", lang) + ": ", html.Strong(number), *when])]
    if area.prioritized:
        items.append(html.Span(t("area.prioritized", lang), className="badge badge-prioritized"))
    return html.Div(items, className="profile-facts")


def _band(left: float, right: float, colour: str) -> str:
    return (f"linear-gradient(to right, transparent {left:.1f}%, {colour} {left:.1f}%, "
            f"{colour} {right:.1f}%, transparent {right:.1f}%)")


def spine(geom: SpineGeometry | None, key: str, label: str) -> Any:
    """The spine chart in CSS: range, middle half and the city line as one element's
    backgrounds, and the area's marker (round, or a diamond when worse)."""
    if geom is None:
        return html.Span("–", className="muted")
    # no city value: a blank first layer (the stylesheet sizes three layers), no city line
    city = "linear-gradient(transparent, transparent)" if geom.city is None else _band(
        geom.city - 0.6, geom.city + 0.6, "#111")
    style = {"background": ", ".join([city, _band(geom.q_left, geom.q_right, "#a9b3bf"),
                                      _band(geom.left, geom.right, "#d9dee5")])}
    marker = [] if geom.marker is None else [html.Span(
        className="spine-marker" + (" shape-down" if key in palette.WORSE else ""),
        style={"left": f"{geom.marker:.1f}%", "background": palette.COMPARISON[key].fill})]
    return html.Div(marker, className="spine", role="img", style=style, **aria(label=label))


def _trend_cell(trend: Any, lang: str) -> html.Td:
    """The trend in words; the arrow comes from the stylesheet (``.trend-<outcome>::before``)."""
    known = str(trend) in palette.TREND_ARROWS
    return html.Td(t(f"trend.{trend}", lang) if known else "–",
                   className=f"trend trend-{trend}" if known else "trend")


def _gap_cell(gap: Any, lang: str) -> html.Td:
    known = str(gap) in palette.GAP_MARKS
    return html.Td(t(f"gap.{gap}", lang) if known else "–",
                   className=f"trend gap-{gap}" if known else "trend")


def chip(key: str, lang: str, long: bool = False) -> html.Span:
    """The comparison as a coloured chip with its symbol and words."""
    sw = palette.COMPARISON[key]
    words = t(("cmpl." if long else "cmp.") + key, lang)
    return html.Span(f"{sw.symbol} {words}", className="chip", style={"background": sw.fill, "color": sw.text})


LABELLED = ("col.period", "col.value", "col.ci", "col.city", "col.difference", "col.comparison", "col.trend",
            "col.gap", "col.target", "col.spine")


def _labelled(cells: list[Any], lang: str) -> list[Any]:
    """Each data cell with its column's name as ``data-label`` (the phone's cards show it)."""
    keys = LABELLED if len(cells) == len(LABELLED) else [k for k in LABELLED if k != "col.target"]
    for cell, key in zip(cells, keys, strict=True):
        setattr(cell, "data-label", t(key, lang))
    return cells


def _cells(r: dict[str, Any], d: int, lang: str, last: Any, target: html.Td | None = None) -> list[Any]:
    """A row's data cells: period, value, CI, city, difference, comparison, trends, ``target``
    (when the table has a target column), ``last``."""
    has_value = r["key"] != "no_data"
    value = format_number(r["value"], lang, d) if has_value else status_text(r.get("status"), lang)
    return _labelled([
        html.Td(period_text(r["period"]), className="period"),
        html.Td(value, className="num" + ("" if has_value else " muted")),
        html.Td(format_interval(r["lower_ci95"], r["upper_ci95"], lang, d), className="num ci"),
        html.Td(format_number(r["city_value"], lang, d), className="num"),
        html.Td(format_signed(r["difference"], lang, d), className="num"),
        html.Td(chip(r["key"], lang)),
        _trend_cell(r.get("trend"), lang),
        _gap_cell(r.get("gap_trend"), lang),
        *([] if target is None else [target]),
        html.Td(last, className="spine-cell"),
    ], lang)


def _row(row: ProfileRow, area_name: str, lang: str, targets: bool = False) -> html.Tr:
    r, ind = row.record, row.indicator
    d, unit = ind.decimals, ind.unit
    label = t("spine.aria", lang, area=area_name, value=value_text(r["value"], lang, d, unit),
              low=format_number(row.low, lang, d), high=format_number(row.high, lang, d),
              city=format_number(r["city_value"], lang, d))
    return html.Tr([
        html.Th([dcc.Link(ind.name, className="ind-link", href=href(indicator_path(ind.id), lang)),
                 html.Span(unit, className="unit")], scope="row"),
        *_cells(r, d, lang, spine(row.spine, r["key"], label), target_cell(row.target, lang, d, unit) if targets else None),
    ])


def _age_row(r: dict[str, Any], label: str, d: int, lang: str, targets: bool = False) -> html.Tr:
    """One more age group of the indicator above: the same columns, no spine (nor target)."""
    return html.Tr([html.Th(f"{t('col.age', lang)}: {label}", scope="row", className="age-label"),
                    *_cells(r, d, lang, "", html.Td("", className="target") if targets else None)],
                   className="age-row")


def domain_table(table: ProfileTable, lang: str) -> html.Table:
    cols = [("col.indicator", ""), ("col.period", ""), ("col.value", "num"), ("col.ci", "num"),
            ("col.city", "num"), ("col.difference", "num"), ("col.comparison", ""),
            ("col.trend", ""), ("col.gap", ""), ("col.target", ""), ("col.spine", "")]
    targets = any(row.target is not None for section in table.sections for row in section.rows)
    if not targets:  # a city without targets: no empty column
        cols.remove(("col.target", ""))
    spine_legend = html.Div([html.Span("◀ " + t("spine.worst", lang)), html.Span(t("spine.best", lang) + " ▶")],
                            className="spine-legend")
    head = html.Thead(html.Tr([html.Th(t(k, lang), className=c, scope="col") for k, c in cols[:-1]]
                              + [html.Th([t(cols[-1][0], lang), spine_legend], scope="col")]))
    body: list[Any] = []
    for section in table.sections:
        body.append(html.Tr(html.Th(domain_name(section.domain, lang), colSpan=len(cols), scope="colgroup"),
                            className="domain-row"))
        for row in section.rows:
            body.append(_row(row, table.area_name, lang, targets))
            body.extend(_age_row(age.record, age.label, row.indicator.decimals, lang, targets) for age in row.ages)
    return html.Table([html.Caption(t("area.table.caption", lang)), head, html.Tbody(body)],
                      className="data profile-table")
