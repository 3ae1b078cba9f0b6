"""The headline rows of an area: the one row per indicator that its summary counts.

An area's profile (on screen and exported) and :func:`indicators.area_summary`
count and list these rows, so "11 of 30 indicators significantly worse" means
the same everywhere. The rule is in docs/indicators.md (*Headline rows*).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.contract import DEFAULT_AGE_GROUP

HEADLINE_SEX = "total"
HEADLINE_COLUMN = "headline_age_group"
"""The comparison table's column with the catalogue's headline age group of each indicator."""
NO_DATA_STATUS = "missing"
"""A row with this status holds no data: an older period with data is preferred to it."""


def headline_age_groups(table: pd.DataFrame) -> pd.Series:
    """Per indicator its headline age group (rows of sex total, any area or period): the
    catalogue's ``headline_age_group`` when the table carries one (column of that name),
    else ``all`` when the indicator has it, else its only age group.

    A Series indexed by indicator id (text), age groups as text. An indicator with
    several age groups, none of them ``all`` and none named by the catalogue, has no
    headline age group (it is not in the Series): no single group speaks for the
    whole population.
    """
    columns = ["indicator_id", "age_group"] + [c for c in (HEADLINE_COLUMN,) if c in table]
    total = table.loc[_is(table["sex"], HEADLINE_SEX), columns]
    pairs = total.groupby(["indicator_id", "age_group"], observed=True).size().reset_index()
    indicator = pairs["indicator_id"].astype(str).to_numpy(dtype=object)
    age = pairs["age_group"].astype(str).to_numpy(dtype=object)
    is_all = age == DEFAULT_AGE_GROUP
    ids, first, n_groups = np.unique(indicator, return_inverse=True, return_counts=True)
    has_all = np.isin(ids, indicator[is_all])[first]
    chosen = is_all | (~has_all & (n_groups[first] == 1))
    named_ids, named_age = _named(total)
    chosen &= ~np.isin(indicator, named_ids)
    return pd.Series(np.concatenate([age[chosen], named_age]),
                     index=pd.Index(np.concatenate([indicator[chosen], named_ids]),
                                    name="indicator_id"),
                     name="age_group", dtype=object).sort_index()


def _named(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Indicator ids of ``rows`` whose catalogue names a headline age group, and the groups."""
    if HEADLINE_COLUMN not in rows.columns:
        return np.empty(0, dtype=object), np.empty(0, dtype=object)
    pairs = rows.groupby(["indicator_id", HEADLINE_COLUMN], observed=True).size().reset_index()
    pairs = pairs.drop_duplicates("indicator_id")  # one per indicator (the catalogue has one)
    return (pairs["indicator_id"].astype(str).to_numpy(dtype=object),
            pairs[HEADLINE_COLUMN].astype(str).to_numpy(dtype=object))


def headline_age_rows(table: pd.DataFrame, age_groups: pd.Series | None = None) -> pd.DataFrame:
    """The rows of ``table`` in their indicator's headline age group (every sex and period).

    ``age_groups`` is :func:`headline_age_groups` of the whole table; without it the
    age groups are decided from ``table`` itself, so pass it when ``table`` holds
    only some areas' rows.
    """
    ages = headline_age_groups(table) if age_groups is None else age_groups
    indicator, age = table["indicator_id"], table["age_group"]
    if all(isinstance(c.dtype, pd.CategoricalDtype) for c in (indicator, age)):
        # fast path: compare codes, mapping each indicator category once
        wanted = age.cat.categories.get_indexer(indicator.cat.categories.map(ages.to_dict()))
        of_row = np.append(wanted, -1)[indicator.cat.codes.to_numpy()]
        return table[(age.cat.codes.to_numpy() == of_row) & (of_row >= 0)]
    wanted_age = indicator.map(ages).to_numpy(dtype=object)
    return table[age.to_numpy(dtype=object) == wanted_age]


def headline_rows(table: pd.DataFrame, area_code: str | None = None, *,
                  age_groups: pd.Series | None = None) -> pd.DataFrame:
    """Per area and indicator one row: sex total, the indicator's headline age group,
    and the latest period at which the area has data (a row whose status is not
    ``missing``; when no period has data, its latest row, so the indicator is still
    listed). Rows of ``area_code`` only when given; the input order is kept.

    ``age_groups``: see :func:`headline_age_rows`.
    """
    rows = table[_is(table["sex"], HEADLINE_SEX)]
    if area_code is not None:
        rows = rows[_is(rows["area_code"], area_code)]
    rows = headline_age_rows(rows, headline_age_groups(table) if age_groups is None else age_groups)
    keys = rows[["area_code", "indicator_id", "period"]].reset_index(drop=True)
    keys["has_data"] = ~_is(rows["status"], NO_DATA_STATUS)
    ordered = keys.sort_values(["has_data", "period"], kind="stable")
    chosen = ordered.index[~ordered.duplicated(["area_code", "indicator_id"], keep="last")]
    return rows.iloc[np.sort(chosen.to_numpy())]


def _is(column: pd.Series, value: str) -> np.ndarray:
    """``column == value`` as a plain bool array (missing values are not equal)."""
    return (column == value).to_numpy(dtype=bool, na_value=False)
