"""Judging each row against a chosen comparator, not only the city.

Comparators: ``city`` (the table's ``compared_to_city``), ``rest`` (the rest of the
city: ``compared_to_rest_of_city``), ``parent`` (the area's parent district, e.g. the
RegSO a DeSO lies in: the parent's value in the same cell) and any supplied
comparator by its code (a national or regional value, or a target: rows of
``comparator_values`` with the same indicator, period, sex and age group). A parent or
supplied value is judged as the city is: Fingertips' method, the comparator's value
outside the area's 95% (99.8%) interval is a significant (a much) difference, turned
into better / worse by the indicator's polarity. The comparator's own rows (the city,
a parent compared with its own parent) are ``benchmark`` only for ``city``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.compare import compare_to_city
from indicators.contract import COMPARISONS, POLARITIES, VALUE_TYPES
from indicators.errors import IndicatorError, InputProblem

BUILT_IN = ("city", "rest", "parent")
KEYS = ["indicator_id", "period", "sex", "age_group"]
RESULT_COLUMNS = ["comparator", "comparator_value", "compared_to_comparator"]


def _codes(values: pd.Series, vocabulary: tuple[str, ...]) -> np.ndarray:
    return pd.Index(vocabulary).get_indexer(pd.Index(values.astype(str))).astype(np.int8)


def _judge(table: pd.DataFrame, benchmark: np.ndarray) -> pd.Categorical:
    value, lo95, hi95, lo998, hi998 = (
        table[c].to_numpy(dtype=np.float64, na_value=np.nan)
        for c in ("value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998"))
    codes = compare_to_city(value, lo95, hi95, lo998, hi998, benchmark,
                            _codes(table["polarity"], POLARITIES),
                            _codes(table["value_type"], VALUE_TYPES))
    return pd.Categorical.from_codes(codes.astype(np.int64),  # type: ignore[call-overload]
                                     categories=list(COMPARISONS))


def judge_against(table: pd.DataFrame, comparator: str, *, areas: pd.DataFrame | None = None,
                  comparator_values: pd.DataFrame | None = None) -> pd.DataFrame:
    """``comparator``, ``comparator_value`` and ``compared_to_comparator`` for every row
    of the comparison ``table`` (same index). ``areas`` (``code``, ``parent_code``) is
    needed for ``parent``; ``comparator_values`` (``comparator_code`` and the KEYS,
    ``value``) for a supplied comparator. Raises IndicatorError for an unknown one."""
    out = pd.DataFrame(index=table.index)
    out["comparator"] = comparator
    if comparator == "city":
        out["comparator_value"] = table["city_value"].to_numpy()
        out["compared_to_comparator"] = table["compared_to_city"].to_numpy()
        return out
    if comparator == "rest":
        out["comparator_value"] = table["rest_value"].to_numpy()
        out["compared_to_comparator"] = table["compared_to_rest_of_city"].to_numpy()
        return out
    benchmark = (_parent_values(table, areas) if comparator == "parent"
                 else _supplied_values(table, comparator, comparator_values))
    out["comparator_value"] = benchmark
    out["compared_to_comparator"] = _judge(table, benchmark)
    return out


def _parent_values(table: pd.DataFrame, areas: pd.DataFrame | None) -> np.ndarray:
    if areas is None or "parent_code" not in areas:
        raise IndicatorError([InputProblem("arguments", "the parent comparator needs the areas "
                                           "with their parent_code", "pass areas=")])
    parent = dict(zip(areas["code"].astype(str), areas["parent_code"], strict=False))
    keyed = table[KEYS].astype(str).assign(area_code=table["area_code"].astype(str))
    values = pd.Series(table["value"].to_numpy(dtype=np.float64, na_value=np.nan),
                       index=pd.MultiIndex.from_frame(keyed))
    values = values[~values.index.duplicated()]
    wanted = keyed.assign(area_code=keyed["area_code"].map(parent))
    index = pd.MultiIndex.from_frame(wanted.fillna("\0"))
    return values.reindex(index).to_numpy(dtype=np.float64)


def _supplied_values(table: pd.DataFrame, code: str,
                     comparator_values: pd.DataFrame | None) -> np.ndarray:
    given = (comparator_values if comparator_values is not None else pd.DataFrame(
        columns=["comparator_code", *KEYS, "value"]))
    mine = given.loc[given["comparator_code"].astype(str) == code]
    if len(mine) == 0:
        known = sorted(set(given["comparator_code"].astype(str))) + list(BUILT_IN)
        raise IndicatorError([InputProblem("arguments", "unknown comparator",
                                           f"use one of {', '.join(known)}", value=code)])
    mine = mine.assign(sex=mine["sex"].fillna("total"), age_group=mine["age_group"].fillna("all"))
    values = pd.Series(pd.to_numeric(mine["value"], errors="coerce").to_numpy(dtype=np.float64),
                       index=pd.MultiIndex.from_frame(mine[KEYS].astype(str)))
    values = values[~values.index.duplicated()]
    index = pd.MultiIndex.from_frame(table[KEYS].astype(str))
    return values.reindex(index).to_numpy(dtype=np.float64)


def interval_methods(table: pd.DataFrame) -> pd.Series:
    """How each row's interval was obtained: ``wilson`` (proportions and percentages from
    counts), ``byar_exact`` (rates and counts: exact Poisson below 10 events, Byar from
    10), ``t`` (means with an SD), ``dobson`` (DSR), ``isr_byar_exact`` (ISR),
    ``chiang_ii`` (life expectancy), ``supplied`` (the source's limits, with the 99.8%
    ones stretched: see ``ci998_source``) or ``none`` (no interval)."""
    vt = table["value_type"].astype(str).to_numpy()
    has_ci = table["lower_ci95"].notna().to_numpy() & table["upper_ci95"].notna().to_numpy()
    computed = table["ci998_source"].astype(str).to_numpy() == "computed"
    by_type = {"proportion": "wilson", "percentage": "wilson", "rate": "byar_exact",
               "count": "byar_exact", "mean": "t", "dsr": "dobson",
               "isr": "isr_byar_exact", "life_expectancy": "chiang_ii"}
    own = np.array([by_type.get(v, "supplied") for v in vt], dtype=object)
    method = np.where(computed, own, "supplied")
    return pd.Series(np.where(has_ci, method, "none"), index=table.index, name="method")
