"""Input checks and the columnar form the engine works on.

The three input frames are turned into integer key codes and float arrays
once; every later step is numpy on those arrays. Key columns may be plain
strings or pandas categoricals (the fast path: their codes are used as is).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators.contract import (
    CITY_LEVEL,
    DEFAULT_AGE_GROUP,
    DEFAULT_MIN_DENOMINATOR,
    DEFAULT_MIN_NUMERATOR,
    POLARITIES,
    SEXES,
    VALUE_TYPES,
)
from indicators.errors import IndicatorError, InputProblem
from indicators.measures import is_share

VALUE_INPUT = [
    "indicator_id", "area_code", "period", "sex", "age_group",
    "numerator", "denominator", "value", "lower_ci", "upper_ci", "status",
]
CATALOGUE_INPUT = ["id", "domain", "value_type", "multiplier", "polarity", "decimals"]
AREA_INPUT = ["code", "level"]
MAX_SHOWN = 10

SRC_OK, SRC_SUPPRESSED, SRC_MISSING = 0, 1, 2
SRC_METHOD: dict[str, int] = {"too_few_events": 3, "too_few_person_years": 4,
                              "interval_over_20_years": 5}
"""Source codes of the methods' reasons for a blank value (rows from indicators.standardise)."""
VALUE_OPTIONAL = ["sd", "lower_ci998", "upper_ci998"]  # NaN when the column is absent
ROW_FIELDS = ("ind", "area", "per", "sex", "age", "num", "den", "src_value", "src_lo", "src_hi",
              "src_sd", "src_lo998", "src_hi998", "src_status")


@dataclass
class Catalogue:
    """Catalogue attributes aligned with the indicator key codes."""

    ids: NDArray[np.object_]
    vtype: NDArray[np.int8]
    scale: NDArray[np.float64]  # value = scale * numerator / denominator
    polarity: NDArray[np.int8]
    decimals: NDArray[np.integer]
    min_num: NDArray[np.float64]
    min_den: NDArray[np.float64]
    domain: NDArray[np.object_]
    unit: NDArray[np.object_]
    headline_age: NDArray[np.object_]  # the catalogue's headline age group, None when unnamed


@dataclass
class Inputs:
    """The value rows as key codes and float arrays, plus aligned lookups."""

    ind: NDArray[np.integer]
    area: NDArray[np.integer]
    per: NDArray[np.integer]
    sex: NDArray[np.integer]
    age: NDArray[np.integer]
    ind_cats: NDArray[np.object_]
    area_cats: NDArray[np.object_]
    per_cats: NDArray[np.object_]  # sorted: code order is time order
    age_cats: NDArray[np.object_]
    num: NDArray[np.float64]
    den: NDArray[np.float64]
    src_value: NDArray[np.float64]
    src_lo: NDArray[np.float64]
    src_hi: NDArray[np.float64]
    src_sd: NDArray[np.float64]
    src_lo998: NDArray[np.float64]  # 99.8% limits computed by a standardised type's method
    src_hi998: NDArray[np.float64]
    src_status: NDArray[np.int8]
    cat: Catalogue
    level_cats: NDArray[np.object_]
    area_level: NDArray[np.integer]  # per area code
    area_prioritized: NDArray[np.bool_]  # per area code
    area_parent: NDArray[np.integer]  # per area code, -1 when none
    city: int  # area code of the city

    def release_rows(self) -> None:
        """Drop the per-row arrays once the rows are built (they are the bulk of the memory)."""
        for name in ROW_FIELDS:
            setattr(self, name, np.empty(0, dtype=getattr(self, name).dtype))


def _codes(col: pd.Series, sort: bool = False) -> tuple[NDArray[np.integer], NDArray[np.object_]]:
    """Integer codes and their labels (categoricals keep their categories)."""
    codes: NDArray[np.integer]
    if isinstance(col.dtype, pd.CategoricalDtype):
        codes = col.cat.codes.to_numpy().astype(np.int32)
        cats = np.asarray(col.cat.categories.astype(object), dtype=object)
    else:
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        codes = codes.astype(np.int32)
        cats = np.asarray(pd.Index(uniques).astype(object), dtype=object)
    if sort and len(cats) > 1:
        labels = np.array([str(c) for c in cats], dtype=object)
        order = np.argsort(labels, kind="stable")
        rank = np.empty(len(cats), dtype=np.int32)
        rank[order] = np.arange(len(cats))
        codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1).astype(np.int32)
        cats = cats[order]
    return codes, cats


def _missing_columns(frame: pd.DataFrame, name: str, needed: list[str]) -> list[InputProblem]:
    return [
        InputProblem(name, "required column is missing", f"add a '{c}' column", column=c)
        for c in needed
        if c not in frame.columns
    ]


def _float(frame: pd.DataFrame, column: str) -> NDArray[np.float64]:
    col = frame[column]
    if col.dtype == np.float64:
        return col.to_numpy()
    return pd.to_numeric(col, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _optional_float(frame: pd.DataFrame, column: str) -> NDArray[np.float64]:
    """``_float``, or all NaN (one shared read-only value, no memory per row) when absent."""
    if column in frame:
        return _float(frame, column)
    return np.broadcast_to(np.float64(np.nan), len(frame))


def _plain(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _problems_at(
    mask: NDArray[np.bool_], frame: str, column: str, values: NDArray[np.generic] | pd.Series,
    message: str, fix: str,
) -> list[InputProblem]:
    """One problem per masked row (the first MAX_SHOWN, then a count)."""
    if not mask.any():
        return []
    rows = np.flatnonzero(mask)[:MAX_SHOWN]

    def shown(r: int) -> object:
        return _plain(values.iloc[r] if isinstance(values, pd.Series) else values[r])

    found = [InputProblem(frame, message, fix, int(r), column, shown(r)) for r in rows]
    if mask.sum() > MAX_SHOWN:
        found.append(InputProblem(frame, f"... and {int(mask.sum()) - MAX_SHOWN} more rows", fix,
                                  column=column))
    return found


def _threshold(column: str, catalogue: pd.DataFrame, default: float | None, fallback: float,
               ) -> NDArray[np.float64]:
    base = fallback if default is None else float(default)
    if column not in catalogue.columns:
        return np.full(len(catalogue), base)
    got = _float(catalogue, column)
    return np.where(np.isnan(got), base, got)


def read_catalogue(
    catalogue: pd.DataFrame, ind_cats: NDArray[np.object_], min_numerator: float | None,
    min_denominator: float | None,
) -> tuple[Catalogue, list[InputProblem], NDArray[np.integer]]:
    """Catalogue rows aligned with ``ind_cats``; problems; codes missing from the catalogue."""
    problems = _missing_columns(catalogue, "catalogue", CATALOGUE_INPUT)
    if problems:
        return _empty_catalogue(len(ind_cats)), problems, np.empty(0, np.int64)
    cat = catalogue.drop_duplicates("id", keep="first").reset_index(drop=True)
    pos = pd.Index(cat["id"].astype(str)).get_indexer(pd.Index([str(i) for i in ind_cats]))
    unknown = np.flatnonzero(pos < 0)
    vt = pd.Index(VALUE_TYPES).get_indexer(pd.Index(cat["value_type"].astype(str)))
    pol = pd.Index(POLARITIES).get_indexer(pd.Index(cat["polarity"].fillna("neutral").astype(str)))
    problems += _problems_at(vt < 0, "catalogue", "value_type", cat["value_type"].to_numpy(),
                             "unknown value type", f"use one of {', '.join(VALUE_TYPES)}")
    problems += _problems_at(pol < 0, "catalogue", "polarity", cat["polarity"].to_numpy(),
                             "unknown polarity", f"use one of {', '.join(POLARITIES)}")
    mult = _float(cat, "multiplier")
    mult = np.where(np.isnan(mult) | (mult <= 0), 1.0, mult)
    scale = np.where(vt == VALUE_TYPES.index("percentage"), 100.0, mult)
    scale = np.where(np.isin(vt, [VALUE_TYPES.index(t) for t in ("count", "mean")]), 1.0, scale)
    dec = pd.to_numeric(cat["decimals"], errors="coerce").fillna(1).astype(np.int8).to_numpy()
    unit = cat["unit"].to_numpy(dtype=object) if "unit" in cat else np.full(len(cat), None)
    headline_age = _optional_text(cat, "headline_age_group")
    take = np.maximum(pos, 0)
    out = Catalogue(
        ids=ind_cats, vtype=vt.astype(np.int8)[take], scale=scale[take],
        polarity=pol.astype(np.int8)[take], decimals=dec[take],
        min_num=_threshold("min_numerator", cat, min_numerator, DEFAULT_MIN_NUMERATOR)[take],
        min_den=_threshold("min_denominator", cat, min_denominator, DEFAULT_MIN_DENOMINATOR)[take],
        domain=cat["domain"].to_numpy(dtype=object)[take], unit=unit[take],
        headline_age=headline_age[take],
    )
    return out, problems, unknown


def _empty_catalogue(n: int) -> Catalogue:
    z = np.zeros(n)
    return Catalogue(np.empty(n, object), np.zeros(n, np.int8), z, np.zeros(n, np.int8),
                     np.zeros(n, np.int8), z, z, np.empty(n, object), np.empty(n, object),
                     np.full(n, None, object))


def _optional_text(frame: pd.DataFrame, column: str) -> NDArray[np.object_]:
    """Text of an optional column as objects, None where absent, missing or empty."""
    if column not in frame:
        return np.full(len(frame), None, dtype=object)
    text = frame[column].astype(object)
    return text.where(text.notna() & (text != ""), None).to_numpy(dtype=object)


def read_areas(
    areas: pd.DataFrame, area_cats: NDArray[np.object_], city_code: str,
) -> tuple[NDArray[np.object_], dict[str, Any], int, NDArray[np.integer]]:
    """Area lookups aligned with ``area_cats`` (the city appended when absent), and the
    area codes missing from the areas table."""
    problems = _missing_columns(areas, "areas", AREA_INPUT)
    if problems:
        raise IndicatorError(problems)
    if city_code not in set(area_cats):
        area_cats = np.append(area_cats, np.array([city_code], dtype=object))
    tab = areas.drop_duplicates("code", keep="first").reset_index(drop=True)
    pos = pd.Index(tab["code"].astype(str)).get_indexer(pd.Index([str(a) for a in area_cats]))
    city = int(np.flatnonzero(area_cats == city_code)[0])
    unknown = np.flatnonzero((pos < 0) & (np.arange(len(area_cats)) != city))
    levels = tab["level"].fillna("district").astype(str).to_numpy(dtype=object)
    level_of = np.where(pos >= 0, levels[np.maximum(pos, 0)], "district").astype(object)
    level_of[city] = CITY_LEVEL
    level_codes, level_cats = pd.factorize(pd.Series(level_of, dtype=object))
    prio = tab["prioritized"].fillna(False).astype(bool).to_numpy() if "prioritized" in tab \
        else np.zeros(len(tab), bool)
    parent_code = tab["parent_code"] if "parent_code" in tab else pd.Series([None] * len(tab))
    parent_pos = pd.Index([str(a) for a in area_cats]).get_indexer(pd.Index(parent_code.astype(str)))
    parent_pos[parent_code.isna().to_numpy()] = -1
    lookups = {
        "level": level_codes.astype(np.int64),
        "prioritized": np.where(pos >= 0, prio[np.maximum(pos, 0)], False),
        "parent": np.where(pos >= 0, parent_pos[np.maximum(pos, 0)], -1).astype(np.int64),
    }
    lookups["parent"][city] = -1
    lookups["parent"][lookups["parent"] == city] = -1  # the city rule covers these
    return (area_cats, lookups | {"level_cats": np.asarray(level_cats, dtype=object)}, city,
            unknown)


def _status_codes(col: pd.Series) -> NDArray[np.int8]:
    """SRC_* code of each row, classifying each distinct status text once."""
    codes, labels = _codes(col)
    text = pd.Series(labels, dtype=object).astype(str).str.lower()
    per_label = np.full(len(labels) + 1, SRC_OK, dtype=np.int8)  # last slot: no status
    per_label[:-1][text.str.contains("suppress").to_numpy(dtype=bool)] = SRC_SUPPRESSED
    per_label[:-1][(text == "missing").to_numpy(dtype=bool)] = SRC_MISSING
    for name, code in SRC_METHOD.items():
        per_label[:-1][(text == name).to_numpy(dtype=bool)] = code
    return per_label[np.where(codes >= 0, codes, len(labels))]


def _sex_codes(col: pd.Series) -> NDArray[np.integer]:
    codes, labels = _codes(col)
    of_label = pd.Index(SEXES).get_indexer(pd.Index([str(s) for s in labels])).astype(np.int32)
    return np.where(codes >= 0, np.append(of_label, -1)[codes], -1).astype(np.int32)


def _count_problems(values: pd.DataFrame, ind: NDArray[np.integer], cat: Catalogue,
                    num: NDArray[np.float64], den: NDArray[np.float64]) -> list[InputProblem]:
    problems = _problems_at(num < 0, "values", "numerator", num, "negative numerator",
                            "numerators count events or persons and cannot be negative")
    problems += _problems_at(den < 0, "values", "denominator", den, "negative denominator",
                             "denominators are populations and cannot be negative")
    if not problems:
        share = is_share(cat.vtype[ind])
        problems += _problems_at(share & (num > den), "values", "numerator", num,
                                 "numerator exceeds denominator for a proportion",
                                 "check the numerator and denominator columns of this row")
    return problems


def _unknown(values: pd.DataFrame, column: str, codes: NDArray[np.integer],
             bad: NDArray[np.integer], message: str, fix: str) -> list[InputProblem]:
    if bad.size == 0:
        return []
    return _problems_at(np.isin(codes, bad), "values", column, values[column], message, fix)


def read_inputs(
    values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame, city_code: str,
    min_numerator: float | None, min_denominator: float | None,
) -> Inputs:
    """Check the three frames and return their columnar form; raise IndicatorError."""
    problems = _missing_columns(values, "values", VALUE_INPUT)
    if problems:
        raise IndicatorError(problems)
    if not city_code:
        raise IndicatorError([InputProblem(
            "values", "no city code given (the store has no city row)", "load a city first "
            "(wellbeing etl ...) or pass city_code=", column="area_code")])
    ind, ind_cats = _codes(values["indicator_id"])
    area, area_cats = _codes(values["area_code"])
    per, per_cats = _codes(values["period"], sort=True)
    sex = _sex_codes(values["sex"])
    age, age_cats = _codes(values["age_group"].astype(object).fillna(DEFAULT_AGE_GROUP)
                           if values["age_group"].isna().any() else values["age_group"])
    for name, codes in (("indicator_id", ind), ("area_code", area), ("period", per)):
        problems += _problems_at(codes < 0, "values", name, values[name], "key is empty",
                                 f"give every row a {name}")
    problems += _problems_at(sex < 0, "values", "sex", values["sex"], "unknown sex",
                             f"use one of {', '.join(SEXES)}")
    cat, cat_problems, bad_ind = read_catalogue(catalogue, ind_cats, min_numerator,
                                                min_denominator)
    area_cats, lookup, city, bad_area = read_areas(areas, area_cats, city_code)
    problems += cat_problems + _unknown(
        values, "indicator_id", ind, bad_ind, "indicator is not in the catalogue",
        "add the indicator to the catalogue or drop its values") + _unknown(
        values, "area_code", area, bad_area, "area is not in the areas table",
        "add the area to the boundaries or drop its values")
    num, den = _float(values, "numerator"), _float(values, "denominator")
    problems += _count_problems(values, ind, cat, num, den)
    if problems:
        raise IndicatorError(problems)
    return Inputs(
        ind=ind, area=area, per=per, sex=sex, age=age, ind_cats=ind_cats, area_cats=area_cats,
        per_cats=per_cats, age_cats=age_cats, num=num, den=den,
        src_value=_float(values, "value"), src_lo=_float(values, "lower_ci"),
        src_hi=_float(values, "upper_ci"), src_sd=_optional_float(values, "sd"),
        src_lo998=_optional_float(values, "lower_ci998"),
        src_hi998=_optional_float(values, "upper_ci998"),
        src_status=_status_codes(values["status"]), cat=cat,
        level_cats=lookup["level_cats"], area_level=lookup["level"],
        area_prioritized=lookup["prioritized"].astype(bool), area_parent=lookup["parent"],
        city=city,
    )
