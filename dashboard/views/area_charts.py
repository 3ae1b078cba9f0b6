"""The profile's charts: the trend of area against city, the breakdowns by sex and by age."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard.display import comparison_keys, value_text
from dashboard.figures.charts import sex_figure, trend_figure
from dashboard.viewmodels.profile import AreaIndicator
from dashboard.views.profile import chip
from presentation.i18n import t
from presentation.numbers import format_interval, format_number
from presentation.periods import period_short, period_text


def answer(model: AreaIndicator, lang: str) -> list[Any]:
    """The answer in one line: the latest value, the comparison with the city, the gap trend."""
    ind, row = model.indicator, model.latest
    if row is None:
        return [t("cmpl.no_data", lang)]
    d, unit = ind.decimals, ind.unit
    key = comparison_keys(pd.DataFrame([row]))[0]
    gap = str(row["gap_trend"]) if pd.notna(row["gap_trend"]) else "not_enough_data"
    ci = format_interval(row["lower_ci95"], row["upper_ci95"], lang, d)
    return [
        html.Strong(f"{ind.name} {period_text(row['period'])}: "),
        html.Span(value_text(row["value"], lang, d, unit) + (f" ({ci})" if ci != "–" else "")),
        " ", chip(key, lang, long=True), " ",
        html.Span(f"{t('chart.city', lang)}: {value_text(row['city_value'], lang, d, unit)}",
                  className="muted"),
        html.Br(),
        html.Span(t("area.gap_trend", lang, gap=t(f"gapv.{gap}", lang)), className="gap-text"),
    ]


def trend_chart(model: AreaIndicator, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative) for the area against the city over the periods."""
    ind = model.indicator
    mine = model.trend.assign(period=model.trend["period"].map(period_short))
    city = model.city_trend.assign(period=model.city_trend["period"].map(period_short))
    d = ind.decimals
    labels = {"area": model.area_name, "city": t("chart.city", lang),
              "area_band": t("chart.ci_band", lang, name=model.area_name),
              "city_band": t("chart.ci_band", lang, name=t("chart.city", lang))}
    fig = trend_figure(mine, city, labels, lang, d, ind.unit)
    points = "; ".join(f"{period_text(p)}: {format_number(v, lang, d)} / {format_number(c, lang, d)}"
                       for p, v, c in zip(model.trend["period"], mine["value"],
                                          city.set_index("period")["value"].reindex(mine["period"]),
                                          strict=True))
    return fig, f"{ind.name} — {labels['area']} / {labels['city']}: {points}."


def sex_chart(model: AreaIndicator, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative): the latest period by sex, area against city."""
    ind, d = model.indicator, model.indicator.decimals
    period = period_text(model.latest["period"]) if model.latest is not None else None
    frame = pd.DataFrame([{"sex": p.sex, "sex_label": t(f"sex.{p.sex}", lang), "who": p.who,
                           "value": p.value, "lower": p.lower, "upper": p.upper} for p in model.by_sex],
                         columns=["sex", "sex_label", "who", "value", "lower", "upper"])
    labels = {"area": model.area_name, "city": t("chart.city", lang)}
    fig = sex_figure(frame, labels, lang, d, ind.unit)
    alt = "; ".join(f"{t(f'sex.{p.sex}', lang)} ({labels[p.who]}): {format_number(p.value, lang, d)}"
                    for p in model.by_sex)
    return fig, f"{ind.name} {period or ''} — {alt}."


def _age_text(label: str, r: dict[str, Any], city: str, d: int, lang: str) -> str:
    words = t(f"cmpl.{r['key']}", lang)
    return (f"{label} {period_text(r['period'])}: {format_number(r['value'], lang, d)} ({words}), "
            f"{city} {format_number(r['city_value'], lang, d)}")


def age_chart(model: AreaIndicator, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative): each age group's latest value, area against city, with
    the comparison in words in the text (an empty chart when there is one age group)."""
    ind, d = model.indicator, model.indicator.decimals
    rows = []
    for age in model.by_age:
        r = age.record
        rows += [{"sex_label": age.label, "who": "area", "value": r["value"], "lower": r["lower_ci95"],
                  "upper": r["upper_ci95"]},
                 {"sex_label": age.label, "who": "city", "value": r["city_value"],
                  "lower": r.get("city_lower_ci95"), "upper": r.get("city_upper_ci95")}]
    frame = pd.DataFrame(rows, columns=["sex_label", "who", "value", "lower", "upper"])
    labels = {"area": model.area_name, "city": t("chart.city", lang)}
    fig = sex_figure(frame, labels, lang, d, ind.unit)
    alt = "; ".join(_age_text(age.label, age.record, labels["city"], d, lang) for age in model.by_age)
    return fig, (f"{ind.name} — {alt}." if model.by_age else t("area.age.none", lang))


def chart_block(figure_id: str, alt_id: str, fig: Any, alt: str) -> list[Any]:
    return [dcc.Graph(id=figure_id, figure=fig, className="chart", config={"displaylogo": False,
                                                                             "displayModeBar": False}),
            html.P(alt, id=alt_id, className="chart-caption")]
