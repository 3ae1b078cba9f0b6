"""Synthetic national-scale inputs for the indicator benchmark.

Areas × indicators × periods × sexes rows, built with numpy only; the key
columns are pandas categoricals (the fast path comparison_table supports,
and what a caller holding millions of rows would pass). Female and male
numerators and denominators add up to the total, so secondary suppression
has real work; small areas fall under the thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

TYPES = np.array(["proportion"] * 4 + ["percentage", "rate", "rate", "rate", "mean", "median"])
POLARITIES = np.array(["high_is_good", "low_is_good", "neutral"])
SEXES = ["total", "female", "male"]


@dataclass(frozen=True)
class Inputs:
    values: pd.DataFrame
    catalogue: pd.DataFrame
    areas: pd.DataFrame
    city_code: str


def _catalogue(n_ind: int, rng: np.random.Generator) -> pd.DataFrame:
    vt = TYPES[np.arange(n_ind) % len(TYPES)]
    ids = [f"ind{i:03d}" for i in range(n_ind)]
    return pd.DataFrame({
        "id": ids, "name_sv": ids, "name_pl": ids, "name_en": ids,
        "domain": [f"domain{i % 6}" for i in range(n_ind)],
        "unit": np.where(vt == "rate", "per 1000", "%"), "value_type": vt,
        "multiplier": np.where(vt == "rate", 1000.0, 1.0),
        "polarity": POLARITIES[rng.integers(0, 3, n_ind)], "decimals": 1,
        "min_numerator": np.nan, "min_denominator": np.nan, "weight": 1.0,
    })


def _areas(n_areas: int) -> pd.DataFrame:
    codes = ["CITY"] + [f"A{i:05d}" for i in range(n_areas)]
    return pd.DataFrame({
        "code": codes, "name": codes, "level": ["city"] + ["district"] * n_areas,
        "parent_code": [None] + ["CITY"] * n_areas, "prioritized": np.arange(n_areas + 1) % 7 == 1,
        "population": np.nan, "area_km2": np.nan,
    })


def synthetic_inputs(n_areas: int, n_ind: int, n_periods: int, seed: int = 7) -> Inputs:
    """n_areas × n_ind × n_periods × 3 sexes value rows (plus supplied city medians)."""
    rng = np.random.default_rng(seed)
    catalogue = _catalogue(n_ind, rng)
    vt = catalogue["value_type"].to_numpy()
    shape = (n_ind, n_areas, n_periods)
    pop = np.exp(rng.normal(7.5, 1.0, n_areas))[None, :, None] * np.ones(shape)
    base = rng.uniform(0.02, 0.4, (n_ind, 1, 1)) * np.exp(rng.normal(0, 0.3, (1, n_areas, 1)))
    p = np.clip(base * (1 + 0.02 * rng.normal(0, 1, (n_ind, n_areas, 1)) *
                        np.arange(n_periods)), 0.001, 0.95)
    den_f = np.round(pop * rng.uniform(0.45, 0.55, shape))
    den_m = np.round(pop) - den_f
    num_f = rng.binomial(den_f.astype(np.int64), p).astype(np.float64)
    num_m = rng.binomial(den_m.astype(np.int64), p).astype(np.float64)
    num = np.stack([num_f + num_m, num_f, num_m], axis=-1)
    den = np.stack([den_f + den_m, den_f, den_m], axis=-1)
    is_mean = (vt == "mean")[:, None, None, None]
    is_median = (vt == "median")[:, None, None, None]
    value = np.where(is_mean | is_median, 20 + 50 * p[..., None] + rng.normal(0, 1, num.shape),
                     np.nan)
    half = np.where(is_mean, 12.0 * 1.96 / np.sqrt(np.maximum(den, 1)), np.nan)
    num = np.where(is_mean | is_median, np.nan, num)
    den = np.where(is_median, np.nan, den)
    n = num.size
    frame = pd.DataFrame({
        "indicator_id": _keys(catalogue["id"], np.repeat(np.arange(n_ind), n // n_ind)),
        "area_code": _keys(_areas(n_areas)["code"], np.tile(
            np.repeat(np.arange(1, n_areas + 1), n_periods * 3), n_ind)),
        "period": _keys([str(2014 + i) for i in range(n_periods)],
                        np.tile(np.repeat(np.arange(n_periods), 3), n_ind * n_areas)),
        "sex": _keys(SEXES, np.tile(np.arange(3), n // 3)),
        "age_group": _keys(["all"], np.zeros(n, np.int64)),
        "numerator": num.ravel(), "denominator": den.ravel(), "value": value.ravel(),
        "lower_ci": (value - half).ravel(), "upper_ci": (value + half).ravel(),
        "status": _keys(["suppressed_at_source"], np.full(n, -1)),
    }, copy=False)
    city = _city_medians(catalogue, n_periods)
    if len(city):
        for col in ("indicator_id", "area_code", "period", "sex", "age_group", "status"):
            city[col] = pd.Categorical(city[col], categories=frame[col].cat.categories)
        frame = pd.concat([frame, city], ignore_index=True)
    values = frame
    return Inputs(values, catalogue, _areas(n_areas), "CITY")


def _keys(labels: Iterable[str], codes: np.ndarray) -> pd.Categorical:
    cats: Any = pd.Index(list(labels), dtype=object)
    return pd.Categorical.from_codes(codes, categories=cats)


def _city_medians(catalogue: pd.DataFrame, n_periods: int) -> pd.DataFrame:
    ids = catalogue.loc[catalogue["value_type"] == "median", "id"].tolist()
    rows = [(i, "CITY", str(2014 + p), s, "all", np.nan, np.nan, 40.0, 39.0, 41.0, None)
            for i in ids for p in range(n_periods) for s in SEXES]
    cols = ["indicator_id", "area_code", "period", "sex", "age_group", "numerator",
            "denominator", "value", "lower_ci", "upper_ci", "status"]
    return pd.DataFrame(rows, columns=cols)
