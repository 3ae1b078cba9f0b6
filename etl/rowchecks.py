"""The checks every row of values goes through, from a table or derived: age-banded rows
(etl.banded), counts, the value computed from numerator and denominator, ranges, then
plausibility (etl.plausibility)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.banded import check_banded
from etl.checks import Report, check_counts, check_ranges, fill_values
from etl.context import Context
from etl.plausibility import RowKinds, check_rate_ceiling, check_supplied_ratio


def plain(value: object) -> object:
    """A number as a message shows it: 12 rather than 12.0; an empty cell (NaN) as nothing."""
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return None
        return int(value) if float(value).is_integer() else float(value)
    return value


def per_row(ids: pd.Series, by_id: pd.Series, default: object) -> np.ndarray:
    """``by_id`` looked up for each row of the categorical ``ids`` (``default`` when absent)."""
    return by_category(ids, by_id, default)[ids.cat.codes.to_numpy()]


def by_category(ids: pd.Series, by_id: pd.Series, default: object) -> np.ndarray:
    """``by_id`` for each category of ``ids``, then ``default`` (for code -1)."""
    looked = by_id.reindex(ids.cat.categories).to_numpy(dtype=object)
    table = np.concatenate([looked, np.array([default], dtype=object)])
    table[pd.isna(table)] = default
    return table


def row_kinds(frame: pd.DataFrame, ctx: Context) -> RowKinds:
    """Each row's value type, multiplier, decimals and whether implausible values are errors
    (looked up once per indicator, then taken by the rows' category codes)."""
    cat = ctx.catalogue.drop_duplicates("id").set_index("id") if "id" in ctx.catalogue else None
    ids = frame["indicator_id"]
    codes = ids.cat.codes.to_numpy()

    def table(name: str, default: object) -> np.ndarray:
        series = cat[name] if cat is not None and name in cat else pd.Series(dtype=object)
        return by_category(ids, series, default)

    types = table("value_type", None)
    return RowKinds(
        types=types[codes],
        multipliers=table("multiplier", 1.0).astype(float)[codes],
        decimals=table("decimals", 1).astype(float)[codes],
        strict=(table("plausibility", "warning") == "error")[codes],
        codes=codes,
        category_types=types,
    )


def check_values(frame: pd.DataFrame, ctx: Context, report: Report) -> pd.DataFrame:
    """Age-banded rows (etl.banded), counts, computed values, ranges (etl.checks) and
    plausibility (etl.plausibility)."""
    kinds = row_kinds(frame, ctx)
    check_banded(frame, ctx, kinds, report)
    given = ~np.isnan(frame["value"].to_numpy(dtype=float))
    check_counts(frame, kinds.types, report)
    check_supplied_ratio(frame, kinds, given, report)
    fill_values(frame, kinds.types, kinds.multipliers, report)
    check_ranges(frame, kinds.types, given, report)
    check_rate_ceiling(frame, kinds, report)
    return frame
