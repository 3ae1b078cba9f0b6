"""The comparison table in Fingertips' long layout: the 27 columns of Fingertips' "all
data" CSV, in its order and with its vocabulary, so R and Excel workflows written for
Fingertips read the atlas's file by name or by position.

England is the city: "Compared to England value or percentiles" is "Compared to city
value or percentiles", and the parent comparison ("Compared to Region value or
percentiles") is the rest of the city. docs/api.md has the full mapping.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from presentation.redaction import redact

COLUMNS = [
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name",
    "Area Type", "Sex", "Age", "Category Type", "Category", "Time period", "Value",
    "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit",
    "Count", "Denominator", "Value note", "Recent Trend",
    "Compared to city value or percentiles", "Compared to rest of city value or percentiles",
    "Time period Sortable", "New data", "Compared to goal", "Time period range",
]
SEX = {"total": "Persons", "female": "Female", "male": "Male"}
COMPARED = {"better": "Better", "much_better": "Better", "similar": "Similar",
            "worse": "Worse", "much_worse": "Worse", "higher": "Higher", "lower": "Lower",
            "not_compared": "Not compared", "benchmark": "Not compared"}
TREND = {"increasing": "Increasing", "decreasing": "Decreasing",
         "no_significant_change": "No significant change",
         "not_enough_data": "Cannot be calculated"}
TREND_BY_POLARITY = {  # getting better / worse says the direction once the polarity is known
    ("getting_better", "high_is_good"): "Increasing and getting better",
    ("getting_better", "low_is_good"): "Decreasing and getting better",
    ("getting_worse", "high_is_good"): "Decreasing and getting worse",
    ("getting_worse", "low_is_good"): "Increasing and getting worse",
}
VALUE_NOTE = {"suppressed": "Value suppressed for disclosure control due to small count",
              "suppressed_at_source": "Value suppressed at source",
              "missing": "Value missing in source data",
              "not_aggregable": "Value cannot be calculated",
              # the public-health methods' blanks (standardised rates, life expectancy)
              "too_few_events": "Value cannot be calculated as number of cases is too small",
              "too_few_person_years": "Value cannot be calculated as the population is too small",
              "interval_over_20_years": "Value not published for data quality reasons"}
AGGREGATED = "Aggregated from all known lower geography values"
YEAR = re.compile(r"^(\d{4})(?:$|[-/–](\d{2,4})$)")


def age_label(age_group: str) -> str:
    """Fingertips' age words: ``all`` → ``All ages``, ``18-64`` → ``18-64 yrs``."""
    if age_group == "all":
        return "All ages"
    return f"{age_group} yrs" if re.fullmatch(r"[\d<>+\-–]+", age_group) else age_group


def _period_parts(period: str) -> tuple[int | None, str]:
    """(Time period Sortable, Time period range): ``2023`` → (20230000, "1y");
    ``2019-2021`` → (20190000, "3y"); ``2021/22`` → (20210000, "1y")."""
    match = YEAR.match(period)
    if match is None:
        return None, ""
    first, last = int(match.group(1)), match.group(2)
    years = 1
    if last and len(last) == 4:
        years = int(last) - first + 1
    elif last:
        years = (int(last) - first % 100) % 100 + (0 if "/" in period else 1)
    return first * 10000, f"{max(years, 1)}y"


def _trend(trend: pd.Series, polarity: pd.Series) -> list[str]:
    return [TREND_BY_POLARITY.get((t, p)) or TREND.get(t, "")  # type: ignore[call-overload]
            for t, p in zip(trend.astype(str), polarity.astype(str), strict=True)]


def fingertips_frame(named: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """``named``: the comparison table with ``indicator_name`` and ``area_name``
    (``indicators.localize``); ``areas``: the snapshot's areas (for parents)."""
    rows = redact(named).reset_index(drop=True)
    area_names = dict(zip(areas["code"].astype(str), areas["name"].astype(str), strict=False))
    parents = dict(zip(areas["code"].astype(str), areas["parent_code"], strict=False))
    codes = rows["area_code"].astype(str)
    parent = codes.map(parents).where(lambda s: s.notna(), None)
    periods = rows["period"].astype(str)
    parts = {p: _period_parts(p) for p in periods.unique()}
    status = rows["status"].astype(str)
    note = status.map(VALUE_NOTE).fillna("")
    if "city_source" in rows.columns:
        aggregated = (rows["level"].astype(str) == "city") & (rows["city_source"].astype(str)
                                                            == "aggregate") & (status == "ok")
        note = note.mask(aggregated, AGGREGATED)
    out = pd.DataFrame({
        "Indicator ID": rows["indicator_id"].astype(str),
        "Indicator Name": rows["indicator_name"].astype(object),
        "Parent Code": parent,
        "Parent Name": parent.map(lambda c: area_names.get(str(c)) if c else None),
        "Area Code": codes, "Area Name": rows["area_name"].astype(object),
        "Area Type": rows["level"].astype(str),
        "Sex": rows["sex"].astype(str).map(SEX), "Age": rows["age_group"].astype(str).map(age_label),
        "Category Type": None, "Category": None, "Time period": periods,
        "Value": rows["value"].astype(float),
        "Lower CI 95.0 limit": rows["lower_ci95"].astype(float),
        "Upper CI 95.0 limit": rows["upper_ci95"].astype(float),
        "Lower CI 99.8 limit": rows["lower_ci998"].astype(float),
        "Upper CI 99.8 limit": rows["upper_ci998"].astype(float),
        "Count": rows["numerator"].astype(float), "Denominator": rows["denominator"].astype(float),
        "Value note": note.replace("", None),
        "Recent Trend": _trend(rows["trend"], rows["polarity"]),
        "Compared to city value or percentiles": rows["compared_to_city"].astype(str).map(COMPARED),
        "Compared to rest of city value or percentiles":
            rows["compared_to_rest_of_city"].astype(str).map(COMPARED),
        "Time period Sortable": pd.array([parts[p][0] for p in periods], dtype="Int64"),
        "New data": None, "Compared to goal": None,
        "Time period range": [parts[p][1] or None for p in periods],
    })
    order = np.lexsort([out["Sex"].astype(str), out["Time period"], out["Area Code"],
                        out["Indicator ID"]])
    return out.iloc[order][COLUMNS].reset_index(drop=True)
