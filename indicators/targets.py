"""Targets: compared with target, and progress judged from the trend (issue #13).

A target (one row of the store's ``targets`` table) belongs to an indicator, an area (or
the city, ``area_code`` = the city's code), a sex and an age group: a baseline (period,
value), a target (period, value) and a direction (``increase`` or ``decrease``).

* **Compared with target** (``COMPARED_TO_TARGET``): ``met`` when the value is on the
  target's side (increase: value ≥ target; decrease: value ≤ target), ``not_met`` when
  not, ``no_data`` without a value. The value itself is compared, not its interval, as
  Fingertips compares a value with a goal (a target is a point the programme aims at, not
  an estimate to test against); unrounded values.
* **Progress** (``PROGRESS``), judged for the target's own area: ``achieved`` when the
  latest value meets the target; otherwise an ordinary least-squares line through the
  values from the baseline year to the latest (years: the end year of a pooled period;
  the target's baseline value stands in for a baseline year without a value), projected
  to the target year: ``on_track`` when the projection meets the target, ``off_track``
  when it does not (or the target year has passed unmet); ``too_few_points`` with fewer
  than ``MIN_POINTS`` points; ``no_data`` without a value since the baseline year.

A city-wide target is a benchmark every area is compared with (``with_targets``): an
area's own target, where it has one, comes first.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

COMPARED_TO_TARGET: tuple[str, ...] = ("met", "not_met", "no_data")
PROGRESS: tuple[str, ...] = ("achieved", "on_track", "off_track", "too_few_points", "no_data")
DIRECTIONS: tuple[str, ...] = ("increase", "decrease")
MIN_POINTS = 3
KEYS = ["indicator_id", "area_code", "sex", "age_group"]
PROGRESS_COLUMNS = ["latest_period", "latest_value", "points", "slope", "projected_value",
                    "compared_to_target", "progress"]
"""Columns :func:`target_progress` adds after the target's own."""
ROW_COLUMNS = ["target_area", "target_value", "target_period", "target_direction",
               "baseline_value", "baseline_period", "compared_to_target", "progress"]
"""Columns of :func:`with_targets`, aligned with the table's rows."""

_YEAR = re.compile(r"(\d{4})")


def period_year(period: Any) -> float:
    """The year a period ends in: ``2020`` → 2020, pooled ``2018-2020`` → 2020; NaN when
    the period names no year."""
    if period is None or period != period:
        return float("nan")
    years = _YEAR.findall(str(period))
    return float(years[-1]) if years else float("nan")


def meets(value: Any, target: Any, direction: Any) -> Any:
    """Whether ``value`` is on the target's side (element-wise for arrays); False for NaN."""
    v, tv = np.asarray(value, dtype=float), np.asarray(target, dtype=float)
    up = np.asarray(direction) == "increase"
    with np.errstate(invalid="ignore"):
        return np.where(up, v >= tv, v <= tv) & np.isfinite(v) & np.isfinite(tv)


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out[KEYS] = out[KEYS].astype(str)
    return out


def _series(targets: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Each target's values (``_i`` = the target's position) from its baseline year on."""
    wanted = table["indicator_id"].astype(str).isin(set(targets["indicator_id"].astype(str)))
    rows = _keyed(table.loc[wanted.to_numpy(), [*KEYS, "period", "value"]])
    rows["value"] = pd.to_numeric(rows["value"], errors="coerce").astype(float)
    rows = rows[np.isfinite(rows["value"].to_numpy(dtype=float))]
    rows["period"] = rows["period"].astype(str)
    left = _keyed(targets[KEYS]).assign(
        _i=np.arange(len(targets)), _base=[period_year(p) for p in targets["baseline_period"]])
    joined = left.merge(rows, on=KEYS)
    joined["year"] = np.array([period_year(p) for p in joined["period"]], dtype=float)
    return joined[joined["year"] >= joined["_base"]].sort_values(["_i", "year"], kind="stable")


def _judge(target: pd.Series, points: pd.DataFrame) -> dict[str, Any]:
    """Latest value, projection and the two judgements of one target."""
    out: dict[str, Any] = {"latest_period": None, "latest_value": np.nan, "points": 0,
                           "slope": np.nan, "projected_value": np.nan,
                           "compared_to_target": "no_data", "progress": "no_data"}
    if points.empty:
        return out
    goal, way = float(target["target_value"]), str(target["direction"])
    last = points.iloc[-1]
    met = bool(meets(last["value"], goal, way))
    x, y = points["year"].to_numpy(dtype=float), points["value"].to_numpy(dtype=float)
    base = period_year(target["baseline_period"])
    if np.isfinite(base) and base not in set(x) and np.isfinite(float(target["baseline_value"])):
        x, y = np.r_[base, x], np.r_[float(target["baseline_value"]), y]
    out.update(latest_period=str(last["period"]), latest_value=float(last["value"]),
               points=len(x), compared_to_target="met" if met else "not_met")
    goal_year = period_year(target["target_period"])
    if len(np.unique(x)) >= 2:
        slope, intercept = np.polyfit(x, y, 1)
        out.update(slope=float(slope), projected_value=float(intercept + slope * goal_year))
    if met:
        out["progress"] = "achieved"
    elif float(last["year"]) >= goal_year:
        out["progress"] = "off_track"
    elif len(x) < MIN_POINTS:
        out["progress"] = "too_few_points"
    else:
        out["progress"] = "on_track" if meets(out["projected_value"], goal, way) else "off_track"
    return out


def target_progress(targets: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """One row per target: its columns, then ``PROGRESS_COLUMNS``.

    ``table`` holds ``indicator_id, area_code, sex, age_group, period, value`` (the
    comparison table, or any frame of values); rows without a value are left out."""
    targets = targets.reset_index(drop=True)
    if targets.empty:
        return targets.reindex(columns=[*targets.columns, *PROGRESS_COLUMNS])
    series = _series(targets, table)
    groups = dict(tuple(series.groupby("_i")))
    empty = series.iloc[0:0]
    judged = [_judge(target, groups.get(i, empty)) for i, target in targets.iterrows()]
    return pd.concat([targets, pd.DataFrame(judged, columns=PROGRESS_COLUMNS)], axis=1)


def with_targets(table: pd.DataFrame, targets: pd.DataFrame, city_code: str) -> pd.DataFrame:
    """``ROW_COLUMNS`` for each row of ``table`` (same index): the target that applies (the
    area's own, else the city-wide one), the row compared with it, and the target's
    progress on the row of its own area at the period progress was judged on. Rows with no
    target have empty cells."""
    out = pd.DataFrame(index=table.index, columns=ROW_COLUMNS, dtype=object)
    if targets.empty or table.empty:
        return out
    judged = _keyed(target_progress(targets, table))
    rows = _keyed(table[KEYS]).assign(_row=np.arange(len(table)))
    city = rows.assign(area_code=str(city_code))
    own = rows.merge(judged, on=KEYS, how="inner")
    shared = city.merge(judged, on=KEYS, how="inner")
    shared = shared[~shared["_row"].isin(own["_row"])]
    picked = pd.concat([own.assign(_own=True), shared.assign(_own=False)]).set_index("_row")
    idx = picked.index.to_numpy()
    value = pd.to_numeric(table["value"], errors="coerce").to_numpy(dtype=float)[idx]
    period = table["period"].astype(str).to_numpy()[idx]
    ok = np.isfinite(value)
    met = meets(value, picked["target_value"].to_numpy(dtype=float), picked["direction"].to_numpy())
    here = picked["_own"].to_numpy(dtype=bool) & (period == picked["latest_period"].astype(str).to_numpy())
    cols = {
        "target_area": picked["area_code"], "target_value": picked["target_value"],
        "target_period": picked["target_period"], "target_direction": picked["direction"],
        "baseline_value": picked["baseline_value"], "baseline_period": picked["baseline_period"],
        "compared_to_target": np.where(ok, np.where(met, "met", "not_met"), "no_data"),
        "progress": np.where(here, picked["progress"].to_numpy(dtype=object), None),
    }
    for name, values in cols.items():
        out.iloc[idx, out.columns.get_loc(name)] = np.asarray(values, dtype=object)
    return out
