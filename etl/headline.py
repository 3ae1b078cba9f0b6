"""The catalogue's headline age groups, checked against the age groups the tables have.

An area's profile counts one age group per indicator (indicators.headline_age_groups):
the catalogue's ``headline_age_group``, else ``all``, else the only one. An
indicator published in several age groups without ``all`` needs the catalogue to
name one, or profiles leave it out: a warning says so. A named age group the
tables do not have is an error. Indicators without values are not checked.

An indicator whose values come by age band (dsr, isr, life expectancy: etl.banded) has
its headline computed over all ages (``all``; life expectancy also at 65, ``65+``): its
``headline_age_group`` is empty or one of those.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from etl.errors import Problem, excerpt, listing
from store.schema import STANDARDISED_TYPES

COLUMN = "headline_age_group"
WHOLE_POPULATION = "all"  # the tables' default age group (etl.keys)
HEADLINE_SEX = "total"  # profiles count sex total rows
KEYS = ["indicator_id", "age_group", "sex"]
# The age groups the engine computes a standardised indicator's value for.
STANDARDISED_HEADLINES = {"dsr": ("all",), "isr": ("all",), "life_expectancy": ("all", "65+")}


def check_headline_age_groups(
    catalogue: pd.DataFrame, values: pd.DataFrame, file: str
) -> list[Problem]:
    """Problems of the catalogue (``file``, indexed by its rows) with the tables' ``values``."""
    if catalogue.empty or values.empty or COLUMN not in catalogue:
        return []
    keys = _distinct_keys(values)
    every = _age_groups(keys.drop_duplicates(["indicator_id", "age_group"]))
    total = _age_groups(keys[keys["sex"] == HEADLINE_SEX])
    problems = []
    rows = catalogue[catalogue["id"].notna() & ~catalogue["id"].duplicated()]
    types = rows["value_type"] if "value_type" in rows else pd.Series(None, index=rows.index)
    for row, ident, named, vtype in zip(rows.index, rows["id"], rows[COLUMN], types, strict=True):
        if vtype in STANDARDISED_TYPES:
            allowed = STANDARDISED_HEADLINES[vtype]
            if isinstance(named, str) and named not in allowed:
                problems.append(Problem(
                    file, f"headline_age_group of {vtype} indicator '{ident}' is not an age group "
                    "the engine computes its value for", f"set it to {' or '.join(allowed)}, or "
                    "leave it empty (the value over all ages)", row=int(row), column=COLUMN,
                    value=named))
            continue
        if ident not in every:
            continue
        if isinstance(named, str):
            if named not in every[ident]:
                problems.append(_unknown_group(file, int(row), ident, named, every[ident]))
            continue
        groups = total.get(ident, [])
        if len(groups) > 1 and WHOLE_POPULATION not in groups:
            problems.append(_no_headline(file, int(row), ident, groups))
    return problems


def _distinct_keys(values: pd.DataFrame) -> pd.DataFrame:
    """The distinct (indicator, age group, sex) of the values, as text.

    The ETL's key columns are categorical: their codes (+1, so a missing key is 0)
    are combined into one integer per row and counted, with no hashing of millions
    of rows (5M rows: a few hundredths of a second).
    """
    columns = [values[c] for c in KEYS]
    if not all(isinstance(c.dtype, pd.CategoricalDtype) for c in columns):
        return values.groupby(KEYS, observed=True).size().reset_index()[KEYS].astype(str)
    sizes = [len(c.cat.categories) + 1 for c in columns]
    key = np.zeros(len(values), dtype=np.int64)
    for column, size in zip(columns, sizes, strict=True):
        key *= size
        key += column.cat.codes.to_numpy()
        key += 1
    cells = int(np.prod(sizes, dtype=np.int64))
    seen = (np.flatnonzero(np.bincount(key, minlength=cells)) if cells <= 4 * len(key) + 1024
            else np.unique(key))
    positions = np.unravel_index(seen, sizes)
    complete = np.logical_and.reduce([p > 0 for p in positions])
    return pd.DataFrame({
        name: np.asarray(column.cat.categories.astype(str), dtype=object)[position[complete] - 1]
        for name, column, position in zip(KEYS, columns, positions, strict=True)
    })


def _age_groups(pairs: pd.DataFrame) -> dict[str, list[str]]:
    """Each indicator's age groups (distinct pairs in), in natural order (``5-9`` first)."""
    out: dict[str, list[str]] = {}
    for ident, age in zip(pairs["indicator_id"], pairs["age_group"], strict=True):
        out.setdefault(ident, []).append(age)
    return {ident: sorted(groups, key=_natural) for ident, groups in out.items()}


def _natural(text: str) -> list[str | int]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _listed(groups: list[str]) -> str:
    return listing(groups)


def _unknown_group(file: str, row: int, ident: str, named: str, groups: list[str]) -> Problem:
    return Problem(
        file,
        f"headline_age_group names an age group that the tables do not have for indicator "
        f"'{ident}'; they have {_listed(groups)}",
        f"set headline_age_group for {ident} to "
        + ("" if len(groups) == 1 else "one of ")
        + f"{_listed(groups)}, written as in the tables' age_group column, "
        f"or add rows for age group {excerpt(named)} to the tables",
        row=row,
        column=COLUMN,
        value=named,
    )


def _no_headline(file: str, row: int, ident: str, groups: list[str]) -> Problem:
    return Problem(
        file,
        f"indicator '{ident}' has values in age groups {_listed(groups)} and none of them is "
        f"'{WHOLE_POPULATION}'; the catalogue names no headline age group for it",
        f"set headline_age_group for {ident} in {file} to one of {_listed(groups)}; "
        "until then profiles leave this indicator out",
        row=row,
        column=COLUMN,
        severity="warning",
    )
