"""How each demo indicator is simulated: levels, trends, deprivation and gap stories.

A value is built on a link scale (logit for shares, log for rates, counts and
incomes, identity for means and scores):

    link = link(base) + trend * t + bad * (dep * z + gap[k] * s) + centre * c
           + sex effect + area effect + covid bump

where t = year - 2015, s = years since the gap started to move (gap_from), z is the area's deprivation, c its centrality, k its
prioritized rank (1..3) and ``bad`` is +1 when high values are bad and -1
when high values are good, so positive ``dep`` and ``gap`` always mean
"worse". Numerators are then drawn (binomial or Poisson) from the
denominators, so sampling noise is realistic for the area's size.

Gap stories (per year, link scale): unemployment widens for prioritized area 1
and narrows for area 2 (area 3 about stable); school results narrow for all
three once the city's school and preschool programme starts in 2019 (clearest
for preschool enrolment, whose denominators are larger); employment narrows
for area 2; feeling unsafe widens for area 3 from 2020; median income widens
for area 1.
"""

from __future__ import annotations

from dataclasses import dataclass

SURVEY_IDS = (
    "self_rated_health", "obesity", "housing_satisfaction", "feel_unsafe",
    "trust_in_others", "civic_influence", "association_activity",
)
ENVIRONMENT_IDS = ("traffic_noise", "green_space_access", "environment_score")
ELECTION_YEARS = (2018, 2022)


@dataclass(frozen=True)
class Spec:
    """Simulation parameters of one indicator (see the module docstring)."""

    kind: str  # binomial | poisson | mean | median | score | count
    base: float  # city level in 2015: share 0-1, rate per person, mean, median or score
    group: str  # the denominator population (see demo_values.GROUPS)
    dep: float = 0.0
    trend: float = 0.0
    by_sex: bool = False
    sex: float = 0.0  # female minus male, link scale
    centre: float = 0.0  # at full centrality, link scale (not polarity-aligned)
    gaps: tuple[float, float, float] = (0.0, 0.0, 0.0)
    gap_from: int = 2015  # the gaps start to move in this year (e.g. a programme starts)
    covid: float = 0.0  # added in 2020 and 2021, link scale (not polarity-aligned)
    sd: float = 0.0  # means and scores: spread between persons / year-to-year noise
    area_sd: float = 0.12  # between-area random effect, link scale
    se: float = 0.0  # means: a fixed standard error (modelled values), instead of sd/sqrt(n)
    years: tuple[int, ...] | None = None  # only these years (elections)


SPECS: dict[str, Spec] = {
    # health
    "self_rated_health": Spec("binomial", 0.72, "survey", dep=0.28, by_sex=True, sex=-0.15),
    "obesity": Spec("binomial", 0.14, "survey", dep=0.22, trend=0.02, by_sex=True, sex=-0.05),
    "emergency_admissions": Spec(
        "poisson", 0.095, "residents", dep=0.17, trend=-0.01, by_sex=True, sex=-0.06, covid=-0.12
    ),
    "premature_mortality": Spec(
        "poisson", 0.0022, "under_75", dep=0.22, trend=-0.015, by_sex=True, sex=-0.40
    ),
    "sickness_days": Spec(
        "mean", 26.0, "age_20_64", dep=5.0, trend=-0.5, by_sex=True, sex=9.0, sd=55.0, area_sd=2.0
    ),
    "dental_caries": Spec("binomial", 0.24, "age_12", dep=0.40, trend=-0.02),
    "share_65plus": Spec("binomial", 0.19, "residents", dep=-0.22, centre=-0.25, area_sd=0.25),
    # education
    "school_eligibility": Spec(
        "binomial", 0.85, "age_15", dep=0.75, trend=0.02, by_sex=True, sex=0.30,
        gaps=(-0.28, -0.28, -0.30), gap_from=2019,
    ),
    "merit_value": Spec(
        "mean", 226.0, "age_15", dep=17.0, trend=0.8, by_sex=True, sex=20.0, sd=62.0,
        gaps=(-4.5, -4.0, -4.5), gap_from=2019, area_sd=4.0,
    ),
    "upper_secondary_completion": Spec(
        "binomial", 0.71, "age_19", dep=0.30, trend=0.01, by_sex=True, sex=0.25
    ),
    "preschool_enrolment": Spec(
        "binomial", 0.86, "children_1_5", dep=0.40, trend=0.03, gaps=(-0.15, -0.15, -0.15),
        gap_from=2019,
    ),
    "tertiary_education": Spec(
        "binomial", 0.29, "age_25_64", dep=0.38, trend=0.025, by_sex=True, sex=0.35, centre=0.3
    ),
    # work and income
    "unemployment": Spec(
        "binomial", 0.072, "age_16_64", dep=0.43, trend=-0.03, by_sex=True, sex=-0.10,
        gaps=(0.09, -0.07, 0.04), covid=0.08,
    ),
    "employment_rate": Spec(
        "binomial", 0.79, "age_20_64", dep=0.40, trend=0.02, by_sex=True, sex=-0.12,
        gaps=(0.03, -0.07, 0.0), covid=-0.10,
    ),
    "neet_youth": Spec(
        "binomial", 0.07, "age_16_24", dep=0.36, trend=-0.01, by_sex=True, sex=-0.15, covid=0.15
    ),
    "median_income": Spec("median", 228.0, "income_20plus", dep=0.19, trend=0.027,
                          gaps=(0.018, 0.0, -0.008), area_sd=0.04),
    "low_economic_standard": Spec("binomial", 0.13, "residents", dep=0.46, trend=0.01),
    "social_assistance": Spec("binomial", 0.045, "households", dep=0.60, trend=-0.02),
    "child_poverty": Spec(
        "binomial", 0.15, "children_0_17", dep=0.55, trend=-0.01, gaps=(0.0, -0.05, 0.0)
    ),
    # housing
    "overcrowding": Spec("binomial", 0.15, "residents", dep=0.50, trend=0.01, centre=0.2),
    "rental_share": Spec("binomial", 0.45, "dwellings", dep=0.55, centre=0.6, area_sd=0.3),
    "housing_satisfaction": Spec("binomial", 0.83, "survey", dep=0.30, by_sex=True),
    "evictions": Spec("poisson", 0.0012, "households", dep=0.35, trend=-0.02),
    # safety
    "reported_crime": Spec(
        "poisson", 0.105, "residents", dep=0.15, trend=-0.015, centre=0.9, gaps=(-0.05, 0.0, 0.0)
    ),
    "violent_crime": Spec("poisson", 0.0068, "residents", dep=0.25, centre=0.6),
    "burglaries": Spec("count", 0.0045, "households", dep=-0.10, trend=-0.04, area_sd=0.2),
    "feel_unsafe": Spec(
        "binomial", 0.24, "survey", dep=0.33, trend=0.01, by_sex=True, sex=0.85,
        gaps=(0.0, 0.0, 0.20), gap_from=2020,
    ),
    # trust and participation
    "voter_turnout": Spec("binomial", 0.84, "voters", dep=0.55, years=ELECTION_YEARS),
    "trust_in_others": Spec(
        "binomial", 0.62, "survey", dep=0.30, by_sex=True, gaps=(0.0, -0.06, 0.0)
    ),
    "civic_influence": Spec("binomial", 0.30, "survey", dep=0.16, trend=-0.01, by_sex=True),
    "association_activity": Spec("binomial", 0.45, "survey", dep=0.25, by_sex=True, sex=0.05),
    # environment
    "no2_exposure": Spec("mean", 11.5, "residents", dep=0.3, trend=-0.35, centre=9.0, se=0.7,
                         area_sd=0.8),
    "traffic_noise": Spec("binomial", 0.17, "residents", dep=0.05, centre=1.1, area_sd=0.3),
    "green_space_access": Spec("binomial", 0.82, "residents", dep=-0.35, centre=-1.0,
                               area_sd=0.3),
    "environment_score": Spec("score", 64.0, "residents", dep=4.0, trend=0.3, centre=-6.0,
                              sd=1.5, area_sd=3.0),
}
