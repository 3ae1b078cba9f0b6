"""The indicator page's models: every area ranked with its interval, and the facts about
the indicator (what it is, where it comes from, when it was loaded)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.display import comparison_keys
from dashboard.model import Atlas
from dashboard.selection import Selection
from dashboard.viewmodels.catalogue import IndicatorInfo, info_of
from dashboard.viewmodels.comparator import Comparator, comparator_of, judged
from presentation.i18n import catalogue_field, catalogue_text, unit_label


@dataclass(frozen=True)
class Ranking:
    indicator: IndicatorInfo
    period: str | None
    frame: pd.DataFrame  # code, name, value, lower, upper, comparison, prioritized, label; best first
    city_value: float | None
    comparator: Comparator
    comparator_value: float | None  # the comparator's one value (a country), if it has one
    worst_first: bool = False  # the display order: worst (neutral: lowest) first
    best: str = "–"  # the best area's name (neutral: highest value), whatever the order
    worst: str = "–"


ORDERS = ("best", "worst")


def order_of(value: Any) -> str:
    """The ranking's order from the URL (best first unless ``worst``)."""
    return "worst" if value == "worst" else "best"


@dataclass(frozen=True)
class IndicatorFacts:
    domain: str
    definition: str  # description and definition in the language ("" when there is none)
    unit: str  # in the language ("" when there is none)
    value_type: str
    polarity: str
    source: str
    periods: tuple[str, ...]  # in time order
    updated: str  # the last successful load, "YYYY-MM-DD HH:MM" or "–"


def cell_rows(atlas: Atlas, sel: Selection) -> pd.DataFrame:
    """The rows of ``sel``'s cell (its age group, else the headline one), judged against
    its comparator."""
    ind = str(sel.indicator_id)
    age = sel.age_group or atlas.age_groups().get(ind)
    rows = (atlas.cell(ind, str(sel.period), sel.sex, str(age)) if age is not None
            else atlas.slice(ind, str(sel.period), sel.sex))
    return atlas.cached(("judged", ind, sel.period, sel.sex, age, sel.comparator),
                        lambda: judged(atlas, rows, sel.comparator))


def ranked_frame(atlas: Atlas, sel: Selection, worst_first: bool = False
                 ) -> tuple[pd.DataFrame, float | None]:
    """Areas in display order (best first by polarity; neutral: highest first; reversed when
    ``worst_first``; areas without a value last either way) and the city value."""
    rows = cell_rows(atlas, sel)
    city = rows[rows["area_code"].astype(str) == atlas.city_code()]
    names = atlas.areas()["name"]
    rows = rows[rows["area_code"].astype(str).isin(names.index)].copy()
    rows["code"] = rows["area_code"].astype(str)
    rows["name"] = rows["code"].map(names)
    rows["comparison"] = comparison_keys(rows, "compared_to_comparator")
    cat: Any = atlas.catalogue().loc[str(sel.indicator_id)]
    polarity = str(cat["polarity"])
    ascending = (polarity == "low_is_good") != worst_first
    rows = rows.sort_values("value", ascending=ascending, na_position="last", kind="stable")
    frame = pd.DataFrame({
        "code": rows["code"].to_numpy(), "name": rows["name"].to_numpy(),
        "value": rows["value"].to_numpy(dtype=float), "lower": rows["lower_ci95"].to_numpy(dtype=float),
        "upper": rows["upper_ci95"].to_numpy(dtype=float), "comparison": rows["comparison"].to_numpy(),
        "prioritized": rows["prioritized"].to_numpy(dtype=bool),
        "comparator_value": rows["comparator_value"].to_numpy(dtype=float),
    })
    frame["label"] = np.where(frame["prioritized"], frame["name"] + " ◆", frame["name"])
    city_value = float(city["value"].iloc[0]) if len(city) and pd.notna(city["value"].iloc[0]) else None
    return frame, city_value


def ranking(atlas: Atlas, sel: Selection, order: str = "best") -> Ranking:
    worst_first = order_of(order) == "worst"
    frame, city_value = ranked_frame(atlas, sel, worst_first)
    values = frame["comparator_value"].dropna().unique()
    single = float(values[0]) if sel.comparator not in ("city", "rest", "parent") and len(values) == 1 else None
    named = frame.loc[frame["value"].notna() & (frame["comparison"] != "no_data"), "name"].tolist()
    ends = (named[-1], named[0]) if worst_first else (named[0], named[-1])
    best, worst = ends if named else ("–", "–")
    return Ranking(info_of(atlas.catalogue().loc[sel.indicator_id], sel.lang), sel.period, frame, city_value,
                   comparator_of(atlas, sel.comparator, sel.lang), single, worst_first, best, worst)


def last_update(atlas: Atlas) -> str:
    batches, _files = atlas.batches()
    ok = batches[batches["status"] == "succeeded"]
    if ok.empty:
        return "–"
    when = ok["finished_at"].iloc[0] if pd.notna(ok["finished_at"].iloc[0]) else ok["started_at"].iloc[0]
    return str(pd.Timestamp(when).strftime("%Y-%m-%d %H:%M"))


def indicator_facts(atlas: Atlas, indicator_id: str, lang: str) -> IndicatorFacts:
    """Definition, source, value type, polarity, unit, periods and last update of the indicator."""
    cat: Any = atlas.catalogue().loc[indicator_id]
    desc = catalogue_text(cat, "description", lang)
    definition = " ".join(x for x in (desc if desc != indicator_id else "", catalogue_field(cat, "definition", lang))
                          if x and x != "None")
    return IndicatorFacts(
        domain=str(cat["domain"]), definition=definition, unit=unit_label(cat, lang),
        value_type=str(cat["value_type"]), polarity=str(cat["polarity"]),
        source=catalogue_field(cat, "source", lang) or "–", periods=tuple(atlas.periods(indicator_id)),
        updated=last_update(atlas))
