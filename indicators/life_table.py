"""Life expectancy from deaths and populations by age band: Chiang II abridged life table.

As PHE's Life Expectancy Calculator and PHEindicatormethods' ``phe_life_expectancy``
(Chiang 1968 for the table; Silcocks, Jenner & Reza 2001 for the variance of the open
last band). For band i with start age xᵢ, width nᵢ (the last band is open), deaths Dᵢ,
person-years Pᵢ and the fraction aᵢ of the band lived by those who die in it (0.1 for
the band starting at 0, 0.5 otherwise):

    Mᵢ = Dᵢ/Pᵢ;  qᵢ = nᵢMᵢ / (1 + nᵢMᵢ(1 − aᵢ))  (1 when nᵢMᵢaᵢ > 1; 1 in the last band)
    l₀ = 100,000;  lᵢ₊₁ = lᵢ(1 − qᵢ);  dᵢ = lᵢ − lᵢ₊₁ (last: l)
    Lᵢ = nᵢ(lᵢ₊₁ + aᵢdᵢ)  (last: l/M);  Tᵢ = Σ_{j≥i} Lⱼ;  eᵢ = Tᵢ/lᵢ
    var(qᵢ) = qᵢ²(1 − qᵢ)/Dᵢ (0 when dᵢ = 0; last: 4/(D·M²))
    var(eᵢ) = Σ_{j≥i} lⱼ²((1 − aⱼ)nⱼ + eⱼ₊₁)²var(qⱼ) / lᵢ²  (last term: (l/2)²var(q))

Vectorised: every group is one row of a (groups × bands) grid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators import intervals
from indicators.banded import Banded, as_categorical, read_banded, with_city
from indicators.contract import METHOD_STATUSES
from indicators.errors import IndicatorError, InputProblem

Array = NDArray[np.float64]
OK, FEW_YEARS, TOO_WIDE, MISSING = (METHOD_STATUSES.index(s) for s in (
    "ok", "too_few_person_years", "interval_over_20_years", "missing"))
RADIX = 100_000.0
MIN_PERSON_YEARS = 5000.0
MAX_HALF_WIDTH_95 = 10.0
"""PHE suppresses a life expectancy whose 95% interval is wider than 20 years."""
INFANT_FRACTION, DEFAULT_FRACTION = 0.1, 0.5


def start_ages(labels: Sequence[object]) -> NDArray[np.int64]:
    """The start age of each band label: its first whole number ("0-4" → 0, "90+" → 90,
    "1-4" → 1, 65 → 65). Raises IndicatorError listing labels without one."""
    starts, bad = [], []
    for label in labels:
        found = re.search(r"\d+", str(label))
        if found is None:
            bad.append(label)
        starts.append(int(found.group()) if found else -1)
    if bad:
        raise IndicatorError([InputProblem("data", "age band without a start age",
                                           "label bands by their ages, e.g. 0-4, 5-9 … 90+",
                                           column="age", value=label) for label in bad])
    return np.asarray(starts, dtype=np.int64)


def _band_layout(grid: Banded, age: str, fractions: Mapping[str, float] | None,
                 ) -> tuple[NDArray[np.int64], Array, Array]:
    """Order of the bands by start age, their start ages (in that order), fractions aᵢ."""
    starts = start_ages(list(grid.strata[age]))
    order = np.argsort(starts, kind="stable")
    ordered = starts[order]
    problems = []
    if ordered[0] != 0:
        problems.append(InputProblem("data", "the first age band does not start at 0",
                                     "give every age band from birth", column=age,
                                     value=str(grid.strata[age].iloc[order[0]])))
    if len(ordered) < 2 or (np.diff(ordered) <= 0).any():
        problems.append(InputProblem("data", "two age bands start at the same age, or only one "
                                     "band", "give distinct, consecutive age bands",
                                     column=age, value=", ".join(map(str, ordered))))
    if problems:
        raise IndicatorError(problems)
    a = np.where(ordered == 0, INFANT_FRACTION, DEFAULT_FRACTION)
    if fractions:
        labels = [str(v) for v in grid.strata[age].iloc[order]]
        a = np.array([fractions.get(lab, a_i) for lab, a_i in zip(labels, a, strict=True)])
    return order, ordered.astype(np.float64), a


def chiang(deaths: Array, people: Array, widths: Array, a: Array) -> tuple[Array, Array]:
    """Life expectancy eᵢ and its standard error at the start of every band, per group
    (rows: groups; columns: bands in age order). NaN where undefined."""
    n_bands = deaths.shape[1]
    n = np.broadcast_to(widths[:-1], (deaths.shape[0], n_bands - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        m = deaths / people
        nm = n * m[:, :-1]
        q = np.where(nm * a[:-1] <= 1.0, nm / (1.0 + nm * (1.0 - a[:-1])), 1.0)
        q = np.column_stack([q, np.ones(deaths.shape[0])])
        surv = np.column_stack([np.ones(deaths.shape[0]), np.cumprod(1.0 - q[:, :-1], axis=1)])
        lx = RADIX * surv
        dx = lx - np.column_stack([lx[:, 1:], np.zeros(deaths.shape[0])])
        big_l = np.column_stack([n * (lx[:, 1:] + a[:-1] * dx[:, :-1]), lx[:, -1] / m[:, -1]])
        tx = np.cumsum(big_l[:, ::-1], axis=1)[:, ::-1]
        ex = np.where(lx == 0, 0.0, tx / lx)
        var_q = np.where(dx == 0, 0.0, q**2 * (1.0 - q) / deaths)
        var_q[:, -1] = 4.0 / (deaths[:, -1] * m[:, -1] ** 2)
        weight = np.column_stack([lx[:, :-1] ** 2 * ((1.0 - a[:-1]) * n + ex[:, 1:]) ** 2,
                                  (lx[:, -1] / 2.0) ** 2])
        st = np.cumsum((weight * var_q)[:, ::-1], axis=1)[:, ::-1]
        se = np.sqrt(st / lx**2)
    return ex, se


def _status(deaths: Array, people: Array, total_years: Array, min_person_years: float,
            ) -> NDArray[np.int8]:
    """Per group: missing band, population <= 0, deaths > population or no deaths in the
    open band → missing; fewer person-years than the threshold → too_few_person_years."""
    with np.errstate(invalid="ignore"):
        broken = (~(people > 0) | (deaths > people)).any(axis=1) | ~(deaths[:, -1] > 0)
        few = total_years < min_person_years
    code = np.where(broken, MISSING, np.where(few, FEW_YEARS, OK))
    return code.astype(np.int8)


def life_expectancy(
    data: pd.DataFrame, *, by: Sequence[str] = ("area_code", "period", "sex"),
    age: str = "age_group", deaths: str = "deaths", population: str = "population",
    at_ages: Sequence[int] = (0, 65), min_person_years: float = MIN_PERSON_YEARS,
    fractions: Mapping[str, float] | None = None, city_code: str | None = None,
    area: str = "area_code",
) -> pd.DataFrame:
    """Life expectancy at each age of ``at_ages`` for every group of ``by``.

    ``data``: one row per group and age band (labels with their start age: 0-4 … 90+,
    or 0, 1-4, 5-9 … 90+ as PHE's calculator); the last band is open. ``fractions``
    overrides aᵢ by band label. Groups with fewer than ``min_person_years`` person-years
    (all ages) are refused; so are groups with a band missing, a population <= 0, more
    deaths than population in a band or no death in the open band. With ``city_code`` a
    city row per combination of the other ``by`` keys is added from the summed deaths and
    populations.

    Returns the ``by`` columns, ``age`` (start age), ``value`` (years), ``se``,
    ``lower_ci95``, ``upper_ci95``, ``lower_ci998``, ``upper_ci998``, ``deaths`` and
    ``person_years`` (from ``age`` up) and ``status`` (``ok``, ``too_few_person_years``,
    ``interval_over_20_years``, ``missing``). Raises IndicatorError.
    """
    grid = read_banded(data, by=by, strata=(age,), events=deaths, population=population)
    order, starts, a = _band_layout(grid, age, fractions)
    wanted = np.searchsorted(starts, np.asarray(at_ages, dtype=np.float64))
    bad = [x for x, w in zip(at_ages, wanted, strict=True) if w >= len(starts)
           or starts[w] != x]
    if bad:
        raise IndicatorError([InputProblem("arguments", "at_ages names an age that starts no "
                                           "band", "use start ages of the bands, e.g. 0 and 65",
                                           value=x) for x in bad])
    if city_code is not None:
        grid = with_city(grid, area, city_code)
    d, p = grid.events[:, order], grid.population[:, order]
    widths = np.append(np.diff(starts), np.nan)
    ex, se = chiang(d, p, widths, a)
    status = _status(d, p, np.nansum(p, axis=1), float(min_person_years))
    parts = []
    for x, col in zip(at_ages, wanted, strict=True):
        parts.append(_rows(grid.keys, int(x), ex[:, col], se[:, col], d[:, col:].sum(axis=1),
                           np.nansum(p[:, col:], axis=1), status))
    return pd.concat(parts, ignore_index=True)


def _rows(keys: pd.DataFrame, age: int, value: Array, se: Array, deaths: Array,
          years: Array, group_status: NDArray[np.int8]) -> pd.DataFrame:
    status = group_status.copy()
    z95 = intervals.z_value(0.95)
    with np.errstate(invalid="ignore"):
        status[(status == OK) & ~(z95 * se <= MAX_HALF_WIDTH_95)] = TOO_WIDE
    frame = keys.copy()
    frame["age"] = age
    shown = status == OK
    limits = status == OK
    limits |= status == TOO_WIDE  # PHE shows the interval of a suppressed value
    frame["value"] = np.where(shown, value, np.nan)
    frame["se"] = np.where(limits, se, np.nan)
    for conf, lo_name, hi_name in ((0.95, "lower_ci95", "upper_ci95"),
                                   (0.998, "lower_ci998", "upper_ci998")):
        z = intervals.z_value(conf)
        with np.errstate(invalid="ignore"):
            frame[lo_name] = np.where(limits, value - z * se, np.nan)
            frame[hi_name] = np.where(limits, value + z * se, np.nan)
    frame["deaths"], frame["person_years"] = deaths, years
    frame["status"] = as_categorical(status, METHOD_STATUSES)
    return frame
