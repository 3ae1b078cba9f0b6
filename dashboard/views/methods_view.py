"""The indicator page's method blocks: inequality within the city (a headline sentence,
the deciles with the fitted SII line, the SII over time) and the funnel plot.

Each block is always in the page (its callback redraws it for another period, sex or age
group); what does not apply is hidden, with a short note where the reader would look for it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.display import aria, value_text
from dashboard.figures.methods import funnel_figure, gap_trend_figure, inequality_figure
from dashboard.viewmodels.methods import FunnelModel, InequalityModel
from presentation import palette
from presentation.i18n import t
from presentation.inequality import gap_unit, headline
from presentation.numbers import format_interval, format_number

GRAPH_CONFIG: Any = {"displaylogo": False, "displayModeBar": False}
Chart = tuple[dict[str, Any], str]
TRENDS = ("narrowing", "widening", "stable", "not_enough_data")
FUNNEL_KEYS = ("much_better", "better", "similar", "worse", "much_worse", "higher", "lower")


def inequality_text(model: InequalityModel, lang: str) -> str:
    """The block's sentence: the gap and its trend, or why there is none."""
    name = model.indicator.name
    if model.measure is None:
        return t("ineq.no_measure", lang)
    if model.is_measure:
        return t("ineq.is_measure", lang, indicator=name)
    if not model.headline_age:
        return t("ineq.other_age", lang)
    if model.row is None:
        return t("ineq.none", lang, indicator=name, measure=model.measure)
    unit = gap_unit(model.value_type, model.indicator.unit, lang)
    sentence = headline(pd.Series(model.row), name, unit, model.indicator.decimals, model.measure, lang)
    return sentence.replace("  ", " ")  # a unitless value (a ratio) leaves two spaces


def inequality_chart(model: InequalityModel, lang: str) -> Chart:
    """The deciles, the fitted line and the city; and the chart in words."""
    ind, row = model.indicator, model.row or {}
    if not model.shown:
        return {"data": [], "layout": {}}, ""
    city = value_text(model.city_value, lang, ind.decimals, ind.unit)
    labels = {"points": t("ineq.decile", lang, measure=model.measure),
              "fitted": t("ineq.fitted", lang), "city": f"{t('chart.city', lang)} {city}",
              "x": t("ineq.x", lang), "most": t("ineq.most", lang),
              "least": t("ineq.least", lang)}
    points = model.points.assign(hover=[t("ineq.hover", lang, decile=int(d), areas=int(a))
                                        for d, a in zip(model.points["decile"], model.points["areas"], strict=True)])
    fitted = (float(row["fitted_most_deprived"]), float(row["fitted_least_deprived"]))
    fig = inequality_figure(points, fitted, model.city_value, labels, lang, ind.decimals, ind.unit)
    values = model.points["value"].tolist()
    alt = t("ineq.alt", lang, indicator=ind.name, period=model.period,
            most=value_text(values[0], lang, ind.decimals, ind.unit),
            least=value_text(values[-1], lang, ind.decimals, ind.unit))
    return fig, alt


def gap_trend_chart(model: InequalityModel, lang: str) -> Chart:
    """The gap over the periods ("is the gap closing?") and the chart in words."""
    ind, trend = model.indicator, model.trend
    if not model.shown or len(trend) < 2:
        return {"data": [], "layout": {}}, t("ineq.trend.too_short", lang) if model.shown else ""
    unit = gap_unit(model.value_type, ind.unit, lang)
    labels = {"gap": t("ineq.gap_axis", lang), "y": unit}
    fig = gap_trend_figure(trend, labels, lang, ind.decimals, ind.unit if unit == ind.unit else "")
    first, last = trend.iloc[0], trend.iloc[-1]
    trend_key = last["trend"] if last["trend"] in TRENDS else "not_enough_data"
    alt = t("ineq.trend.alt", lang, first=first["period"], last=last["period"],
            start=format_number(first["gap"], lang, ind.decimals), end=format_number(last["gap"], lang, ind.decimals),
            trend=t(f"ineq.trend.{trend_key}", lang))
    return fig, alt


def _graph(component_id: str, alt_id: str, chart: Chart, height: int) -> list[Any]:
    fig, alt = chart
    return [dcc.Graph(id=component_id, figure=fig, config=GRAPH_CONFIG, style={"minHeight": f"{height}px"}),
            html.P(alt, id=alt_id, className="chart-caption", **aria(live="polite"))]


def inequality_section(model: InequalityModel, lang: str) -> html.Section:
    """The block: title, sentence, the two charts side by side (hidden when not shown)."""
    charts = html.Div([
        html.Div([html.H3(t("ineq.chart", lang, measure=model.measure)),
                  *_graph(ids.Indicator.ineq_chart, ids.Indicator.ineq_alt, inequality_chart(model, lang), 340)]),
        html.Div([html.H3(t("ineq.trend.title", lang)),
                  *_graph(ids.Indicator.ineq_trend, ids.Indicator.ineq_trend_alt, gap_trend_chart(model, lang), 240),
                  html.P(t("ineq.method", lang), className="chart-caption")]),
    ], id=ids.Indicator.ineq_charts, className="methods-charts", hidden=not model.shown)
    return html.Section([
        html.H2(t("ineq.title", lang)),
        html.P(inequality_text(model, lang), id=ids.Indicator.ineq_headline, className="headline",
               **aria(live="polite")),
        charts,
    ], id=ids.Indicator.inequality, className="card section")


def funnel_chart(model: FunnelModel, lang: str) -> Chart:
    """The funnel plot and the plot in words (how many areas lie outside each limit)."""
    if not model.shown or model.city_value is None:
        return {"data": [], "layout": {}}, ""
    ind = model.indicator
    d, unit = ind.decimals, ind.unit
    frame = model.points.copy()
    frame["hover"] = [
        (name, f"{t('hover.value', lang)}: {value_text(v, lang, d, unit)} "
               f"({t('ci95', lang)} {format_interval(lo, hi, lang, d)})",
         f"{t('funnel.denominator', lang)}: {format_number(n, lang, 0)}",
         f"{palette.COMPARISON[k].symbol} {t('funnel.pos.' + k, lang)}")
        for name, v, lo, hi, n, k in zip(frame["name"], frame["value"], frame["lower"], frame["upper"],
                                         frame["denominator"], frame["position"], strict=True)]
    labels = {"city": f"{t('chart.city', lang)} {value_text(model.city_value, lang, d, unit)}",
              "limits95": t("funnel.limits95", lang), "limits998": t("funnel.limits998", lang),
              "x": t("funnel.denominator", lang), "prioritized": t("legend.prioritized", lang),
              **{f"cmp.{k}": t(f"funnel.pos.{k}", lang) for k in FUNNEL_KEYS}}
    fig = funnel_figure(frame, model.limits, model.city_value, labels, lang, d, unit)
    band = frame["band"].abs()
    alt = t("funnel.alt", lang, n=len(frame), indicator=ind.name, outside=int((band >= 1).sum()),
            far=int((band == 2).sum()))
    return fig, alt


def funnel_section(model: FunnelModel, lang: str) -> html.Section:
    """The funnel block (hidden for value types without one)."""
    return html.Section([
        html.H2(t("funnel.title", lang)),
        html.P(t("funnel.caption", lang), className="chart-caption"),
        *_graph(ids.Indicator.funnel_chart, ids.Indicator.funnel_alt, funnel_chart(model, lang), 400),
    ], id=ids.Indicator.funnel, className="card section", hidden=not model.shown)


def comparator_note(name: str, lang: str) -> str:
    """Under the ranking: what the colours judge against."""
    return t("comparator.uses", lang, name=name)
