"""Values through a crosswalk: a table's or a source's rows of source areas (small areas,
old codes, other polygons) added up into the atlas's areas.

Counts (numerators, denominators, count values) are **summed**, each part times its
share of the source area (1 in a many-to-one key). Means, rates and shares are never
summed: a table's value given with its denominator becomes the denominator-weighted
mean, a value given alone is refused (an error naming the indicator); a source of
means is averaged weighted by its ``crosswalk_weight`` column (``etl.derived_config``
refuses one without). A median is refused. An area whose parts are not all there
(a source area of the key without a row, an empty or suppressed cell) is missing,
never a smaller sum; a suppressed part makes it suppressed. Confidence limits and
standard deviations of the parts cannot be added up and are left out (a warning);
the atlas computes intervals from the summed counts. Values of an area that took a
share below 1 of a source area, or came through areal interpolation, are estimated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.checks import MISSING, SUPPRESSED
from etl.context import Context
from etl.crosswalk import expected_parts
from etl.errors import Problem, excerpt
from etl.names import AreaKey
from etl.rowchecks import row_kinds
from etl.sources import SourceData

WHOLE = 1 - 1e-9  # a share at least this is the whole source area
Column = Callable[[str, str | None], str | None]


def _parts(areas: np.ndarray, key: AreaKey, city: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, pd.Series]:
    """For rows of source-area codes: (row, atlas area, share) of each part, and the parts
    each atlas area needs. Whole-city rows are one part of the city."""
    assert key.crosswalk is not None
    pairs = key.crosswalk.into(key.areas)
    frame = pd.DataFrame({"row": np.arange(len(areas)), "from": areas})
    is_city = (frame["from"] == city).to_numpy()
    parts = frame[~is_city].merge(pairs[["from", "to", "share"]], on="from", how="inner", sort=False)
    rows = np.concatenate([parts["row"].to_numpy(), np.flatnonzero(is_city)])
    to = np.concatenate([parts["to"].to_numpy(dtype=object), np.full(int(is_city.sum()), city, dtype=object)])
    share = np.concatenate([parts["share"].to_numpy(dtype=float), np.ones(int(is_city.sum()))])
    expected = pd.concat([expected_parts(pairs), pd.Series({city: 1})])
    return rows, to, share, expected


def _groups(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Group id of each part by the given key columns, and the first part of each group."""
    frame = pd.DataFrame({str(i): c for i, c in enumerate(columns)})
    group = frame.groupby(list(frame.columns), sort=False, dropna=False).ngroup().to_numpy()
    _, first = np.unique(group, return_index=True)
    return group, first


@dataclass
class Sums:
    """Sums by group of the parts' numbers, NaN where a part is NaN."""

    group: np.ndarray
    size: int

    def total(self, x: np.ndarray) -> np.ndarray:
        out = np.bincount(self.group, weights=np.nan_to_num(x), minlength=self.size)
        out[self.any(np.isnan(x))] = np.nan
        return out

    def any(self, mask: np.ndarray) -> np.ndarray:
        return np.bincount(self.group, weights=mask.astype(float), minlength=self.size) > 0


def _modes(values: pd.DataFrame, types: np.ndarray) -> pd.Series:
    """How each indicator of a table goes through: sum, ratio, weighted, median or refused."""
    ids = values["indicator_id"].astype(object).to_numpy()
    frame = pd.DataFrame({"id": ids, "type": types, "num": values["numerator"].notna().to_numpy(),
                          "den": values["denominator"].notna().to_numpy(), "val": values["value"].notna().to_numpy()})
    by = frame.groupby("id", sort=False).agg(type=("type", "first"), num=("num", "any"), den=("den", "any"),
                                              val=("val", "any"))
    mode = np.where(by["type"] == "count", "sum", np.where(by["type"] == "median", "median", np.where(
        by["num"], "ratio", np.where(by["den"], "weighted", np.where(by["val"], "refused", "ratio")))))
    return pd.Series(mode, index=by.index)


def _refusals(values: pd.DataFrame, modes: pd.Series, types: np.ndarray, key: AreaKey, file: str,
              column: Column) -> list[Problem]:
    out = []
    label = key.crosswalk.cfg.label if key.crosswalk else "the crosswalk"
    for ind in modes.index[modes.isin(["refused", "median"])]:
        rows = (values["indicator_id"] == ind).to_numpy()
        first, vtype = int(values.loc[rows, "line"].min()), types[np.flatnonzero(rows)[0]]
        if modes[ind] == "median":
            message = (f"indicator {excerpt(ind)} is a median: through {label} the median of an area "
                       "cannot be computed from its parts' medians")
            fix = "load the areas' medians from a table keyed by the atlas's areas"
        else:
            message = (f"indicator {excerpt(ind)} is a {vtype} given as a value alone: through {label} "
                       f"values are added up, and a {vtype} is never summed")
            fix = ("give each row its denominator (the population the value is computed over) for a "
                   "weighted mean, or its numerator and denominator")
        out.append(Problem(file, message, fix, row=first, column=column("value", str(ind)), value=ind))
    return out


def aggregate_values(values: pd.DataFrame, key: AreaKey, ctx: Context, file: str,
                     column: Column) -> pd.DataFrame:
    """A table's rows of source areas summed into the atlas's areas (columns as ``values``);
    problems go to ``ctx.log``."""
    cats = values["area_code"].cat
    lookup = np.concatenate([np.asarray(cats.categories, dtype=object), np.array([None], dtype=object)])
    rows, to, share, expected = _parts(lookup[cats.codes.to_numpy()], key, ctx.cfg.code)
    types = row_kinds(values, ctx).types
    modes = _modes(values, types)
    ctx.log.problems += _refusals(values, modes, types, key, file, column)
    mode = modes.reindex(values["indicator_id"].astype(object).to_numpy()).to_numpy()[rows]
    keep = ~np.isin(mode, ["refused", "median"])
    rows, to, share, mode = rows[keep], to[keep], share[keep], mode[keep]
    codes = [values[c].cat.codes.to_numpy()[rows] for c in ("indicator_id", "period", "sex", "age_group")]
    group, first = _groups([codes[0], to, *codes[1:]])
    sums = Sums(group, len(first))
    num, den, val = (values[c].to_numpy(dtype=float)[rows] for c in ("numerator", "denominator", "value"))
    status = values["status"].astype(object).to_numpy()[rows]
    kind = mode[first]
    numerator, denominator = sums.total(share * num), sums.total(share * den)
    value = np.where(kind == "sum", sums.total(share * val), np.nan)
    weight = share * den
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(kind == "weighted", sums.total(weight * val) / sums.total(weight), value)
    broken = np.bincount(group, minlength=len(first)) < expected.reindex(to[first]).fillna(0).to_numpy()
    broken |= np.where(kind == "sum", np.isnan(value), np.where(kind == "ratio", np.isnan(numerator) | np.isnan(
        denominator), np.isnan(value) | np.isnan(denominator)))
    numerator = np.where(broken | (kind == "weighted"), np.nan, numerator)
    denominator, value = np.where(broken, np.nan, denominator), np.where(broken, np.nan, value)
    hidden = sums.any(status == SUPPRESSED)
    _dropped_measures(values, rows, key, file, ctx)
    book = ctx.books
    area_codes, uniques = pd.factorize(pd.Series(to[first], dtype=object))
    status_codes = book["status"].codes([SUPPRESSED, MISSING])
    status_rows = np.where(hidden, status_codes[0], np.where(broken, status_codes[1], -1)).astype(np.int32)
    out = {
        "indicator_id": pd.Categorical.from_codes(codes[0][first], values["indicator_id"].cat.categories),
        "area_code": book["area_code"].categorical(book["area_code"].codes(list(uniques))[area_codes]),
        "period": pd.Categorical.from_codes(codes[1][first], values["period"].cat.categories),
        "sex": pd.Categorical.from_codes(codes[2][first], values["sex"].cat.categories),
        "age_group": pd.Categorical.from_codes(codes[3][first], values["age_group"].cat.categories),
        "line": pd.Series(values["line"].to_numpy()[rows]).groupby(group).min().to_numpy(),
        "value": value, "numerator": numerator, "denominator": denominator,
        "lower_ci": np.nan, "upper_ci": np.nan, "sd": np.nan,
        "status": book["status"].categorical(status_rows),
        "file": pd.Categorical.from_codes(values["file"].cat.codes.to_numpy()[rows][first],
                                          values["file"].cat.categories),
        "estimated": estimated(sums, share, values["estimated"].to_numpy(dtype=bool)[rows], key),
    }
    _incomplete(broken & ~hidden, to[first], key, file, ctx)
    return pd.DataFrame(out)[list(values.columns)]


def estimated(sums: Sums, share: np.ndarray, parts: np.ndarray, key: AreaKey) -> np.ndarray:
    """Groups with a part that is an estimate, or a share of a source area (or all, for an
    areal crosswalk)."""
    if key.crosswalk is not None and key.crosswalk.estimated:
        return np.ones(sums.size, dtype=bool)
    return sums.any(parts | (share < WHOLE))


def _dropped_measures(values: pd.DataFrame, rows: np.ndarray, key: AreaKey, file: str, ctx: Context) -> None:
    given = [c for c in ("lower_ci", "upper_ci", "sd") if values[c].to_numpy(dtype=float)[rows].size
             and not np.isnan(values[c].to_numpy(dtype=float)[rows]).all()]
    if given:
        label = key.crosswalk.cfg.label if key.crosswalk else "the crosswalk"
        ctx.log.problems.append(Problem(file, f"{', '.join(given)} of the source areas cannot be added up "
                                        f"through {label}; they were left out", "nothing: the atlas "
                                        "computes intervals from the summed numerators and denominators",
                                        column=given[0], severity="warning"))


def _incomplete(broken: np.ndarray, to: np.ndarray, key: AreaKey, file: str, ctx: Context) -> None:
    if not broken.any():
        return
    areas = sorted(set(to[broken]))
    label = key.crosswalk.cfg.label if key.crosswalk else "the crosswalk"
    ctx.log.problems.append(Problem(
        file, f"{int(broken.sum()):,} value(s) of {len(areas):,} area(s) are missing because a part is "
        f"missing: a source area that {label} puts in them has no row or no number "
        f"(e.g. {', '.join(excerpt(a) for a in areas[:5])})", "nothing, unless those values should be "
        "there: give every source area of the key a row (a sum is never made of fewer parts)",
        severity="warning"))


@dataclass
class CrosswalkedSource(SourceData):
    """A source read through a crosswalk: its keys are the atlas's areas; its numbers are the
    sums (or weighted means) of its source areas' numbers, computed when a term asks."""

    base: SourceData | None = None
    parts: tuple[np.ndarray, np.ndarray, np.ndarray] = field(
        default_factory=lambda: (np.zeros(0, dtype=np.int64),) * 3)  # (row, group, share) per part
    complete: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def numbers(self, column: str, ctx: Context) -> tuple[np.ndarray, np.ndarray]:
        if column in self.parsed:
            return self.parsed[column]
        assert self.base is not None
        rows, group, share = self.parts
        sums = Sums(group, len(self.keys))
        values, marked = self.base.numbers(column, ctx)
        part = values[rows]
        if self.cfg.crosswalk_weight is None:
            result = sums.total(share * part)
        else:
            weight = share * self.base.numbers(self.cfg.crosswalk_weight, ctx)[0][rows]
            with np.errstate(invalid="ignore", divide="ignore"):
                result = sums.total(weight * part) / sums.total(weight)
        result[~self.complete] = np.nan
        self.parsed[column] = (result, sums.any(marked[rows]))
        return self.parsed[column]


def crosswalked(data: SourceData, key: AreaKey, ctx: Context) -> SourceData:
    """``data`` (keyed by a crosswalk's source areas) keyed by the atlas's areas."""
    cw = key.crosswalk
    if cw is None or cw.failed or data.failed:
        data.failed = True  # the crosswalk's or the source's problems say why
        return data
    s, keys = data.cfg, data.keys
    by = ["area_code", "period", "sex", "age_group", *s.categories]
    if _repeated(data, by, ctx) or not _weight_column(data, ctx):
        data.failed = True
        return data
    rows, to, share, expected = _parts(keys["area_code"].to_numpy(dtype=object), key, ctx.cfg.code)
    columns = [to, *(keys[c].to_numpy(dtype=object)[rows] for c in by[1:])]
    group, first = _groups(columns)
    sums = Sums(group, len(first))
    agg = pd.DataFrame({c: col[first] for c, col in zip(by, columns, strict=True)})
    agg["line"] = pd.Series(keys["line"].to_numpy()[rows]).groupby(group).min().to_numpy()
    counts = np.bincount(group, minlength=len(first))
    complete = counts >= expected.reindex(agg["area_code"]).fillna(0).to_numpy()
    est = estimated(sums, share, np.zeros(len(rows), dtype=bool), key)
    return CrosswalkedSource(
        cfg=s, file=data.file, keys=agg, texts=data.texts, header_line=data.header_line,
        delimiter=data.delimiter, has_sex=data.has_sex, has_age=data.has_age, estimated=est,
        base=data, parts=(rows, group, share), complete=complete)


def _repeated(data: SourceData, by: list[str], ctx: Context) -> bool:
    twice = data.keys.duplicated(subset=by, keep=False).to_numpy()
    if not twice.any():
        return False
    rows = data.keys.loc[twice].sort_values("line").head(2)
    first = rows.iloc[0]
    ctx.log.problems.append(Problem(
        data.file, f"rows {', '.join(str(n) for n in rows['line'])} give area {excerpt(first['area_code'])}, "
        f"period {excerpt(first['period'])} twice, so {data.cfg.label} would add it up twice through "
        "its crosswalk", "remove the repeated row, or declare the column that tells them apart in "
        "categories", row=int(first["line"]), value=first["area_code"]))
    return True


def _weight_column(data: SourceData, ctx: Context) -> bool:
    weight = data.cfg.crosswalk_weight
    if weight is None or weight in data.number_columns:
        return True
    ctx.log.problems.append(Problem(
        ctx.config_file, f"{data.cfg.label} crosswalk_weight {excerpt(weight)} is not a number column "
        f"of {data.file}", f"use one of: {', '.join(data.number_columns[:12])}", row=data.cfg.line,
        value=weight))
    return False
