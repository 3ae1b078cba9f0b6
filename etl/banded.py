"""Age-banded values: the rows of ``dsr``, ``isr`` and ``life_expectancy`` indicators.

Such an indicator comes as counts by age band: ``age_group`` a band of the European
Standard Population 2013 (``ESP2013_BANDS``), ``numerator`` the events (deaths,
admissions), ``denominator`` the population (person-years), value and limits empty;
sex ``female`` and ``male`` (``total`` rows are optional). The engine computes the
standardised rate, ratio or life expectancy from them (``indicators.standardise``), and
the city's from the areas' summed counts. Each row is checked here (before values are
computed from counts, ``etl.checks.fill_values``, which leaves these rows alone):

- a whole-city row is refused: the city value is computed from the areas' counts;
- age group ``all``, or a band that is not one of the standard's bands;
- a missing numerator or denominator (negative ones: ``etl.checks.check_counts``);
- more deaths than person-years (life expectancy), events in a band without population;
- a value or limits given on a band row: not used, blanked, one warning.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from etl.checks import MISSING, Report
from etl.context import Context
from etl.plausibility import RowKinds
from store.schema import STANDARDISED_TYPES

# The 19 bands of the European Standard Population 2013, as the engine labels them
# (indicators.standards.ESP2013_BANDS; the ETL may not import the engine, so the list is
# copied here and tests/etl/test_banded.py asserts that both are equal).
ESP2013_BANDS: tuple[str, ...] = (
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
    "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+",
)
BANDS_TEXT = "the 19 ESP 2013 bands 0-4, 5-9, … 85-89, 90+"
CITY_FIX = "leave them out: the city value is computed from the areas' summed counts"
WHAT = {"dsr": "a directly standardised rate", "isr": "an indirectly standardised ratio",
        "life_expectancy": "life expectancy"}


def _f(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].to_numpy(dtype=float, na_value=np.nan)


def banded_rows(kinds: RowKinds) -> np.ndarray:
    """Rows of indicators whose values come by age band."""
    return kinds.of(STANDARDISED_TYPES)


def check_banded(frame: pd.DataFrame, ctx: Context, kinds: RowKinds, report: Report) -> None:
    """Report what is wrong with the age-banded rows of ``frame``; blank their values."""
    banded = banded_rows(kinds)
    if not banded.any():
        return
    types = kinds.types

    def kind(i: int) -> str:
        return WHAT.get(str(types[i]), str(types[i]))

    city = banded & (frame["area_code"] == ctx.cfg.code).to_numpy(dtype=bool)
    report("banded city row", city, "area_code",
           lambda i: f"whole-city row of {kind(i)} indicator", CITY_FIX, "error")
    rows = banded & ~city
    age = frame["age_group"].astype(object).to_numpy()
    everyone = rows & (age == "all")
    report("banded age group all", everyone, "age_group",
           lambda i: f"age group 'all' on a row of {kind(i)} indicator, whose values come by "
           "age band", f"give each row its age band ({BANDS_TEXT}); the value over all ages is "
           "computed from them", "error")
    unknown = rows & ~everyone & ~np.isin(age, ESP2013_BANDS)
    report("banded unknown band", unknown, "age_group",
           lambda i: f"age group is not a band of the standard population of {kind(i)} indicator",
           f"use {BANDS_TEXT}, written exactly so (one row per band, area, period and sex)",
           "error")
    num, den = _f(frame, "numerator"), _f(frame, "denominator")
    for name, values, what in (("numerator", num, "events (deaths, admissions)"),
                               ("denominator", den, "population (person-years)")):
        report(f"banded {name} missing", rows & np.isnan(values), name, _missing(name, kind),
               f"give the band's {what}, 0 when there are none; the value is computed from "
               "every band's counts", "error")
    with np.errstate(invalid="ignore"):
        deaths = rows & (types == "life_expectancy") & (num > den) & (den > 0)
        report("banded deaths > person-years", deaths, "numerator",
               "more deaths than person-years in an age band of a life expectancy indicator",
               "check that the numerator (deaths) and denominator (person-years) are not swapped "
               "and belong to the same band, area, period and sex", "error")
        empty = rows & (num > 0) & (den == 0)
        report("banded events without population", empty, "numerator",
               lambda i: f"events in an age band without population (denominator 0) of "
               f"{kind(i)} indicator", "correct the denominator (the band's population), or "
               "check that the row belongs to this area", "error")
    _blank_values(frame, rows, report)


def _missing(name: str, kind: Callable[[int], str]) -> Callable[[int], str]:
    return lambda i: f"{name} is missing on an age band of {kind(i)} indicator"


def _blank_values(frame: pd.DataFrame, rows: np.ndarray, report: Report) -> None:
    """Values and limits given on band rows are not used: blanked, with one warning a row.
    Band rows with both counts lose the ``missing`` status their empty value gave them."""
    given = np.zeros(len(frame), dtype=bool)
    for name in ("value", "lower_ci", "upper_ci"):
        given |= rows & ~np.isnan(_f(frame, name))
    report("banded value given", given, "value",
           "value or limits given on an age band of a standardised indicator; they are not used",
           "nothing, or leave value, lower_ci and upper_ci empty on band rows: the value is "
           "computed from the bands' counts", "warning")
    for name in ("value", "lower_ci", "upper_ci"):
        frame[name] = np.where(rows, np.nan, _f(frame, name))
    status = frame["status"]
    counted = rows & ~np.isnan(_f(frame, "numerator")) & ~np.isnan(_f(frame, "denominator"))
    codes = status.cat.codes.to_numpy().copy()
    missing = (status == MISSING).to_numpy(dtype=bool)
    codes[counted & missing] = -1
    frame["status"] = pd.Categorical.from_codes(codes, status.cat.categories)
