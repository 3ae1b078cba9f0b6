"""Plausibility checks: values that can be right but rarely are.

Each is a warning, or an error for indicators whose catalogue row says
``plausibility = error``; each names file, row, the value, what was expected
and the fix:

- a rate above its multiplier (more events than people: 1,200 per 1,000);
- a value given by the source that disagrees with its own numerator /
  denominator (more than 2 % or half a unit of the catalogue's decimals away);
- a whole-city value more than 5 % away from the value computed from the sums
  of the areas' numerators and denominators (or counts), or outside the areas'
  range (both values are said), when at least 90 % of the boundaries' areas have
  a value (fewer do not make up the city);
- (etl.readers) empty rows between data rows, counted with the first ones.

Percentages outside 0–100 and proportions outside 0–1 are errors in any case
(etl.checks): they are impossible, not implausible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl.checks import Message, Report
from etl.context import Context
from etl.errors import Problem

RATIOS = ("proportion", "percentage", "rate", "mean", "score")  # value = scale x num / den
SUMMABLE = ("proportion", "percentage", "rate", "mean", "count")  # city = f(sums of areas)
RANGED = ("proportion", "percentage", "rate", "mean", "median")  # city within the areas' range
RELATIVE = 0.02  # a given value may differ this much from num / den (rounding by the source)
CITY_TOLERANCE = 0.05  # a whole-city value may differ this much from the areas' sums
COVERAGE = 0.9  # ... when at least this share of the boundaries' areas has a value
STRICT = " (an error because the catalogue says plausibility = error for this indicator)"


@dataclass(frozen=True)
class RowKinds:
    """Per row: value type, multiplier, decimals, and whether implausible is an error."""

    types: np.ndarray
    multipliers: np.ndarray
    decimals: np.ndarray
    strict: np.ndarray
    codes: np.ndarray  # each row's indicator category code (-1: none)
    category_types: np.ndarray  # value type per indicator category, then one for code -1

    def of(self, types: tuple[str, ...]) -> np.ndarray:
        """Rows whose value type is one of ``types`` (a lookup per indicator, not per row)."""
        return np.isin(self.category_types, types)[self.codes]


def scale(types: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    return np.where(types == "proportion", 1.0, np.where(types == "percentage", 100.0, multipliers))


def _split(report: Report, kind: str, mask: np.ndarray, strict: np.ndarray, name: str,
           message: Message, fix: str) -> None:
    """Report ``mask`` as errors where the indicator is strict, as warnings elsewhere."""
    report(kind + " (error)", mask & strict, name, message, fix + STRICT, "error")
    report(kind, mask & ~strict, name, message, fix, "warning")


def _f(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].to_numpy(dtype=float, na_value=np.nan)


def check_rate_ceiling(frame: pd.DataFrame, kinds: RowKinds, report: Report) -> None:
    """Rates above their multiplier: more events than people."""
    val = _f(frame, "value")
    with np.errstate(invalid="ignore"):
        high = (val > kinds.multipliers) & kinds.of(("rate",))

    def message(i: int) -> str:
        m = kinds.multipliers[i]
        return (f"rate {val[i]:,.6g} per {m:,.6g} is above its multiplier: more events than "
                f"people (expected 0 to {m:,.6g})")

    _split(report, "rate above multiplier", high, kinds.strict, "value", message,
           "check the numerator and denominator (same area, period and population?) and the "
           "catalogue's multiplier; nothing if events can outnumber people here")


def check_supplied_ratio(frame: pd.DataFrame, kinds: RowKinds, given: np.ndarray,
                         report: Report) -> None:
    """A value given by the source that disagrees with its numerator / denominator."""
    num, den, val = _f(frame, "numerator"), _f(frame, "denominator"), _f(frame, "value")
    with np.errstate(invalid="ignore"):
        rows = np.flatnonzero(given & (den > 0) & ~np.isnan(num))  # usually none: values computed
    rows = rows[kinds.of(RATIOS)[rows]]
    factor = scale(kinds.types[rows], kinds.multipliers[rows])
    computed = factor * num[rows] / den[rows]
    tolerance = np.maximum(RELATIVE * np.abs(computed), 0.5 * 10.0 ** -kinds.decimals[rows])
    bad = np.abs(val[rows] - computed) > tolerance
    off = np.zeros(len(frame), dtype=bool)
    off[rows[bad]] = True

    def message(i: int) -> str:
        j = int(np.searchsorted(rows, i))  # rows is sorted: the position of row i among them
        return (f"value {val[i]:,.6g} disagrees with its numerator / denominator: "
                f"{factor[j]:,.6g} × {num[i]:,.6g} / {den[i]:,.6g} = {computed[j]:,.6g} "
                f"(expected within ±{tolerance[j]:,.2g})")

    _split(report, "value disagrees with numerator / denominator", off, kinds.strict, "value",
           message, "check that value, numerator and denominator belong to the same row, and the "
           "catalogue's value_type and multiplier; leave the value empty to have it computed")


def _group_key(values: pd.DataFrame) -> np.ndarray:
    key = np.zeros(len(values), dtype=np.int64)
    for col in ("indicator_id", "period", "sex", "age_group"):
        codes = values[col].cat.codes.to_numpy().astype(np.int64)
        key = key * (len(values[col].cat.categories) + 1) + codes + 1
    return key


def _city_table(values: pd.DataFrame, ctx: Context, kinds: RowKinds) -> pd.DataFrame:
    """One row per whole-city value with the sums and range of its areas' rows."""
    city = (values["area_code"] == ctx.cfg.code).to_numpy()
    keep = kinds.of(SUMMABLE + RANGED)
    val = _f(values, "value")
    cities = np.flatnonzero(city & keep & ~np.isnan(val))
    key = _group_key(values)
    wanted = np.isin(key, key[cities]) & keep & ~city  # area rows of groups with a city value
    rows = np.flatnonzero(wanted)
    num, den, v = _f(values, "numerator")[rows], _f(values, "denominator")[rows], val[rows]
    count = kinds.of(("count",))[rows]
    complete = np.where(count, ~np.isnan(v), ~np.isnan(num) & ~np.isnan(den))
    areas = pd.DataFrame({"key": key[rows], "num": num, "den": den, "val": v,
                          "complete": complete}).groupby("key").agg(
        n=("val", "size"), complete=("complete", "sum"), num=("num", "sum"), den=("den", "sum"),
        total=("val", "sum"), low=("val", "min"), high=("val", "max"))
    table = pd.DataFrame({"row": cities, "key": key[cities], "val": val[cities],
                          "type": kinds.types[cities]})
    return table.join(areas, on="key").dropna(subset=["n"])


def check_city_values(values: pd.DataFrame, ctx: Context, kinds: RowKinds) -> None:
    """Whole-city values far from the sums of their areas, or outside the areas' range."""
    if not len(values) or not (values["area_code"] == ctx.cfg.code).any():
        return
    table = _city_table(values, ctx, kinds)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = scale(table["type"].to_numpy(dtype=object),
                       kinds.multipliers[table["row"].to_numpy()])
        sums = np.where(table["type"] == "count", table["total"], factor * table["num"] / table["den"])
    table["sums"] = sums
    covered = (table["n"] >= 2) & (table["n"] >= COVERAGE * len(ctx.areas))  # the areas make the city
    use = covered & (table["complete"] == table["n"]) & table["type"].isin(SUMMABLE)
    far = use & (np.abs(table["val"] - table["sums"]) > CITY_TOLERANCE * np.abs(table["sums"]))
    half = 0.5 * 10.0 ** -kinds.decimals[table["row"].to_numpy()]
    outside = covered & table["type"].isin(RANGED) & (
        (table["val"] < table["low"] - half) | (table["val"] > table["high"] + half))
    for kind, mask in (("city value far from the areas' sums", far),
                       ("city value outside the areas' range", outside & ~far)):
        _report_city(values, ctx, kinds, table[mask.to_numpy()], kind)


def _report_city(values: pd.DataFrame, ctx: Context, kinds: RowKinds, rows: pd.DataFrame,
                 kind: str) -> None:
    problems = []
    at = rows["row"].to_numpy(dtype=np.int64)
    keys = values.iloc[at][["indicator_id", "period", "sex", "age_group", "file", "line"]]
    for r, src in zip(rows.to_dict("records"), keys.astype(object).to_dict("records"), strict=True):
        what = (f"whole-city value {r['val']:,.6g} of {src['indicator_id']} ({src['period']}, "
                f"{src['sex']}, {src['age_group']})")
        if kind.endswith("sums"):
            sums = float(r["sums"])
            pct = 100 * abs(r["val"] - sums) / abs(sums) if sums else float("inf")
            message = (f"{what} is {pct:,.0f} % away from {sums:,.6g}, the value computed from "
                       f"the sums of its {int(r['n'])} areas' " + (
                           "counts" if r["type"] == "count" else "numerators and denominators"))
        else:
            message = (f"{what} lies outside its {int(r['n'])} areas' range, {r['low']:,.6g} to "
                       f"{r['high']:,.6g}")
        strict = bool(kinds.strict[int(r["row"])])
        problems.append(Problem(
            str(src["file"]), message, "check that the whole-city row and the area rows are for "
            "the same indicator, period and population; nothing if the areas do not make up the "
            "whole city" + (STRICT if strict else ""), row=int(src["line"]), value=float(r["val"]),
            severity="error" if strict else "warning"))
    if problems:
        file = problems[0].file
        ctx.log.add(kind, len(problems), problems[: ctx.log.room(file, kind)])
