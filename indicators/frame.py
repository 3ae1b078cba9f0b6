"""The output DataFrame: TABLE_COLUMNS then EXTRA_COLUMNS, keys as categoricals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators.contract import (
    CI998_SOURCES,
    CITY_SOURCES,
    COMPARISON_BASES,
    COMPARISONS,
    EXTRA_COLUMNS,
    GAP_TRENDS,
    POLARITIES,
    SEXES,
    STATUSES,
    TABLE_COLUMNS,
    TRENDS,
    VALUE_TYPES,
)

if TYPE_CHECKING:
    from indicators.city import CityCells
    from indicators.prepare import Inputs
    from indicators.rows import Rows

Array = NDArray[np.float64]

FLOAT_COLUMNS = [
    "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator",
    "denominator", "city_value", "city_lower_ci95", "city_upper_ci95", "difference", "ratio",
    "city_discrepancy", "rest_value",
]
INT_COLUMNS = ["rank", "quintile", "decimals"]
BOOL_COLUMNS = ["prioritized", "is_latest"]
VOCABULARIES = {
    "compared_to_city": COMPARISONS, "compared_to_rest_of_city": COMPARISONS, "trend": TRENDS,
    "gap_trend": GAP_TRENDS, "status": STATUSES, "polarity": POLARITIES,
    "value_type": VALUE_TYPES, "sex": SEXES, "city_source": CITY_SOURCES,
    "ci998_source": CI998_SOURCES, "comparison_basis": COMPARISON_BASES,
}


@dataclass
class Columns:
    """Computed output columns, aligned with the rows."""

    city_value: Array
    city_lo95: Array
    city_hi95: Array
    difference: Array
    ratio: Array
    to_city: NDArray[np.int8]
    to_rest: NDArray[np.int8]
    rest_value: Array
    trend: NDArray[np.int8]
    gap_trend: NDArray[np.int8]
    rank: NDArray[np.floating]
    quintile: NDArray[np.floating]
    is_latest: NDArray[np.bool_]
    basis: NDArray[np.int8]  # COMPARISON_BASES code of compared_to_city


def _cat(codes: NDArray[np.integer], labels: NDArray[np.object_] | tuple[str, ...] | list[str],
         ordered: bool = False) -> pd.Categorical:
    """Categorical from codes known to be valid, in the smallest code dtype (no copy after)."""
    cats = pd.Index(list(labels), dtype=object)
    small = np.int8 if len(cats) < 127 else np.int16 if len(cats) < 32767 else np.int32
    return pd.Categorical.from_codes(codes.astype(small, copy=False), categories=cats,
                                     ordered=ordered, validate=False)


def _lookup_cat(values: NDArray[np.object_], codes: NDArray[np.integer]) -> pd.Categorical:
    """Categorical of ``values[codes]`` without materializing the strings."""
    own, labels = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    small = own.astype(np.int8 if len(labels) < 127 else np.int32)
    return _cat(small[codes], np.asarray(labels, dtype=object))


def _ints(values: NDArray[np.floating], dtype: type[np.integer]) -> pd.arrays.IntegerArray:
    """Nullable integers (pandas Int32 / Int8) from floats with NaN for missing."""
    mask = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(mask, 0, values).astype(dtype), mask)


def build_frame(inp: Inputs, rows: Rows, city: CityCells, cols: Columns) -> pd.DataFrame:
    """Assemble the output columns (no string is materialized per row)."""
    cat = inp.cat
    discrepancy = np.where(rows.is_city, city.discrepancy[rows.cell], np.nan)
    data = {
        "indicator_id": _cat(rows.ind, inp.ind_cats),
        "domain": _lookup_cat(cat.domain, rows.ind),
        "area_code": _cat(rows.area, inp.area_cats),
        "level": _cat(inp.area_level[rows.area], inp.level_cats),
        "prioritized": inp.area_prioritized[rows.area],
        "period": _cat(rows.per, inp.per_cats, ordered=True),
        "sex": _cat(rows.sex, SEXES),
        "age_group": _cat(rows.age, inp.age_cats),
        "value": rows.value, "lower_ci95": rows.lo95, "upper_ci95": rows.hi95,
        "lower_ci998": rows.lo998, "upper_ci998": rows.hi998,
        "numerator": rows.num, "denominator": rows.den,
        "city_value": cols.city_value, "city_lower_ci95": cols.city_lo95,
        "city_upper_ci95": cols.city_hi95, "difference": cols.difference, "ratio": cols.ratio,
        "compared_to_city": _cat(cols.to_city, COMPARISONS),
        "compared_to_rest_of_city": _cat(cols.to_rest, COMPARISONS),
        "trend": _cat(cols.trend, TRENDS), "gap_trend": _cat(cols.gap_trend, GAP_TRENDS),
        "rank": _ints(cols.rank, np.int32), "quintile": _ints(cols.quintile, np.int8),
        "status": _cat(rows.status, STATUSES),
        "polarity": _cat(cat.polarity[rows.ind], POLARITIES),
        "value_type": _cat(cat.vtype[rows.ind], VALUE_TYPES),
        "unit": _lookup_cat(cat.unit, rows.ind),
        "decimals": cat.decimals[rows.ind],
        "is_latest": cols.is_latest,
        "city_source": _cat(city.source[rows.cell], CITY_SOURCES),
        "city_discrepancy": discrepancy, "rest_value": cols.rest_value,
        "headline_age_group": _lookup_cat(cat.headline_age, rows.ind),
        "ci998_source": _cat(rows.ci998, CI998_SOURCES),
        "comparison_basis": _cat(cols.basis, COMPARISON_BASES),
    }
    return pd.DataFrame(data, columns=TABLE_COLUMNS + EXTRA_COLUMNS, copy=False)


def empty_table() -> pd.DataFrame:
    """The table with no rows, its columns typed as in a full one."""
    data: dict[str, object] = {}
    for name in TABLE_COLUMNS + EXTRA_COLUMNS:
        if name in FLOAT_COLUMNS:
            data[name] = pd.Series([], dtype="float64")
        elif name in INT_COLUMNS:
            data[name] = pd.Series([], dtype={"rank": "Int32", "quintile": "Int8"}.get(name, "int8"))
        elif name in BOOL_COLUMNS:
            data[name] = pd.Series([], dtype=bool)
        else:
            labels = VOCABULARIES.get(name, ())
            data[name] = pd.Series(pd.Categorical([], categories=list(labels)))
    return pd.DataFrame(data)
