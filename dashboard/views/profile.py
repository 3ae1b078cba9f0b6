"""The area profile: header facts, the summary in words, and the table by domain.

The table shows the latest period for everyone (sex ``total``); each row has
the value with its interval, the city, the difference, the comparison (symbol
and words, not colour alone), the trend, the gap trend and a spine chart.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard import palette
from dashboard.display import comparison_keys, number_format, status_text, value_text
from dashboard.figures.spine import SpineGeometry, spine_geometry
from dashboard.i18n import domain_name, indicator_name, t, unit_label
from dashboard.model import Atlas
from dashboard.numbers import format_integer, format_interval, format_number, format_signed
from dashboard.urls import href, indicator_path
from dashboard.views.controls import domains_in_order


def latest_rows(atlas: Atlas, area_code: str, sex: str = "total") -> pd.DataFrame:
    """The area's latest row per indicator (catalogue order), redacted, with swatch keys."""
    rows = atlas.area_rows(area_code)
    rows = rows[(rows["sex"].astype(str) == sex) & rows["is_latest"].astype(bool)]
    rows = rows.copy()
    rows["indicator_id"] = rows["indicator_id"].astype(str)
    order = {ind: i for i, ind in enumerate(atlas.catalogue().index)}
    rows["order"] = rows["indicator_id"].map(order)
    rows["key"] = comparison_keys(rows)
    return rows.sort_values("order")


def counts(rows: pd.DataFrame) -> tuple[int, int, int]:
    """(worse, better, total) over rows with a value."""
    keys = rows["key"]
    worse = int(keys.isin(list(palette.WORSE)).sum())
    better = int(keys.isin(list(palette.BETTER)).sum())
    return worse, better, int((keys != "no_data").sum())


def summary(rows: pd.DataFrame, lang: str) -> html.Div:
    """"11 of 30 indicators significantly worse than the city, 3 better", then per domain."""
    worse, better, total = counts(rows)
    per_domain = []
    for domain, part in rows.groupby(rows["domain"].astype(str), sort=False, observed=True):
        w, b, _ = counts(part)
        per_domain.append(html.Li(t("area.summary.domain", lang, domain=domain_name(domain, lang),
                                    worse=w, better=b)))
    return html.Div([
        html.P(t("area.summary", lang, worse=worse, total=total, better=better), className="summary"),
        html.Ul(per_domain, className="summary-domains"),
    ])


def facts(area: pd.Series, city: dict[str, Any], lang: str) -> html.Div:
    items = [html.Span([t("area.population", lang) + ": ",
                        html.Strong(format_integer(area.get("population"), lang))])]
    if area.get("prioritized"):
        items.append(html.Span(t("area.prioritized", lang), className="badge badge-prioritized"))
    return html.Div(items, className="profile-facts")


def _spine_stats(atlas: Atlas, indicator_id: str, period: str, sex: str) -> np.ndarray:
    def build() -> np.ndarray:
        part = atlas.slice(indicator_id, period, sex)
        part = part[part["level"].astype(str) != "city"]
        return part["value"].to_numpy(dtype=float)

    return atlas.derived(f"spine:{indicator_id}:{period}:{sex}", build)


def spine(geom: SpineGeometry | None, key: str, aria: str) -> Any:
    """The spine chart in CSS: range, middle half, the city line and the area's marker."""
    if geom is None:
        return html.Span("–", className="muted")
    sw = palette.COMPARISON[key]
    parts = [
        html.Span(className="spine-range", style={"left": f"{geom.left:.1f}%",
                                                  "width": f"{geom.right - geom.left:.1f}%"}),
        html.Span(className="spine-iqr", style={"left": f"{geom.q_left:.1f}%",
                                                "width": f"{geom.q_right - geom.q_left:.1f}%"}),
        html.Span(className="spine-city", style={"left": "50%"}),
    ]
    if geom.marker is not None:
        shape = " shape-down" if key in palette.WORSE else ""
        parts.append(html.Span(className="spine-marker" + shape,
                               style={"left": f"{geom.marker:.1f}%", "background": sw.fill}))
    return html.Div(parts, className="spine", role="img", **{"aria-label": aria})


def _trend_cell(trend: Any, lang: str) -> html.Span:
    arrow, tone = palette.TREND_ARROWS.get(str(trend), ("·", "not_compared"))
    colour = palette.COMPARISON[tone].fill if tone in ("better", "worse") else palette.MUTED
    return html.Span([html.Span(arrow, className="trend-arrow", style={"color": colour},
                                **{"aria-hidden": "true"}),
                      t(f"trend.{trend}", lang) if trend and str(trend) != "nan" else "–"],
                     className="trend")


def _gap_cell(gap: Any, lang: str) -> html.Span:
    mark, tone = palette.GAP_MARKS.get(str(gap), ("·", "not_compared"))
    colour = palette.COMPARISON[tone].fill if tone in ("better", "worse") else palette.MUTED
    return html.Span([html.Span(mark, className="trend-arrow", style={"color": colour},
                                **{"aria-hidden": "true"}),
                      t(f"gap.{gap}", lang) if gap and str(gap) != "nan" else "–"], className="trend")


def chip(key: str, lang: str, long: bool = False) -> html.Span:
    """The comparison as a coloured chip with its symbol and words."""
    sw = palette.COMPARISON[key]
    words = t(("cmpl." if long else "cmp.") + key, lang)
    return html.Span(f"{sw.symbol} {words}", className="chip", style={"background": sw.fill, "color": sw.text})


def _row(atlas: Atlas, r: pd.Series, area_name: str, lang: str) -> html.Tr:
    cat = atlas.catalogue().loc[r["indicator_id"]]
    d, unit = number_format(cat, lang)
    stats = _spine_stats(atlas, r["indicator_id"], str(r["period"]), "total")
    geom = spine_geometry(stats, r["city_value"], r["value"], str(r["polarity"]))
    has_value = r["key"] != "no_data"
    value = format_number(r["value"], lang, d) if has_value else status_text(r.get("status"), lang)
    aria = t("spine.aria", lang, area=area_name, value=value_text(r["value"], lang, d, unit),
             low=format_number(np.nanmin(stats) if stats.size else None, lang, d),
             high=format_number(np.nanmax(stats) if stats.size else None, lang, d),
             city=format_number(r["city_value"], lang, d))
    return html.Tr([
        html.Th([dcc.Link(indicator_name(cat, lang), className="ind-link",
                          href=href(indicator_path(r["indicator_id"]), lang)),
                 html.Span(unit_label(unit, lang), className="unit")], scope="row"),
        html.Td(str(r["period"])),
        html.Td(value, className="num" + ("" if has_value else " muted")),
        html.Td(format_interval(r["lower_ci95"], r["upper_ci95"], lang, d), className="num ci"),
        html.Td(format_number(r["city_value"], lang, d), className="num"),
        html.Td(format_signed(r["difference"], lang, d), className="num"),
        html.Td(chip(r["key"], lang)),
        html.Td(_trend_cell(r.get("trend"), lang)),
        html.Td(_gap_cell(r.get("gap_trend"), lang)),
        html.Td(spine(geom, r["key"], aria)),
    ], id={"type": "profile-row", "indicator": r["indicator_id"]})


def domain_table(atlas: Atlas, rows: pd.DataFrame, area_name: str, lang: str) -> html.Table:
    cols = [("col.indicator", ""), ("col.period", ""), ("col.value", "num"), ("col.ci", "num"),
            ("col.city", "num"), ("col.difference", "num"), ("col.comparison", ""),
            ("col.trend", ""), ("col.gap", ""), ("col.spine", "")]
    head = html.Thead(html.Tr([html.Th(t(k, lang), className=c, scope="col") for k, c in cols]))
    body: list[Any] = []
    for domain in domains_in_order(atlas):
        part = rows[rows["domain"].astype(str) == domain]
        if part.empty:
            continue
        body.append(html.Tr(html.Th(domain_name(domain, lang), colSpan=len(cols), scope="colgroup"),
                            className="domain-row"))
        body.extend(_row(atlas, r, area_name, lang) for _, r in part.iterrows())
    legend = html.Div([html.Span("◀ " + t("spine.worst", lang)), html.Span(t("spine.best", lang) + " ▶")],
                      className="spine-legend")
    return html.Table([html.Caption([t("area.table.caption", lang), legend]), head, html.Tbody(body)],
                      className="data profile-table")
