"""The demo city's national comparator: made-up values for "Sweden" (Sverige, Szwecja).

The country is the demo model's average area (deprivation 0, no centrality, no area
effect) with a small national offset towards the better side, for every year of the
demo (the election years for turnout; the health register's three-year periods for the
age-standardised mortality and life expectancy). 95% limits come from national sample
sizes: about 20,000 survey respondents, millions of register records (so limits are
narrow), none for the median income. SYNTHETIC like the rest of the demo city.
"""

from __future__ import annotations

import math

import numpy as np
from demo_areas import YEARS
from demo_catalogue import BY_ID
from demo_health import (
    ESP2013,
    FEMALE_SHARE,
    MALE_MORTALITY,
    MORTALITY,
    PERIODS,
    PROFILE,
    STARTS,
    period_label,
)
from demo_model import SPECS, SURVEY_IDS
from demo_values import COVID_YEARS, Z95, years_of

NATIONAL = ("unemployment", "employment_rate", "neet_youth", "low_economic_standard",
            "child_poverty", "tertiary_education", "school_eligibility", "self_rated_health",
            "obesity", "emergency_admissions", "reported_crime", "voter_turnout", "median_income")
OFFSET = 0.05  # link scale, towards the better side
SURVEY_N, REGISTER_N = 20_000, 5_000_000
HEADER = ("indicator", "period", "sex", "value", "lower_ci", "upper_ci")


def _level(indicator: str, year: int) -> float:
    """The national value on the indicator's scale (share 0-1, rate per person, median)."""
    spec = SPECS[indicator]
    bad = -1.0 if BY_ID[indicator]["polarity"] == "high_is_good" else 1.0
    t = year - YEARS[0]
    binomial = spec.kind == "binomial"
    link = math.log(spec.base / (1 - spec.base)) if binomial else math.log(spec.base)
    link += spec.trend * t - bad * OFFSET + (spec.covid if year in COVID_YEARS else 0.0)
    return 1 / (1 + math.exp(-link)) if binomial else math.exp(link)


def _row(indicator: str, year: int) -> list[str]:
    spec = SPECS[indicator]
    level = _level(indicator, year)
    vtype = BY_ID[indicator]["value_type"]
    scale = 100.0 if vtype == "percentage" else float(BY_ID[indicator]["multiplier"])
    if spec.kind == "median":
        return [indicator, str(year), "total", f"{level:.1f}", "", ""]
    n = SURVEY_N if indicator in SURVEY_IDS else REGISTER_N
    se = math.sqrt(level * (1 - level) / n) if spec.kind == "binomial" else math.sqrt(level / n)
    return [indicator, str(year), "total", *(f"{scale * x:.2f}" for x in (
        level, level - Z95 * se, level + Z95 * se))]


def _rates(year: int, sex: str) -> np.ndarray:
    rate = MORTALITY * (MALE_MORTALITY if sex == "male" else 1.0)
    rate = rate * math.exp(-OFFSET - 0.012 * (year - YEARS[0]))
    return rate * np.where(np.array(STARTS) >= 70, 1.08, 1.0) if year in COVID_YEARS else rate


def _life_expectancy(rates: np.ndarray) -> float:
    """At birth, Chiang II with the open last band (as the engine's life table)."""
    width = np.diff([*STARTS, STARTS[-1] + 5]).astype(float)
    frac = np.where(np.array(STARTS) == 0, 0.1, 0.5)
    q = np.minimum(1.0, width * rates / (1 + width * rates * (1 - frac)))
    q[-1] = 1.0
    alive = np.concatenate([[1.0], np.cumprod(1 - q)[:-1]])
    lived = width * (alive * (1 - q) + frac * alive * q)
    lived[-1] = alive[-1] / rates[-1]
    return float(lived.sum())


def _health_rows() -> list[list[str]]:
    """Age-standardised mortality (ESP 2013) and life expectancy per pooled period."""
    rows = []
    weights = np.array(ESP2013, dtype=float)
    for period in PERIODS:
        years = range(period[0], period[1] + 1)
        by_sex = {sex: np.mean([_rates(y, sex) for y in years], axis=0) for sex in ("female", "male")}
        share = FEMALE_SHARE * PROFILE / PROFILE.sum()
        persons = (by_sex["female"] * share + by_sex["male"] * (PROFILE / PROFILE.sum() - share)) / (
            PROFILE / PROFILE.sum())
        for sex, rates in (("total", persons), *by_sex.items()):
            dsr = 100_000 * float((weights * rates).sum() / weights.sum())
            le = _life_expectancy(rates)
            label = period_label(period)
            rows.append(["mortality_dsr", label, sex, f"{dsr:.1f}", f"{dsr * 0.985:.1f}",
                         f"{dsr * 1.015:.1f}"])
            rows.append(["life_expectancy", label, sex, f"{le:.2f}", f"{le - 0.08:.2f}",
                         f"{le + 0.08:.2f}"])
    return rows


def sweden_rows() -> list[list[str]]:
    """indicator, period, sex, value, lower_ci, upper_ci: the country's values."""
    rows = [_row(indicator, year) for indicator in NATIONAL for year in years_of(indicator)]
    return rows + sorted(_health_rows(), key=lambda r: (r[0], r[1], r[2]))
