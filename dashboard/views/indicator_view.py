"""The indicator page's model: all areas ranked, and the facts about the indicator."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from dash import html

from dashboard.display import comparison_keys, number_format, value_text
from dashboard.figures.charts import ranked_figure
from dashboard.model import Atlas
from dashboard.selection import Selection
from presentation.i18n import catalogue_text, domain_name, indicator_name, t, unit_label
from presentation.numbers import format_interval

METHOD_KEYS = {"proportion": "method.proportion", "percentage": "method.proportion",
               "rate": "method.rate", "count": "method.rate", "mean": "method.mean"}


def ranked_frame(atlas: Atlas, sel: Selection) -> tuple[pd.DataFrame, float | None]:
    """Areas in display order (best first by polarity; neutral: highest first) and the city value."""
    rows = atlas.slice(str(sel.indicator_id), str(sel.period), sel.sex)
    city = rows[rows["area_code"].astype(str) == atlas.city_code()]
    rows = rows[rows["level"].astype(str) != "city"].copy()
    names = atlas.areas()["name"]
    rows["code"] = rows["area_code"].astype(str)
    rows["name"] = rows["code"].map(names)
    rows["comparison"] = comparison_keys(rows)
    cat: Any = atlas.catalogue().loc[str(sel.indicator_id)]
    polarity = str(cat["polarity"])
    ascending = polarity == "low_is_good"
    rows = rows.sort_values("value", ascending=ascending, na_position="last")
    frame = pd.DataFrame({
        "code": rows["code"].to_numpy(), "name": rows["name"].to_numpy(),
        "value": rows["value"].to_numpy(dtype=float), "lower": rows["lower_ci95"].to_numpy(dtype=float),
        "upper": rows["upper_ci95"].to_numpy(dtype=float), "comparison": rows["comparison"].to_numpy(),
        "prioritized": rows["prioritized"].to_numpy(dtype=bool),
    })
    frame["label"] = np.where(frame["prioritized"], "<b>" + frame["name"] + " ◆</b>", frame["name"])
    city_value = float(city["value"].iloc[0]) if len(city) and pd.notna(city["value"].iloc[0]) else None
    return frame, city_value


def ranked_chart(atlas: Atlas, sel: Selection) -> tuple[dict[str, Any], str]:
    cat: Any = atlas.catalogue().loc[sel.indicator_id]
    d, unit = number_format(cat, sel.lang)
    frame, city_value = ranked_frame(atlas, sel)
    frame["hover"] = [
        f"{t('col.ci', sel.lang)} {format_interval(lo, hi, sel.lang, d)} · {t('cmpl.' + k, sel.lang)}"
        for lo, hi, k in zip(frame["lower"], frame["upper"], frame["comparison"], strict=True)]
    shown = frame[frame["comparison"] != "no_data"]
    fig = ranked_figure(shown, city_value, sel.lang, d, unit,
                        f"{t('chart.city', sel.lang)} {value_text(city_value, sel.lang, d, unit)}")
    best = shown["name"].iloc[0] if len(shown) else "–"
    worst = shown["name"].iloc[-1] if len(shown) else "–"
    alt = t("ind.alt", sel.lang, n=len(shown), indicator=indicator_name(cat, sel.lang),
            period=sel.period, best=best, worst=worst)
    return fig, alt


def last_update(atlas: Atlas) -> str:
    batches, _files = atlas.batches()
    ok = batches[batches["status"] == "succeeded"]
    if ok.empty:
        return "–"
    when = ok["finished_at"].iloc[0] if pd.notna(ok["finished_at"].iloc[0]) else ok["started_at"].iloc[0]
    return str(pd.Timestamp(when).strftime("%Y-%m-%d %H:%M"))


def facts(atlas: Atlas, indicator_id: str, lang: str) -> html.Dl:
    """Definition, source, method, polarity, unit, periods and last update."""
    cat: Any = atlas.catalogue().loc[indicator_id]
    desc = catalogue_text(cat, "description", lang)
    definition = " ".join(x for x in (desc if desc != indicator_id else "", str(cat.get("definition") or ""))
                          if x and x != "None")
    periods = atlas.periods(indicator_id)
    items: list[tuple[str, Any]] = [
        ("ind.domain", domain_name(str(cat["domain"]), lang)),
        ("ind.definition", definition or "–"),
        ("ind.unit", f"{unit_label(cat.get('unit'), lang) or '–'} ({t('vt.' + str(cat['value_type']), lang).lower()})"),
        ("ind.polarity", t(f"polarity.{cat['polarity']}", lang)),
        ("ind.source", str(cat.get("source") or "–")),
        ("ind.method", [t(METHOD_KEYS.get(str(cat["value_type"]), "method.other"), lang), " ",
                        t("method.compare", lang)]),
        ("ind.periods", f"{periods[0]}–{periods[-1]}" if periods else "–"),
        ("ind.updated", last_update(atlas)),
    ]
    out: list[Any] = []
    for key, value in items:
        out += [html.Dt(t(key, lang)), html.Dd(value)]
    return html.Dl(out, className="facts")
