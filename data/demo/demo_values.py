"""Simulate the demo city's indicator values from the specs in demo_model.

Every (indicator, area, year, sex) becomes a Row. Numerators are drawn from
denominators, the total row is the sum of the female and male rows, and the
value is derived from them, so a reader can recompute every figure. A few
cells are marked as suppressed by the source or missing.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, replace

import numpy as np
from demo_areas import CITY_CODE, YEARS, Area
from demo_catalogue import BY_ID
from demo_model import ELECTION_YEARS, SPECS, SURVEY_IDS, Spec

SEED = 2024
COVID_YEARS = (2020, 2021)
INCOME_SIGMA = 0.55  # spread of log income within an area
Z95 = 1.959963984540054
SD_GIVEN = ("merit_value",)  # means whose source gives n and the SD, not a CI


@dataclass(frozen=True)
class Row:
    """One cell of a source table; status is None, 'suppressed' ('..') or 'missing' (empty)."""

    indicator: str
    area: str
    year: int
    sex: str
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    lower_ci: float | None = None
    upper_ci: float | None = None
    status: str | None = None
    sd: float | None = None  # means: SD between persons (given instead of a CI)


def rng_for(*keys: object) -> np.random.Generator:
    """A generator seeded by stable keys (independent of the order of generation)."""
    return np.random.default_rng([SEED, *(zlib.crc32(str(k).encode()) for k in keys)])


def age_shares(area: Area) -> tuple[float, float]:
    """Expected shares of children (0-17) and older people (65+) in the area."""
    z, c = area.deprivation, area.centrality
    child = min(0.32, max(0.12, 0.20 + 0.035 * z - 0.03 * c))
    old = 1 / (1 + math.exp(-(math.log(0.19 / 0.81) - 0.22 * z - 0.25 * c)))
    return child, old


def group_size(area: Area, year: int, group: str) -> int:
    """Residents in a denominator group (expected size, deterministic)."""
    pop = area.population[year]
    child, old = age_shares(area)
    work = 1 - child - old
    z, c = max(area.deprivation, 0.0), area.centrality
    households = pop / (2.05 + 0.3 * z - 0.3 * c)
    sizes = {
        "residents": pop, "under_75": pop * (1 - 0.45 * old),
        "age_20_64": pop * work * 0.92, "age_16_64": pop * (work + child * 2 / 18),
        "age_16_24": pop * (child * 2 / 18 + work * 5 / 47), "age_25_64": pop * work * 40 / 47,
        "children_0_17": pop * child, "children_1_5": pop * child * 5 / 18,
        "age_12": pop * child / 18, "age_15": pop * child / 18, "age_19": pop * child / 19,
        "households": households, "dwellings": households * 1.03,
        "voters": pop * (1 - child) * (0.95 - 0.10 * z),
        "income_20plus": pop * (work * 0.92 + old), "survey": pop * (1 - child) * 0.97,
    }
    return round(sizes[group])


def split_by_sex(area: Area, total: int) -> tuple[int, int]:
    """(female, male) of a group; the female share varies a little between areas."""
    share = 0.5 + 0.012 * math.sin(zlib.crc32(area.code.encode()) % 628 / 100)
    female = round(total * share)
    return female, total - female


def scale(indicator: str) -> float:
    """value = scale x numerator / denominator (as etl.checks.fill_values computes it)."""
    vtype = BY_ID[indicator]["value_type"]
    return 100.0 if vtype == "percentage" else 1.0 if vtype == "proportion" else float(BY_ID[indicator]["multiplier"])


def _bad(indicator: str) -> float:
    return -1.0 if BY_ID[indicator]["polarity"] == "high_is_good" else 1.0


def _link(spec: Spec, base: float) -> float:
    if spec.kind == "binomial":
        return math.log(base / (1 - base))
    if spec.kind in ("poisson", "count", "median"):
        return math.log(base)
    return base


def linear_predictor(indicator: str, area: Area, year: int, sex_sign: float, u: float) -> float:
    """The area's expected value on the link scale (see demo_model's docstring)."""
    spec = SPECS[indicator]
    t = year - YEARS[0]
    gap = spec.gaps[area.prioritized - 1] if area.prioritized else 0.0
    eta = _link(spec, spec.base) + spec.trend * t + spec.centre * area.centrality + u
    since = max(0, year - spec.gap_from)
    eta += _bad(indicator) * (spec.dep * area.deprivation + gap * since)
    eta += spec.sex * sex_sign / 2
    if year in COVID_YEARS:
        eta += spec.covid
    return eta


def years_of(indicator: str) -> tuple[int, ...]:
    return ELECTION_YEARS if indicator == "voter_turnout" else YEARS


def _denominators(indicator: str, area: Area, year: int, rng: np.random.Generator) -> dict[str, int]:
    spec = SPECS[indicator]
    total = group_size(area, year, spec.group)
    female, male = split_by_sex(area, total)
    if indicator in SURVEY_IDS:  # the same respondents answer every question (most of them)
        base = survey_respondents(area, year)
        female, male = (int(rng.binomial(base[s], 0.96)) for s in ("female", "male"))
    return {"female": female, "male": male}


def survey_respondents(area: Area, year: int) -> dict[str, int]:
    """Survey respondents by sex: about 7% of adults, fewer in the estates."""
    rng = rng_for("survey", area.code, year)
    female, male = split_by_sex(area, group_size(area, year, "survey"))
    rate = 0.075 - 0.012 * max(area.deprivation, 0.0)
    return {"female": int(rng.binomial(female, rate)), "male": int(rng.binomial(male, rate))}


def _count_rows(indicator: str, area: Area, year: int, u: float, rng: np.random.Generator) -> list[Row]:
    """Binomial and Poisson indicators (and counts): numerators drawn from denominators."""
    spec = SPECS[indicator]
    mult = scale(indicator)
    dens = _denominators(indicator, area, year, rng)
    rows = []
    nums = {}
    for sex, sign in (("female", 1.0), ("male", -1.0)):
        eta = linear_predictor(indicator, area, year, sign if spec.by_sex else 0.0, u)
        if spec.kind == "binomial":
            nums[sex] = int(rng.binomial(dens[sex], 1 / (1 + math.exp(-eta))))
        else:
            nums[sex] = int(rng.poisson(math.exp(eta) * dens[sex]))
    sexes = ("total", "female", "male") if spec.by_sex else ("total",)
    for sex in sexes:
        num = sum(nums.values()) if sex == "total" else nums[sex]
        den = sum(dens.values()) if sex == "total" else dens[sex]
        if spec.kind == "count":
            rows.append(Row(indicator, area.code, year, sex, numerator=num, value=num))
        else:
            rows.append(Row(indicator, area.code, year, sex, num, den, num / den * mult if den else None))
    return rows


def _mean_rows(indicator: str, area: Area, year: int, u: float, rng: np.random.Generator) -> list[Row]:
    """Means with a 95% CI (t ~ normal at these sizes) given by the source."""
    spec = SPECS[indicator]
    dens = _denominators(indicator, area, year, rng)
    obs = {}
    for sex, sign in (("female", 1.0), ("male", -1.0)):
        mu = linear_predictor(indicator, area, year, sign if spec.by_sex else 0.0, u)
        se = spec.se or spec.sd / math.sqrt(max(dens[sex], 1))
        obs[sex] = mu + float(rng.normal(0.0, se))
    n_total = sum(dens.values())
    obs["total"] = sum(obs[s] * dens[s] for s in dens) / n_total
    rows = []
    for sex in ("total", "female", "male") if spec.by_sex else ("total",):
        n = n_total if sex == "total" else dens[sex]
        if indicator in SD_GIVEN:
            sd = _person_sd(spec.sd, obs, dens) if sex == "total" else spec.sd
            rows.append(Row(indicator, area.code, year, sex, None, n, obs[sex], sd=sd))
            continue
        half = Z95 * (spec.se or spec.sd / math.sqrt(max(n, 1)))
        rows.append(Row(indicator, area.code, year, sex, None, n, obs[sex], obs[sex] - half, obs[sex] + half))
    return rows


def _person_sd(sd: float, means: dict[str, float], dens: dict[str, int]) -> float:
    """SD of female and male persons together: pooled within-sex SD plus the between-sex spread."""
    n = sum(dens.values())
    within = sum((dens[s] - 1) * sd**2 for s in dens)
    between = sum(dens[s] * (means[s] - means["total"]) ** 2 for s in dens)
    return math.sqrt((within + between) / max(n - 1, 1))


def _median_row(indicator: str, area: Area, year: int, u: float, rng: np.random.Generator) -> Row:
    n = group_size(area, year, SPECS[indicator].group)
    se = 1.2533 * INCOME_SIGMA / math.sqrt(n)  # standard error of a log median
    log_median = linear_predictor(indicator, area, year, 0.0, u) + float(rng.normal(0.0, se))
    return Row(indicator, area.code, year, "total", None, n, math.exp(log_median),
               math.exp(log_median - Z95 * se), math.exp(log_median + Z95 * se))


def _score_row(indicator: str, area: Area, year: int, u: float, rng: np.random.Generator) -> Row:
    spec = SPECS[indicator]
    value = linear_predictor(indicator, area, year, 0.0, u) + float(rng.normal(0.0, spec.sd))
    return Row(indicator, area.code, year, "total", value=min(100.0, max(0.0, value)))


def indicator_rows(indicator: str, areas: list[Area]) -> list[Row]:
    """All rows of one indicator, areas in code order, years ascending."""
    spec = SPECS[indicator]
    rng = rng_for(indicator)
    effects = {a.code: float(rng.normal(0.0, spec.area_sd)) for a in areas}
    rows: list[Row] = []
    for year in years_of(indicator):
        shock = float(rng.normal(0.0, 0.02 if spec.kind in ("binomial", "poisson", "count") else 0.0))
        for area in areas:
            if year not in area.population:
                continue  # the new area has no statistics before it was built
            u = effects[area.code] + shock
            if spec.kind in ("binomial", "poisson", "count"):
                rows.extend(_count_rows(indicator, area, year, u, rng))
            elif spec.kind == "mean":
                rows.extend(_mean_rows(indicator, area, year, u, rng))
            elif spec.kind == "median":
                rows.append(_median_row(indicator, area, year, u, rng))
            else:
                rows.append(_score_row(indicator, area, year, u, rng))
    return rows


def city_median(rows: list[Row], year: int) -> Row:
    """The whole city's median: the median of the mixture of the areas' income distributions."""
    own = [r for r in rows if r.year == year]
    weights = np.array([r.denominator for r in own], dtype=float)
    logs = np.array([math.log(r.value) for r in own if r.value is not None])
    grid = np.linspace(logs.min() - 1, logs.max() + 1, 20_001)
    cdf = (weights[:, None] * _normal_cdf((grid[None, :] - logs[:, None]) / INCOME_SIGMA)).sum(0)
    cdf /= weights.sum()
    log_median = float(grid[int(np.searchsorted(cdf, 0.5))])
    se = 1.2533 * INCOME_SIGMA / math.sqrt(weights.sum())
    return Row(own[0].indicator, CITY_CODE, year, "total", None, weights.sum(), math.exp(log_median),
               math.exp(log_median - Z95 * se), math.exp(log_median + Z95 * se))


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    from scipy.special import ndtr

    return np.asarray(ndtr(x))


def city_score(rows: list[Row], areas: list[Area], year: int) -> Row:
    """The whole city's score: the population-weighted mean of the areas' scores."""
    pops = {a.code: a.population[year] for a in areas if year in a.population}
    own = [r for r in rows if r.year == year and r.value is not None]
    total = sum(pops[r.area] for r in own)
    value = sum((r.value or 0.0) * pops[r.area] for r in own) / total
    return Row(own[0].indicator, CITY_CODE, year, "total", value=value)


def suppress_small(rows: list[Row], low: int = 1, high: int = 2) -> list[Row]:
    """The source's own disclosure control: numerators of 1-2 are shown as '..'."""
    return [
        replace(r, numerator=None, value=None, status="suppressed")
        if r.numerator is not None and low <= r.numerator <= high
        else r
        for r in rows
    ]


def mark_missing(rows: list[Row], how_many: int, key: str) -> list[Row]:
    """Blank a few (indicator, area, year) cells, all sexes, as if never delivered."""
    rng = rng_for("missing", key)
    cells = sorted({(r.indicator, r.area, r.year) for r in rows if r.area != CITY_CODE})
    picks = {cells[int(i)] for i in rng.choice(len(cells), size=how_many, replace=False)}
    return [
        Row(r.indicator, r.area, r.year, r.sex, status="missing")
        if (r.indicator, r.area, r.year) in picks
        else r
        for r in rows
    ]
