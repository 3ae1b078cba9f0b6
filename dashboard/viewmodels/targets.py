"""Targets in the dashboard: which target applies to an area's indicator (its own, else the
city-wide one), compared with the area's value, and the target's progress (judged for its
own area: indicators.targets), memoized per load batch."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.model import Atlas
from indicators.targets import meets
from presentation.targets import TargetLine, progress_table, target_line


def progress(atlas: Atlas) -> pd.DataFrame:
    """Every target judged on its series' rows of the comparison table (keys as text)."""

    def build() -> pd.DataFrame:
        snapshot = atlas.snapshot()
        targets = snapshot.programme["targets"]  # the targeted series' rows only: few
        rows = atlas.rows_where(indicator_id=sorted(set(targets["indicator_id"].astype(str))),
                                area_code=sorted(set(targets["area_code"].astype(str))))
        judged = progress_table(snapshot, rows)
        for key in ("indicator_id", "area_code", "sex", "age_group"):
            judged[key] = judged[key].astype(str)
        return judged

    return atlas.derived("target-progress", build)


def _headline_age(atlas: Atlas, indicator_id: str) -> str:
    age = atlas.age_groups().get(indicator_id)
    return "all" if age is None or pd.isna(age) else str(age)


def applicable(atlas: Atlas, indicator_id: str, area_code: str, sex: str = "total",
               age_group: str | None = None) -> tuple[dict[str, Any], bool] | None:
    """(the judged target, whether it is the area's own) or None without a target."""
    index = _by_key(atlas)
    if not index:
        return None
    age = age_group or _headline_age(atlas, indicator_id)
    for code in (area_code, atlas.city_code()):
        row = index.get((str(indicator_id), str(sex), str(age), str(code)))
        if row is not None:
            return dict(row), code == area_code
    return None


def _by_key(atlas: Atlas) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """The judged targets by (indicator, sex, age group, area), the first row of each, once
    per load batch (a page asks for thousands of cells: look-ups, not scans)."""

    def build() -> dict[tuple[str, str, str, str], dict[str, Any]]:
        index: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        for row in progress(atlas).to_dict("records"):
            key = (row["indicator_id"], row["sex"], row["age_group"], row["area_code"])
            index.setdefault(key, {str(k): v for k, v in row.items()})
        return index

    return atlas.derived("target-progress-by-key", build)


__all__ = ["TargetLine", "applicable", "indicator_lines", "line", "progress"]


def line(atlas: Atlas, indicator_id: str, area_code: str, value: Any, lang: str, decimals: int,
         unit: Any, sex: str = "total", age_group: str | None = None) -> TargetLine | None:
    """The target line of one area's indicator, ``value`` its latest value; None without one."""
    found = applicable(atlas, indicator_id, area_code, sex, age_group)
    if found is None:
        return None
    row, own = found
    number = None if value is None or pd.isna(value) else float(value)
    compared = "no_data" if number is None else (
        "met" if bool(meets(number, row["target_value"], row["direction"])) else "not_met")
    return target_line(row, own, compared, lang, decimals, unit)


def indicator_lines(atlas: Atlas, indicator_id: str, sex: str, lang: str, decimals: int,
                    unit: Any) -> tuple[tuple[str, TargetLine], ...]:
    """Every target of an indicator (its sex, headline age group) as (whose name, line): the
    city-wide one first, then the prioritized areas' own in the city's order, then the rest."""
    judged = progress(atlas)
    if judged.empty:
        return ()
    age = _headline_age(atlas, indicator_id)
    hits = judged[(judged["indicator_id"] == indicator_id) & (judged["sex"] == sex)
                  & (judged["age_group"] == age)]
    city, names = atlas.city_code(), atlas.areas()["name"]
    first = [str(c) for c in atlas.prioritized().index]  # the prioritized areas in the city's order
    order = list(dict.fromkeys([city, *first, *[str(c) for c in names.index]]))
    out = []
    for code in [c for c in order if c in set(hits["area_code"])]:
        row = hits[hits["area_code"] == code].iloc[0].to_dict()
        whole = atlas.city().get(f"name_{lang}") or atlas.city().get("name") or code
        name = str(whole) if code == city else str(names.get(code, code))
        out.append((name, target_line(row, True, str(row["compared_to_target"]), lang, decimals, unit)))
    return tuple(out)
