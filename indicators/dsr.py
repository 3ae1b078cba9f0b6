"""Directly standardised rates (DSR) with Dobson intervals, vectorised over groups.

DSR = Σⱼ wⱼ·xⱼ/nⱼ / Σⱼ wⱼ × multiplier over the strata j (age bands, or age bands ×
sex) of a group (e.g. area × period × sex), with wⱼ the standard population;
var(DSR) = Σⱼ wⱼ²·xⱼ/nⱼ² / (Σⱼ wⱼ)²; limits by Dobson et al. (1991):
DSR + √(var/O)·(O_lim − O)·multiplier, O = Σⱼ xⱼ and O_lim its Poisson limits
(Byar from 10 events, exact below). As PHEindicatormethods' ``phe_dsr`` /
``calculate_dsr``. Groups with fewer than ``min_events`` events are not published
(``too_few_events``); a group without a positive population in every stratum of the
standard has none (``missing``). The city's DSR is computed from the city's summed
events and populations per stratum, never from the areas' DSRs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators import intervals
from indicators.banded import Banded, as_categorical, missing_columns, read_banded, with_city
from indicators.contract import METHOD_STATUSES
from indicators.errors import IndicatorError, InputProblem
from indicators.standards import european_standard_population

Array = NDArray[np.float64]
OK, FEW_EVENTS, MISSING = (METHOD_STATUSES.index(s) for s in ("ok", "too_few_events", "missing"))
DSR_MIN_EVENTS = 10.0
LIMIT_COLUMNS = ("lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998")


def standard_weights(strata: pd.DataFrame, standard: pd.DataFrame) -> Array:
    """The standard population of each stratum of the grid (in grid order).

    The standard has some of the strata columns and ``population``; strata columns it
    lacks (e.g. sex) take the same weights for each of their values. Raises
    IndicatorError for a stratum the standard does not have and for a standard stratum
    the data never has.
    """
    problems = missing_columns(standard, "standard", ["population"])
    common = [c for c in strata.columns if c in standard.columns]
    if not common:
        problems.append(InputProblem("standard", "no strata column", "give the standard one of "
                                     f"the columns {', '.join(strata.columns)}"))
    if problems:
        raise IndicatorError(problems)
    std = standard.assign(**{c: standard[c].astype(str) for c in common})
    if std.duplicated(common).any():
        raise IndicatorError([InputProblem("standard", "a stratum appears twice",
                                           "keep one row per stratum", column=common[0])])
    index = pd.MultiIndex.from_frame(std[common])
    at = index.get_indexer(pd.MultiIndex.from_frame(strata[common].astype(str)))
    unknown = strata[common].astype(str)[at < 0].drop_duplicates()
    problems = [InputProblem("data", "stratum not in the standard population",
                             "use the standard's strata (e.g. the 19 ESP 2013 bands 0-4 … 90+) "
                             "or pass a standard with this stratum", column=common[0],
                             value=", ".join(row)) for row in unknown.itertuples(index=False)]
    others = [c for c in strata.columns if c not in common]
    n_other = len(strata[others].drop_duplicates()) if others else 1
    if not problems and len(strata) < len(std) * n_other:
        missing = sorted(set(map(tuple, std[common].to_numpy())) - set(
            map(tuple, strata[common].astype(str).to_numpy())))
        problems = [InputProblem("data", "the data have no row for a stratum of the standard",
                                 "give every stratum of the standard a row (events 0 if "
                                 "none)", column=common[0], value=", ".join(m)) for m in
                    missing[:10]] or [InputProblem(
                        "data", "a stratum of the standard is missing for some value of "
                        f"{', '.join(others)}", "give every stratum a row", column=others[0])]
    if problems:
        raise IndicatorError(problems)
    weights = pd.to_numeric(std["population"], errors="coerce").to_numpy(dtype=np.float64)
    if not (np.isfinite(weights) & (weights >= 0)).all() or weights.sum() <= 0:
        raise IndicatorError([InputProblem("standard", "populations must be numbers >= 0 with "
                                           "a positive sum", "fix the standard's population",
                                           column="population")])
    return weights[at]


def dobson_limits(value: Array, variance: Array, observed: Array, multiplier: float,
                  confidence: float) -> tuple[Array, Array]:
    """Dobson et al. (1991): value + √(variance/O)·(O_limit − O)·multiplier."""
    lo_o, hi_o = intervals.poisson_ci(observed, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.sqrt(variance / observed) * multiplier
    return value + scale * (lo_o - observed), value + scale * (hi_o - observed)


def dsr_of_grid(grid: Banded, weights: Array, multiplier: float, min_events: float,
                ) -> dict[str, Array | NDArray[np.int8]]:
    """Events, population, DSR, its limits and status code of every group of the grid."""
    x, n = grid.events, grid.population
    with np.errstate(invalid="ignore", divide="ignore"):
        usable = n > 0
        complete = (usable | (weights == 0)).all(axis=1)
        per_person = np.where(usable, x / n, 0.0)
        total_w = weights.sum()
        value = (per_person * weights).sum(axis=1) / total_w * multiplier
        variance = (np.where(usable, x * (weights / n) ** 2, 0.0)).sum(axis=1) / total_w**2
    observed = x.sum(axis=1)
    out: dict[str, Array | NDArray[np.int8]] = {
        "events": observed, "population": np.nansum(n, axis=1), "value": value}
    for conf, (lo_name, hi_name) in ((0.95, LIMIT_COLUMNS[:2]), (0.998, LIMIT_COLUMNS[2:])):
        out[lo_name], out[hi_name] = dobson_limits(value, variance, observed, multiplier, conf)
    status = np.where(complete, np.where(observed < min_events, FEW_EVENTS, OK), MISSING)
    for name in ("value", *LIMIT_COLUMNS):
        out[name] = np.where(status == OK, out[name], np.nan)
    out["status"] = status.astype(np.int8)
    return out


def directly_standardised_rates(
    data: pd.DataFrame, *, by: Sequence[str] = ("area_code", "period", "sex"),
    strata: Sequence[str] = ("age_group",), events: str = "events",
    population: str = "population", standard: pd.DataFrame | None = None,
    multiplier: float = 100_000.0, min_events: float = DSR_MIN_EVENTS,
    city_code: str | None = None, area: str = "area_code",
) -> pd.DataFrame:
    """One DSR per group of ``by``, standardised over ``strata``.

    ``data``: one row per group and stratum with ``events`` and ``population``.
    ``standard``: a frame with some of the strata columns and ``population``; default
    the European Standard Population 2013 on ``strata[0]`` (labels 0-4 … 90+). With
    ``strata=("age_group", "sex")`` and a standard by age only, each sex is standardised
    to it (age-and-sex standardisation of persons). With ``city_code``, one city row per
    combination of the other ``by`` keys is added (area column = ``city_code``), from
    the summed events and populations of its areas.

    Returns the ``by`` columns, ``events``, ``population`` (summed over the strata),
    ``value``, ``lower_ci95``, ``upper_ci95``, ``lower_ci998``, ``upper_ci998`` and
    ``status`` (``ok``, ``too_few_events``, ``missing``). Raises IndicatorError.
    """
    grid = read_banded(data, by=by, strata=strata, events=events, population=population)
    if standard is None:
        standard = european_standard_population(age_column=strata[0])
    weights = standard_weights(grid.strata, standard)
    if city_code is not None:
        grid = with_city(grid, area, city_code)
    got = dsr_of_grid(grid, weights, float(multiplier), float(min_events))
    frame = grid.keys.copy()
    for name in ("events", "population", "value", *LIMIT_COLUMNS):
        frame[name] = got[name]
    frame["status"] = as_categorical(np.asarray(got["status"]), METHOD_STATUSES)
    return frame
