"""Indirectly standardised ratios (ISR, SMR): observed / expected × 100, vectorised.

Expected events of a group = Σⱼ nⱼ·Rⱼ over its strata j (age bands, or age bands ×
sex), with Rⱼ the reference rate: by default the city's own age-specific rate in the
same period (and the other ``by`` keys), Σ_areas xⱼ / Σ_areas nⱼ; or a supplied
reference. Ratio = O/E × 100; limits = Poisson limits of O (exact below 10 events,
Byar from 10) / E × 100, as PHEindicatormethods' ``calculate_ISRatio``. The ratio is
compared with 100 as an area with the city: 100 outside the 95% (99.8%) interval is a
significant difference.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators import intervals
from indicators.banded import Banded, as_categorical, group_codes, read_banded, sum_by, with_city
from indicators.compare import outcome
from indicators.contract import COMPARISONS, METHOD_STATUSES, POLARITIES
from indicators.errors import IndicatorError, InputProblem

Array = NDArray[np.float64]
OK, MISSING = METHOD_STATUSES.index("ok"), METHOD_STATUSES.index("missing")
STANDARD_RATIO = 100.0


def _text_index(frame: pd.DataFrame, columns: list[str]) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[columns].astype(str))


def city_rates(grid: Banded, area: str) -> tuple[Array, NDArray[np.int64]]:
    """Reference rates from the data: per combination of the ``by`` keys other than the
    area, Σ events / Σ population of each stratum over the areas. Returns the rates
    (reference groups × strata) and each group's reference group."""
    others = [c for c in grid.keys.columns if c != area]
    if others:
        ref_of, n_ref, _ = group_codes(grid.keys, others)
    else:
        ref_of, n_ref = np.zeros(len(grid.keys), dtype=np.int64), 1
    events = sum_by(ref_of, n_ref, grid.events)
    population = sum_by(ref_of, n_ref, np.nan_to_num(grid.population))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(population > 0, events / population, np.nan), ref_of.astype(np.int64)


def supplied_rates(grid: Banded, reference: pd.DataFrame, rate: str) -> Array:
    """The reference rate of every group and stratum (groups × strata) from a frame with
    some of the ``by`` columns, some strata columns and ``rate`` (events per person).
    Keys are matched as text. Raises IndicatorError for a stratum with population but
    no reference rate."""
    if rate not in reference.columns:
        raise IndicatorError([InputProblem("reference", "required column is missing",
                                           f"add a '{rate}' column", column=rate)])
    on_group = [c for c in grid.keys.columns if c in reference.columns]
    on_stratum = [c for c in grid.strata.columns if c in reference.columns]
    if not on_stratum:
        raise IndicatorError([InputProblem("reference", "no strata column", "give the "
                                           f"reference one of {', '.join(grid.strata.columns)}")])
    ref = reference.reset_index(drop=True)
    rates = pd.to_numeric(ref[rate], errors="coerce").to_numpy(dtype=np.float64)
    stratum_keys = _text_index(ref, on_stratum)
    s_codes, s_uniques = pd.factorize(pd.Series(list(stratum_keys)))
    if on_group:
        g_codes, g_uniques = pd.factorize(pd.Series(list(_text_index(ref, on_group))))
        group_at = pd.Index(g_uniques).get_indexer(pd.Series(list(_text_index(grid.keys,
                                                                               on_group))))
        n_ref_groups = len(g_uniques)
    else:
        g_codes, n_ref_groups = np.zeros(len(ref), dtype=np.int64), 1
        group_at = np.zeros(len(grid.keys), dtype=np.int64)
    table = np.full((n_ref_groups, len(s_uniques)), np.nan)
    table[g_codes, s_codes] = rates
    stratum_at = pd.Index(s_uniques).get_indexer(pd.Series(list(_text_index(grid.strata,
                                                                             on_stratum))))
    out = table[np.maximum(group_at, 0)][:, np.maximum(stratum_at, 0)]
    out[group_at < 0, :] = np.nan
    out[:, stratum_at < 0] = np.nan
    lacking = (grid.population > 0) & ~(out >= 0)
    if lacking.any():
        g, s = np.argwhere(lacking)[0]
        raise IndicatorError([InputProblem(
            "reference", f"no reference rate for {int(lacking.sum())} group-stratum pair(s) "
            "with population", "give a rate (>= 0) for every stratum (and key) of the data",
            value=", ".join(str(v) for v in [*grid.keys.iloc[g], *grid.strata.iloc[s]]))])
    return out


def ratio_limits(observed: Array, expected: Array, confidence: float) -> tuple[Array, Array]:
    """Poisson limits of O (exact below 10, Byar from 10) / E × 100."""
    lower, upper = intervals.poisson_ci(observed, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(expected > 0, STANDARD_RATIO / expected, np.nan)
    return lower * scale, upper * scale


def compared_to_standard(ratio: Array, limits: tuple[Array, Array, Array, Array],
                         polarity: str) -> pd.Categorical:
    """COMPARISONS of each ratio with 100: outside the 95% (99.8%) interval = significant."""
    lo95, hi95, lo998, hi998 = limits
    with np.errstate(invalid="ignore"):
        valid = ~(np.isnan(ratio) | np.isnan(lo95) | np.isnan(hi95))
        sig95 = (STANDARD_RATIO < lo95) | (STANDARD_RATIO > hi95)
        sig998 = (STANDARD_RATIO < lo998) | (STANDARD_RATIO > hi998)
    direction = np.where(STANDARD_RATIO < lo95, 1.0, -1.0)
    pol = np.full(len(ratio), POLARITIES.index(polarity), dtype=np.int8)
    return as_categorical(outcome(direction, sig95, sig998, pol, valid), COMPARISONS)


def indirectly_standardised_ratios(
    data: pd.DataFrame, *, by: Sequence[str] = ("area_code", "period", "sex"),
    strata: Sequence[str] = ("age_group",), events: str = "events",
    population: str = "population", reference: pd.DataFrame | None = None,
    rate: str = "rate", area: str = "area_code", city_code: str | None = None,
    polarity: str = "neutral",
) -> pd.DataFrame:
    """One ISR per group of ``by``: observed / expected × 100 over ``strata``.

    ``reference``: None for the city's own age-specific rates (per combination of the
    ``by`` keys other than ``area``, summed over the areas of ``data``), or a frame with
    strata columns, optionally some ``by`` columns, and ``rate`` in events per person.
    With ``city_code`` a city row per combination of the other keys is added (observed
    and expected summed over its areas; 100 exactly against the city's own rates).
    ``polarity`` (``high_is_good``, ``low_is_good``, ``neutral``) turns higher / lower
    than 100 into better / worse.

    Returns the ``by`` columns, ``observed``, ``expected``, ``population``, ``value``
    (the ratio), ``lower_ci95``, ``upper_ci95``, ``lower_ci998``, ``upper_ci998``,
    ``compared_to_standard`` (COMPARISONS) and ``status`` (``ok``; ``missing`` when
    nothing is expected). Raises IndicatorError.
    """
    if polarity not in POLARITIES:
        raise IndicatorError([InputProblem("arguments", "unknown polarity",
                                           f"use one of {', '.join(POLARITIES)}",
                                           value=polarity)])
    grid = read_banded(data, by=by, strata=strata, events=events, population=population)
    if reference is None:
        if area not in grid.keys.columns:
            raise IndicatorError([InputProblem("data", f"'{area}' is not one of the by columns",
                                               "include the area column in by, or pass a "
                                               "reference", column=area)])
        table, ref_of = city_rates(grid, area)
        rates = table[ref_of]
    else:
        rates = supplied_rates(grid, reference, rate)
    expected = np.where(grid.population > 0, np.nan_to_num(grid.population) * rates,
                        0.0).sum(axis=1)
    observed = grid.events.sum(axis=1)
    keys = grid.keys
    if city_code is not None:
        city = with_city(Banded(keys, grid.strata, np.column_stack([observed, expected]),
                                np.column_stack([np.nansum(grid.population, axis=1)] * 2)),
                         area, city_code)
        keys, observed, expected = city.keys, city.events[:, 0], city.events[:, 1]
        people = city.population[:, 0]
    else:
        people = np.nansum(grid.population, axis=1)
    return _ratio_frame(keys, observed, expected, people, polarity)


def _ratio_frame(keys: pd.DataFrame, observed: Array, expected: Array, people: Array,
                 polarity: str) -> pd.DataFrame:
    with np.errstate(invalid="ignore", divide="ignore"):
        ok = expected > 0
        value = np.where(ok, observed / expected * STANDARD_RATIO, np.nan)
    lo95, hi95 = ratio_limits(observed, expected, 0.95)
    lo998, hi998 = ratio_limits(observed, expected, 0.998)
    frame = keys.copy()
    frame["observed"], frame["expected"], frame["population"] = observed, expected, people
    frame["value"] = value
    frame["lower_ci95"], frame["upper_ci95"] = lo95, hi95
    frame["lower_ci998"], frame["upper_ci998"] = lo998, hi998
    frame["compared_to_standard"] = compared_to_standard(value, (lo95, hi95, lo998, hi998),
                                                         polarity)
    frame["status"] = as_categorical(np.where(ok, OK, MISSING), METHOD_STATUSES)
    return frame
