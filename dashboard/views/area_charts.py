"""The profile's charts: the trend of area against city, and the breakdown by sex."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import html

from dashboard.display import comparison_keys, number_format, value_text
from dashboard.figures.charts import sex_figure, trend_figure
from dashboard.model import Atlas, records
from dashboard.selection import SEX_ORDER
from dashboard.views.profile import chip, latest_rows
from presentation.i18n import indicator_name, t
from presentation.numbers import format_interval, format_number

SERIES = ["period", "value", "lower", "upper"]


def series(atlas: Atlas, area_code: str, indicator_id: str, sex: str = "total") -> pd.DataFrame:
    """``period, value, lower, upper`` of one area (or the city) over the periods."""
    rows = sorted((r for r in atlas.series_records(area_code, indicator_id) if r["sex"] == sex),
                  key=lambda r: str(r["period"]))
    return pd.DataFrame({"period": [str(r["period"]) for r in rows],
                         "value": [r["value"] for r in rows], "lower": [r["lower_ci95"] for r in rows],
                         "upper": [r["upper_ci95"] for r in rows]}, columns=SERIES)


def latest(atlas: Atlas, area_code: str, indicator_id: str) -> dict[str, Any] | None:
    """The area's headline row of the indicator (the profile table's row), as a record."""
    rows = latest_rows(atlas, area_code)
    hits = records(rows[rows["indicator_id"] == indicator_id])
    return hits[0] if hits else None


def headline(atlas: Atlas, area: pd.Series, indicator_id: str, lang: str) -> list[Any]:
    """The answer in one line: the latest value, the comparison with the city, the gap trend."""
    cat: Any = atlas.catalogue().loc[indicator_id]
    d, unit = number_format(cat, lang)
    row = latest(atlas, str(area["code"]), indicator_id)
    if row is None:
        return [t("cmpl.no_data", lang)]
    key = comparison_keys(pd.DataFrame([row]))[0]
    gap = str(row["gap_trend"]) if pd.notna(row["gap_trend"]) else "not_enough_data"
    ci = format_interval(row["lower_ci95"], row["upper_ci95"], lang, d)
    return [
        html.Strong(f"{indicator_name(cat, lang)} {row['period']}: "),
        html.Span(value_text(row["value"], lang, d, unit) + (f" ({ci})" if ci != "–" else "")),
        " ", chip(key, lang, long=True), " ",
        html.Span(f"{t('chart.city', lang)}: {value_text(row['city_value'], lang, d, unit)}",
                  className="muted"),
        html.Br(),
        html.Span(t("area.gap_trend", lang, gap=t(f"gapv.{gap}", lang)), className="gap-text"),
    ]


def trend_chart(atlas: Atlas, area: pd.Series, indicator_id: str, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative) for the area against the city over the periods."""
    cat: Any = atlas.catalogue().loc[indicator_id]
    d, unit = number_format(cat, lang)
    mine = series(atlas, str(area["code"]), indicator_id)
    city = series(atlas, atlas.city_code(), indicator_id)
    labels = {"area": str(area["name"]), "city": t("chart.city", lang),
              "area_band": t("chart.ci_band", lang, name=str(area["name"])),
              "city_band": t("chart.ci_band", lang, name=t("chart.city", lang))}
    fig = trend_figure(mine, city, labels, lang, d, unit)
    points = "; ".join(f"{p}: {format_number(v, lang, d)} / {format_number(c, lang, d)}"
                       for p, v, c in zip(mine["period"], mine["value"],
                                          city.set_index("period")["value"].reindex(mine["period"]),
                                          strict=True))
    return fig, f"{indicator_name(cat, lang)} — {labels['area']} / {labels['city']}: {points}."


def sex_chart(atlas: Atlas, area: pd.Series, indicator_id: str, lang: str) -> tuple[dict[str, Any], str]:
    """(figure, text alternative): the latest period by sex, area against city."""
    cat: Any = atlas.catalogue().loc[indicator_id]
    d, unit = number_format(cat, lang)
    row = latest(atlas, str(area["code"]), indicator_id)
    period = str(row["period"]) if row is not None else None
    parts = []
    for who, code in (("area", str(area["code"])), ("city", atlas.city_code())):
        by_sex = {r["sex"]: r for r in atlas.series_records(code, indicator_id) if r["period"] == period}
        for sex in SEX_ORDER:
            if sex in by_sex:
                r = by_sex[sex]
                parts.append({"sex": sex, "sex_label": t(f"sex.{sex}", lang), "who": who,
                              "value": r["value"], "lower": r["lower_ci95"], "upper": r["upper_ci95"]})
    frame = pd.DataFrame(parts, columns=["sex", "sex_label", "who", "value", "lower", "upper"])
    labels = {"area": str(area["name"]), "city": t("chart.city", lang)}
    fig = sex_figure(frame, labels, lang, d, unit)
    alt = "; ".join(f"{p['sex_label']} ({labels[p['who']]}): {format_number(p['value'], lang, d)}"
                    for p in parts)
    return fig, f"{indicator_name(cat, lang)} {period or ''} — {alt}."


def chart_block(figure_id: str, alt_id: str, fig: Any, alt: str) -> list[Any]:
    from dash import dcc

    return [dcc.Graph(id=figure_id, figure=fig, className="chart", config={"displaylogo": False,
                                                                             "displayModeBar": False}),
            html.P(alt, id=alt_id, className="chart-caption")]
