"""The profile's charts: the trend of area against city, and the breakdown by sex."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
from dash import dcc, html

from dashboard.display import comparison_keys, value_text
from dashboard.figures.charts import sex_figure, trend_figure
from dashboard.viewmodels.profile import AreaIndicator
from dashboard.views.profile import chip
from presentation.i18n import t
from presentation.numbers import format_interval, format_number

if TYPE_CHECKING:
    pass


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
        html.Strong(f"{ind.name} {row['period']}: "),
        html.Span(value_text(row["value"], lang, d, unit) + (f" ({ci})" if ci != "–" else "")),
        " ", chip(key, lang, long=True), " ",
        html.Span(f"{t('chart.city', lang)}: {value_text(row['city_value'], lang, d, unit)}",
                  className="muted"),
        html.Br(),
        html.Span(t("area.gap_trend", lang, gap=t(f"gapv.{gap}", lang)), className="gap-text"),
    ]


def trend_chart(model: AreaIndicator, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative) for the area against the city over the periods."""
    ind, mine, city = model.indicator, model.trend, model.city_trend
    d = ind.decimals
    labels = {"area": model.area_name, "city": t("chart.city", lang),
              "area_band": t("chart.ci_band", lang, name=model.area_name),
              "city_band": t("chart.ci_band", lang, name=t("chart.city", lang))}
    fig = trend_figure(mine, city, labels, lang, d, ind.unit)
    points = "; ".join(f"{p}: {format_number(v, lang, d)} / {format_number(c, lang, d)}"
                       for p, v, c in zip(mine["period"], mine["value"],
                                          city.set_index("period")["value"].reindex(mine["period"]),
                                          strict=True))
    return fig, f"{ind.name} — {labels['area']} / {labels['city']}: {points}."


def sex_chart(model: AreaIndicator, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative): the latest period by sex, area against city."""
    ind, d = model.indicator, model.indicator.decimals
    period = str(model.latest["period"]) if model.latest is not None else None
    frame = pd.DataFrame([{"sex": p.sex, "sex_label": t(f"sex.{p.sex}", lang), "who": p.who,
                           "value": p.value, "lower": p.lower, "upper": p.upper} for p in model.by_sex],
                         columns=["sex", "sex_label", "who", "value", "lower", "upper"])
    labels = {"area": model.area_name, "city": t("chart.city", lang)}
    fig = sex_figure(frame, labels, lang, d, ind.unit)
    alt = "; ".join(f"{t(f'sex.{p.sex}', lang)} ({labels[p.who]}): {format_number(p.value, lang, d)}"
                    for p in model.by_sex)
    return fig, f"{ind.name} {period or ''} — {alt}."


def chart_block(figure_id: str, alt_id: str, fig: Any, alt: str) -> list[Any]:
    return [dcc.Graph(id=figure_id, figure=fig, className="chart", config={"displaylogo": False,
                                                                             "displayModeBar": False}),
            html.P(alt, id=alt_id, className="chart-caption")]
