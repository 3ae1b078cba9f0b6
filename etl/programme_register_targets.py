"""Targets of the programme register: per indicator, city-wide or for one area, a
baseline (period, value) and a target (period, value) with the direction the value
should move in.

Checked against the catalogue and the values of this load: the indicator and area
exist; periods are written like the indicator's periods in the tables (``2019`` where
the tables have years, ``2017-2019`` where they have pooled periods) and the target's
comes after the baseline's; the baseline period has a value in the tables (a warning
if not); the direction agrees with the values (target above the baseline: increase)
and with the indicator's polarity (a warning if not: a target to raise unemployment);
the sex and age group exist for the indicator; one target per indicator, area, sex and
age group; the goal it belongs to lists the indicator.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.checks import close_matches
from etl.errors import excerpt, listing
from etl.programme_register_cells import (
    choice,
    decimal_of,
    duplicate,
    identifier,
    number,
    reference,
    required,
)
from etl.programme_register_sheets import Sheet
from etl.programme_register_tables import Known, Row

PERIOD_LENGTH = 32


def shape(period: str) -> str:
    """What a period looks like: digits as 9 (``2019`` → ``9999``, ``2017-2019`` →
    ``9999-9999``)."""
    return re.sub(r"\d", "9", period)


def _order(period: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", period))


class TargetContext:
    """The catalogue's polarity and the tables' periods, sexes and age groups per
    indicator, and which (indicator, area, period, sex, age group) have a value."""

    def __init__(self, catalogue: pd.DataFrame, values: pd.DataFrame, indicators: set[str]) -> None:
        self.polarity = dict(zip(catalogue["id"], catalogue["polarity"], strict=True)) if (
            "polarity" in catalogue) else {}
        values = values[values["indicator_id"].isin(indicators)]
        keys = values[["indicator_id", "area_code", "period", "sex", "age_group"]].astype(str)
        given = (values["value"].notna() | values["numerator"].notna()).to_numpy(dtype=bool)
        self.periods = keys.groupby("indicator_id")["period"].agg(lambda s: sorted(set(s))).to_dict()
        self.sexes = keys.groupby("indicator_id")["sex"].agg(set).to_dict()
        self.ages = keys.groupby("indicator_id")["age_group"].agg(set).to_dict()
        had = keys[given]
        self.cells = set(map(tuple, had.to_numpy().tolist()))
        self.anywhere = set(map(tuple, had[["indicator_id", "period", "sex", "age_group"]]
                                .to_numpy().tolist()))

    def has_value(self, indicator: str, area: str, city: bool, period: str, sex: str,
                  age: str) -> bool:
        if city:  # the engine computes the city's value from its areas' when the tables lack it
            return (indicator, period, sex, age) in self.anywhere
        return (indicator, area, period, sex, age) in self.cells


def _period(sheet: Sheet, line: int, row: dict[str, str], column: str, indicator: str | None,
            ctx: TargetContext) -> str | None:
    value = required(sheet, line, row, column)
    if value is None:
        return None
    if len(value) > PERIOD_LENGTH:
        sheet.add(line, column, f"{column} is longer than {PERIOD_LENGTH} characters",
                  "write the period as the tables do, e.g. 2019", value=value)
        return None
    periods = ctx.periods.get(indicator or "", [])
    if periods and shape(value) not in {shape(p) for p in periods}:
        sheet.add(line, column, f"{column} is not written like the periods of {indicator!r} in "
                  f"the tables (e.g. {excerpt(periods[-1])})",
                  f"write it the way the tables do, e.g. {periods[-1]}", value=value)
        return None
    return value


def _direction(sheet: Sheet, line: int, row: dict[str, str], indicator: str | None,
               baseline: float | None, target: float | None, ctx: TargetContext) -> str | None:
    given = choice(sheet, line, row, "direction", need=False)
    if row.get("direction") and given is None:
        return None
    if baseline is None or target is None:
        return given
    implied = "increase" if target > baseline else "decrease" if target < baseline else None
    if given is None and implied is None:
        sheet.add(line, "direction", "direction is empty and the target value equals the baseline",
                  "write increase or decrease (which way the value must not go), or change the "
                  "target value")
        return None
    if given is not None and implied is not None and given != implied:
        sheet.add(line, "direction", f"direction is {given} but the target value {target:g} is "
                  f"{'below' if implied == 'decrease' else 'above'} the baseline {baseline:g}",
                  "correct the direction, or the baseline and target values", value=row["direction"])
        return None
    direction = given or implied
    polarity = ctx.polarity.get(indicator or "")
    wrong = {"high_is_good": "decrease", "low_is_good": "increase"}.get(str(polarity))
    if direction == wrong:
        better = "higher" if polarity == "high_is_good" else "lower"
        sheet.add(line, "direction" if given else "target_value", f"the target is to {direction} "
                  f"{indicator!r}, for which {better} values are better ({polarity})",
                  "check the target value and direction, or the indicator's polarity in the "
                  "catalogue", value=row.get("direction") or row.get("target_value"),
                  severity="warning")
    return direction


def _area(sheet: Sheet, line: int, row: dict[str, str], known: Known) -> str | None:
    area = row.get("area", "")
    if area in ("", known.city, known.row_code):
        return known.city
    ok = reference(sheet, line, "area", area, known.areas, "area code",
                   f"use a code from the boundary file, or {known.city!r} (or leave it empty) for "
                   "the whole city")
    return area if ok else None


def _key_parts(sheet: Sheet, line: int, row: dict[str, str], indicator: str | None,
               ctx: TargetContext) -> tuple[str | None, str | None]:
    sex = choice(sheet, line, row, "sex", need=False) if row.get("sex") else "total"
    age = row.get("age_group") or "all"
    ages = sorted(ctx.ages.get(indicator or "", set()))
    if ages and age not in ages:
        sheet.add(line, "age_group", f"indicator {indicator!r} has no values for this age group "
                  "in the tables", f"use one of {listing(ages)}{close_matches(age, ages)}, or "
                  "leave it empty (all)", value=age)
        return sex, None
    sexes = ctx.sexes.get(indicator or "", set())
    if sex is not None and sexes and sex not in sexes:
        sheet.add(line, "sex", f"indicator {indicator!r} has no values for sex {sex!r} in the "
                  "tables", f"use one of {', '.join(sorted(sexes))}", value=row.get("sex"))
        return None, age
    return sex, age


def targets(sheet: Sheet, known: Known, ctx: TargetContext) -> list[Row]:
    out: list[Row] = []
    seen: dict[object, int] = {}
    decimal = decimal_of(sheet, ("baseline_value", "target_value"), known.decimal)
    for line, row in sheet.rows():
        indicator = identifier(sheet, line, row, "indicator")
        if indicator is not None and not reference(sheet, line, "indicator", indicator,
                                                   known.indicators, "indicator", "use a catalogue id"):
            indicator = None
        area = _area(sheet, line, row, known)
        sex, age = _key_parts(sheet, line, row, indicator, ctx) if indicator else ("total", "all")
        programme, goal, linked = known.programme_goal(sheet, line, row)
        base_period = _period(sheet, line, row, "baseline_period", indicator, ctx)
        target_period = _period(sheet, line, row, "target_period", indicator, ctx)
        baseline = number(sheet, line, row, "baseline_value", decimal, need=True)
        target = number(sheet, line, row, "target_value", decimal, need=True)
        direction = _direction(sheet, line, row, indicator, baseline, target, ctx)
        if base_period and target_period and _order(target_period) <= _order(base_period):
            sheet.add(line, "target_period", f"target_period is not after baseline_period "
                      f"{base_period}", "give a target period later than the baseline period "
                      "(are the two swapped?)", value=target_period)
            target_period = None
        if indicator is None or area is None or sex is None or age is None:
            continue
        if duplicate(sheet, line, "indicator", (indicator, area, sex, age), seen, "target",
                     "keep one target per indicator, area, sex and age group"):
            continue
        if goal is not None and programme is not None and linked:
            measures = known.measures.get((programme, goal))
            if measures is not None and indicator not in measures:
                sheet.add(line, "goal", f"goal {goal!r} does not list indicator {indicator!r}",
                          f"add {indicator} to the goal's indicators in the goals file, or give "
                          "the target another goal", value=goal)
                linked = False
        if base_period and not ctx.has_value(indicator, area, area == known.city, base_period,
                                             sex, age):
            where = "the city" if area == known.city else f"area {area!r}"
            sheet.add(line, "baseline_period", f"the tables have no value of {indicator!r} for "
                      f"{where} in the baseline period", "check the baseline period; the progress "
                      "towards the target is judged from the tables' values", value=base_period,
                      severity="warning")
        if None in (base_period, target_period, baseline, target, direction) or not linked:
            continue
        out.append({"indicator_id": indicator, "area_code": area, "sex": sex, "age_group": age,
                    "programme_id": programme, "goal_id": goal, "baseline_period": base_period,
                    "baseline_value": baseline, "target_period": target_period,
                    "target_value": target, "direction": direction})
    return out
