"""A synthetic nation of age-banded deaths and populations for the methods benchmark.

6,000 areas × 10 years × 2 sexes × the 19 ESP 2013 bands (0-4 … 90+): populations of
about 3,000-12,000 per area and sex spread over the bands like a European population,
deaths drawn as Poisson counts of a Gompertz-like death rate by age. Keys are
categoricals (the engine's fast path, as the store's reader gives them). Deterministic
for a seed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.standards import ESP2013_BANDS, ESP2013_WEIGHTS

BAND_STARTS = np.array([0, *range(5, 95, 5)], dtype=np.float64)
SEXES = ("female", "male")


def death_rates(sex: str) -> np.ndarray:
    """Annual death rate per person of each band: Gompertz from 30, a higher infant rate."""
    mid = BAND_STARTS + 2.5
    rate = 0.00003 * np.exp(0.095 * mid) * (1.4 if sex == "male" else 1.0)
    rate[0] = 0.0009
    return np.minimum(rate, 0.35)


def banded_nation(areas: int, years: int = 10, seed: int = 11) -> pd.DataFrame:
    """One row per area × year × sex × age band: area_code, period, sex, age_group,
    deaths, population."""
    rng = np.random.default_rng(seed)
    shares = np.asarray(ESP2013_WEIGHTS, dtype=np.float64) / 100_000
    n_bands = len(ESP2013_BANDS)
    size = rng.uniform(3_000, 12_000, (areas, 1, 1, 1))
    tilt = rng.uniform(0.7, 1.3, (areas, 1, 1, 1)) ** ((BAND_STARTS - 45) / 45)  # older/younger
    mix = shares * tilt
    population = np.round(size * mix / mix.sum(axis=-1, keepdims=True)
                          * rng.uniform(0.95, 1.05, (areas, years, len(SEXES), n_bands)))
    population = np.maximum(population, 1.0)
    rates = np.stack([death_rates(s) for s in SEXES])[None, None, :, :]
    deaths = rng.poisson(population * rates * rng.uniform(0.8, 1.25, (areas, 1, 1, 1)))
    codes = np.indices((areas, years, len(SEXES), n_bands)).reshape(4, -1)

    def keys(i: int, labels: list[str], ordered: bool = False) -> pd.Categorical:
        return pd.Categorical.from_codes(codes[i], categories=pd.Index(labels, dtype=object),
                                         ordered=ordered)

    return pd.DataFrame({
        "area_code": keys(0, [f"A{i:05d}" for i in range(areas)]),
        "period": keys(1, [str(2014 + y) for y in range(years)], ordered=True),
        "sex": keys(2, list(SEXES)),
        "age_group": keys(3, list(ESP2013_BANDS)),
        "deaths": deaths.reshape(-1).astype(np.float64),
        "population": population.reshape(-1),
    })
