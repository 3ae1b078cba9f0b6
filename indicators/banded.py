"""Events and populations by stratum (age band, or age band × sex) as a dense grid.

The standardisation methods (directly standardised rates, indirectly standardised
ratios, life expectancy) take a long frame with one row per group (e.g. area × period
× sex) and stratum. It is checked and turned into a (groups × strata) grid once;
every method is then numpy along the strata axis. A missing event count is 0 (as
PHEindicatormethods' ``na.zero``); a stratum without a row, or with a missing
population, is absent (NaN population) and the method says what that means for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators.errors import IndicatorError, InputProblem
from indicators.prepare import MAX_SHOWN

Array = NDArray[np.float64]


@dataclass
class Banded:
    """The grid of one frame: group keys, strata keys, events and populations."""

    keys: pd.DataFrame  # one row per group: the ``by`` columns
    strata: pd.DataFrame  # one row per stratum: the ``strata`` columns
    events: Array  # (groups × strata); 0 where the row is absent or the count missing
    population: Array  # (groups × strata); NaN where the row is absent or has no population


def group_codes(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[NDArray[np.int64], int,
                                                                 NDArray[np.int64]]:
    """Compact ids of the combinations of ``columns`` (first-appearance order), their
    number, and the first row of each."""
    combined, size = np.zeros(len(frame), dtype=np.int64), 1
    for column in columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        if size * max(len(uniques), 1) >= 1 << 62:  # keep the combined key in int64
            compact, seen = pd.factorize(combined)
            combined, size = compact.astype(np.int64), len(seen)
        combined = combined * max(len(uniques), 1) + codes
        size *= max(len(uniques), 1)
    ids, distinct = pd.factorize(combined)
    first = np.empty(len(distinct), dtype=np.int64)
    first[ids[::-1]] = np.arange(len(ids) - 1, -1, -1)
    return ids.astype(np.int64), len(distinct), first


def _numbers(frame: pd.DataFrame, column: str, name: str) -> tuple[Array, list[InputProblem]]:
    values = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=np.float64,
                                                                    na_value=np.nan)
    bad = np.flatnonzero(values < 0)
    problems = [InputProblem(name, f"negative {column}", f"{column} cannot be negative", int(r),
                             column, float(values[r])) for r in bad[:MAX_SHOWN]]
    text = frame[column].notna().to_numpy() & np.isnan(values)
    problems += [InputProblem(name, "not a number", f"give {column} as a number", int(r),
                              column, frame[column].iloc[r]) for r in np.flatnonzero(text)[:MAX_SHOWN]]
    return values, problems


def missing_columns(frame: pd.DataFrame, name: str, needed: Sequence[str]) -> list[InputProblem]:
    """One problem per column of ``needed`` that ``frame`` lacks."""
    return [InputProblem(name, "required column is missing", f"add a '{c}' column", column=c)
            for c in dict.fromkeys(needed) if c not in frame.columns]


def read_banded(data: pd.DataFrame, *, by: Sequence[str], strata: Sequence[str], events: str,
                population: str, name: str = "data") -> Banded:
    """Check ``data`` and return its grid; raise IndicatorError listing every problem.

    Problems: missing columns, empty keys, negative or non-numeric counts, and two rows
    for the same group and stratum.
    """
    problems = missing_columns(data, name, [*by, *strata, events, population])
    if problems:
        raise IndicatorError(problems)
    for column in [*by, *strata]:
        empty = np.flatnonzero(data[column].isna().to_numpy())
        problems += [InputProblem(name, "key is empty", f"give every row a {column}", int(r),
                                  column) for r in empty[:MAX_SHOWN]]
    x, bad_x = _numbers(data, events, name)
    n, bad_n = _numbers(data, population, name)
    problems += bad_x + bad_n
    if problems:
        raise IndicatorError(problems)
    group, n_groups, first_group = group_codes(data, by)
    stratum, n_strata, first_stratum = group_codes(data, strata)
    cell = group * n_strata + stratum
    seen = np.bincount(cell, minlength=n_groups * n_strata)
    if seen.max(initial=0) > 1:
        dup = np.flatnonzero(seen[cell] > 1)[:MAX_SHOWN]
        raise IndicatorError([InputProblem(
            name, "two rows for the same group and stratum",
            f"keep one row per {', '.join([*by, *strata])}", int(r)) for r in dup])
    ev = np.zeros(n_groups * n_strata)
    pop = np.full(n_groups * n_strata, np.nan)
    ev[cell] = np.nan_to_num(x)
    pop[cell] = n
    return Banded(keys=data[list(by)].iloc[first_group].reset_index(drop=True),
                  strata=data[list(strata)].iloc[first_stratum].reset_index(drop=True),
                  events=ev.reshape(n_groups, n_strata),
                  population=pop.reshape(n_groups, n_strata))


def sum_by(group: NDArray[np.int64], n_groups: int, grid: Array) -> Array:
    """Column sums of ``grid`` rows per group: (n_groups × columns)."""
    sums = [np.bincount(group, weights=grid[:, s], minlength=n_groups).astype(np.float64)
            for s in range(grid.shape[1])]
    return np.column_stack(sums).reshape(n_groups, grid.shape[1]) if sums else np.zeros(
        (n_groups, 0))


def with_city(grid: Banded, area: str, city_code: str, name: str = "data") -> Banded:
    """The grid with one city group per combination of the other ``by`` keys, whose
    events and populations are the sums of its areas' rows (absent rows add nothing).

    Raises IndicatorError when the data already hold rows of ``city_code``.
    """
    if area not in grid.keys.columns:
        raise IndicatorError([InputProblem(name, f"'{area}' is not one of the by columns",
                                           f"include '{area}' in by, or pass city_code=None",
                                           column=area)])
    if (grid.keys[area].astype(object) == city_code).any():
        raise IndicatorError([InputProblem(
            name, "the data already hold rows for the city", "drop the city's rows: its value "
            "is computed from the areas' summed counts and populations", column=area,
            value=city_code)])
    others = [c for c in grid.keys.columns if c != area]
    if others:
        city_of, n_city, first = group_codes(grid.keys, others)
        keys = grid.keys.iloc[first].reset_index(drop=True).copy()
    else:
        city_of, n_city = np.zeros(len(grid.keys), dtype=np.int64), 1
        keys = grid.keys.iloc[:1].reset_index(drop=True).copy()
    keys[area] = city_code
    events, population = sum_by(city_of, n_city, grid.events), sum_by(
        city_of, n_city, np.nan_to_num(grid.population))
    given = sum_by(city_of, n_city, (~np.isnan(grid.population)).astype(np.float64))
    population[given == 0] = np.nan
    all_keys = pd.concat([grid.keys, keys], ignore_index=True)
    for column in grid.keys.columns:  # keep categoricals as such, with the city added
        dtype = grid.keys[column].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            cats = dtype.categories.union(pd.Index(all_keys[column].astype(object).unique()))
            all_keys[column] = pd.Categorical(all_keys[column].astype(object), categories=cats,
                                              ordered=dtype.ordered)
    return Banded(keys=all_keys, strata=grid.strata,
                  events=np.vstack([grid.events, events]),
                  population=np.vstack([grid.population, population]))


def as_categorical(codes: NDArray[np.integer], vocabulary: tuple[str, ...]) -> pd.Categorical:
    """A categorical of the names in ``vocabulary`` from their codes (positions)."""
    return pd.Categorical.from_codes(codes.astype(np.int8),
                                     categories=pd.Index(list(vocabulary), dtype=object))
