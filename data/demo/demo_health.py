"""The demo city's health register: deaths and emergency admissions by age band.

Per area x year x sex x the 19 bands of the European Standard Population 2013
(``0-4`` ... ``85-89``, ``90+``):

- the mid-year population by band: a Swedish-like age profile, tilted per area by its
  shares of children and of people aged 65+ (demo_values.age_shares: the prioritized
  estates are younger, the well-off outer areas older) and by centrality (young adults
  in the centre); women outnumber men from 70;
- deaths: annual mortality that rises steeply with age (about 0.0006 at 0-4, 0.25 at
  90+), higher for men, times exp(0.20 x deprivation), falling 1.2% a year, a COVID
  bump at 70+ in 2020-2021 and an area effect; Poisson draws;
- emergency admissions: U-shaped in age (children, then steeply rising after 60),
  times exp(0.17 x deprivation), falling 1% a year, fewer in 2020-2021.

Counts are pooled over rolling three-year periods, ``2015-2017`` ... ``2022-2024``
(text, sorting in time order): one year gives too few person-years for a life
expectancy (5,000 per area, period and sex) in every area, three give enough in most.
An area without residents in a year of a period (the new development) has no row for
that period. Every band keeps at least two residents of each sex, and the open band
90+ at least one death per area, period and sex (the life table needs one; where the
draws give none the register's pooled count is set to 1, as a real register would be
pooled further).
"""

from __future__ import annotations

import math

import numpy as np
from demo_areas import YEARS, Area
from demo_values import COVID_YEARS, age_shares, rng_for

BANDS = (
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
    "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+",
)
STARTS = tuple(int(b.split("-")[0].rstrip("+")) for b in BANDS)
ESP2013 = (5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
           7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000)
POOLED = 3  # years per period
PERIODS = tuple((y, y + POOLED - 1) for y in range(YEARS[0], YEARS[-1] - POOLED + 2))
HEALTH_IDS = ("mortality_dsr", "admissions_isr", "life_expectancy")
SEXES = ("female", "male")

# A Swedish-like age profile (% of residents by band) and its shares aged 0-17 and 65+.
PROFILE = np.array([5.8, 6.0, 5.9, 5.6, 6.2, 6.9, 6.9, 6.4, 6.2, 6.5, 6.6, 6.1, 5.5, 5.3, 5.2,
                    4.3, 2.8, 1.6, 0.9])
CHILD_BANDS = np.array([1.0, 1.0, 1.0, 0.6] + [0.0] * 15)  # 0-17: three bands and 15-17
OLD_BANDS = np.array([0.0] * 13 + [1.0] * 6)
YOUNG_ADULT_BANDS = np.array([0.0] * 4 + [1.0] * 3 + [0.0] * 12)  # 20-34
FEMALE_SHARE = np.array([0.487] * 13 + [0.50, 0.52, 0.54, 0.58, 0.64, 0.72])
# Annual deaths per resident (women, 2015) and the men's multiple of it.
MORTALITY = np.array([0.0006, 0.00006, 0.00008, 0.0002, 0.00025, 0.0003, 0.00035, 0.0005,
                      0.0008, 0.0013, 0.002, 0.0033, 0.0055, 0.009, 0.015, 0.027, 0.052,
                      0.105, 0.25])
MALE_MORTALITY = np.array([1.2, 1.2, 1.3, 2.2, 2.6, 2.4, 2.1, 1.8, 1.7, 1.6, 1.6, 1.6, 1.55, 1.5,
                           1.45, 1.4, 1.3, 1.2, 1.1])
# Annual emergency admissions per resident (both sexes, 2015); women 6% fewer.
ADMISSIONS = np.array([0.07, 0.03, 0.03, 0.05, 0.055, 0.05, 0.05, 0.05, 0.055, 0.06, 0.07, 0.08,
                       0.095, 0.115, 0.15, 0.2, 0.27, 0.35, 0.42])


def period_label(period: tuple[int, int]) -> str:
    return f"{period[0]}-{period[1]}"


def band_shares(area: Area) -> np.ndarray:
    """The area's share of residents in each band (sums to 1). The well-off outer areas
    (villa suburbs: low deprivation, far from the centre) are older still."""
    child, old = age_shares(area)
    old *= 1 + 0.4 * max(0.0, -area.deprivation - 0.5) * (1 - area.centrality)
    base_child = float((PROFILE * CHILD_BANDS).sum() / PROFILE.sum())
    base_old = float((PROFILE * OLD_BANDS).sum() / PROFILE.sum())
    tilt = (1 + CHILD_BANDS * (child / base_child - 1)) * (1 + OLD_BANDS * (old / base_old - 1))
    tilt *= 1 + YOUNG_ADULT_BANDS * 0.6 * area.centrality
    weights = PROFILE * tilt
    return weights / weights.sum()


def population(area: Area, year: int) -> dict[str, np.ndarray]:
    """Mid-year residents by sex and band (at least two in each)."""
    total = np.round(area.population[year] * band_shares(area))
    female = np.maximum(2, np.round(total * FEMALE_SHARE))
    return {"female": female, "male": np.maximum(2, total - female)}


def mortality(area: Area, year: int, sex: str, effect: float) -> np.ndarray:
    rate = MORTALITY * (MALE_MORTALITY if sex == "male" else 1.0)
    rate = rate * math.exp(0.20 * area.deprivation + effect - 0.012 * (year - YEARS[0]))
    if year in COVID_YEARS:
        rate = rate * np.where(np.array(STARTS) >= 70, 1.08, 1.0)
    return rate


def admissions(area: Area, year: int, sex: str, effect: float) -> np.ndarray:
    rate = ADMISSIONS * (0.94 if sex == "female" else 1.0)
    rate = rate * math.exp(0.17 * area.deprivation + effect - 0.01 * (year - YEARS[0]))
    return rate * (0.88 if year in COVID_YEARS else 1.0)


def yearly_counts(area: Area) -> dict[tuple[int, str], dict[str, np.ndarray]]:
    """(year, sex) -> residents, deaths and admissions by band."""
    rng = rng_for("health", area.code)
    effects = {"deaths": float(rng.normal(0.0, 0.06)), "admissions": float(rng.normal(0.0, 0.08))}
    out = {}
    for year in YEARS:
        if year not in area.population:
            continue
        pop = population(area, year)
        draw = rng_for("health", area.code, year)
        for sex in SEXES:
            deaths = draw.poisson(np.minimum(mortality(area, year, sex, effects["deaths"]), 0.9)
                                  * pop[sex])
            admitted = draw.poisson(admissions(area, year, sex, effects["admissions"]) * pop[sex])
            out[(year, sex)] = {"population": pop[sex], "deaths": np.minimum(deaths, pop[sex]),
                                "admissions": admitted.astype(float)}
    return out


def health_rows(areas: list[Area]) -> list[list[str]]:
    """indicator, area_code, period, sex, age_group, numerator, denominator (long rows)."""
    pooled: dict[tuple[str, str, str], dict[str, np.ndarray]] = {}
    for area in areas:
        counts = yearly_counts(area)
        for period in PERIODS:
            years = range(period[0], period[1] + 1)
            if not all((y, "female") in counts for y in years):
                continue
            for sex in SEXES:
                summed = {k: sum(counts[(y, sex)][k] for y in years)
                          for k in ("population", "deaths", "admissions")}
                summed["deaths"][-1] = max(summed["deaths"][-1], 1.0)  # the open band: see above
                pooled[(area.code, period_label(period), sex)] = summed
    rows = []
    for indicator in HEALTH_IDS:
        events = "admissions" if indicator == "admissions_isr" else "deaths"
        for (code, period, sex), counts in pooled.items():
            rows += [[indicator, code, period, sex, band, str(int(counts[events][b])),
                      str(int(counts["population"][b]))] for b, band in enumerate(BANDS)]
    return rows
