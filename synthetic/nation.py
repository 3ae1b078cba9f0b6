"""A synthetic nation's indicator values at national scale, built with numpy only.

``nation(n_areas, n_indicators, n_periods)`` gives the four inputs of the
indicator engine (values, catalogue, areas, city code); ``benchmarks.indicators``
times ``comparison_table`` on them. ``draw_values`` is the same draw for any
area codes and catalogue; ``synthetic.deso`` writes it as the ETL's value table.

Every indicator × area × period × sex has a row. Key columns are pandas
categoricals (the fast path ``comparison_table`` supports, and what a caller
holding millions of rows would pass). Female and male numerators and
denominators add up to the total, so secondary suppression has real work;
small areas fall under the thresholds. Means carry intervals, medians only a
value (the city's median is supplied). Same arguments and seed, same frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

TYPES = ("proportion",) * 4 + ("percentage", "rate", "rate", "rate", "mean", "median")
POLARITIES = np.array(["high_is_good", "low_is_good", "neutral"])
SEXES = ("total", "female", "male")
FIRST_YEAR = 2014
CITY_CODE = "CITY"
VALUE_COLUMNS = ["indicator_id", "area_code", "period", "sex", "age_group", "numerator",
                 "denominator", "value", "lower_ci", "upper_ci", "status"]


@dataclass(frozen=True)
class Nation:
    values: pd.DataFrame
    catalogue: pd.DataFrame
    areas: pd.DataFrame
    city_code: str


def catalogue(n_indicators: int, rng: np.random.Generator,
              types: tuple[str, ...] = TYPES) -> pd.DataFrame:
    """``n_indicators`` rows cycling ``types``; polarities drawn from ``rng``."""
    vt = np.array(types)[np.arange(n_indicators) % len(types)]
    ids = [f"ind{i:03d}" for i in range(n_indicators)]
    return pd.DataFrame({
        "id": ids, "name_sv": ids, "name_pl": ids, "name_en": ids,
        "domain": [f"domain{i % 6}" for i in range(n_indicators)],
        "unit": np.where(vt == "rate", "per 1000", "%"), "value_type": vt,
        "multiplier": np.where(vt == "rate", 1000.0, 1.0),
        "polarity": POLARITIES[rng.integers(0, 3, n_indicators)], "decimals": 1,
        "min_numerator": np.nan, "min_denominator": np.nan, "weight": 1.0,
    })


def area_codes(n_areas: int) -> list[str]:
    return [f"A{i:05d}" for i in range(n_areas)]


def areas(codes: list[str], city_code: str = CITY_CODE) -> pd.DataFrame:
    """The city row and one district per code; every seventh district prioritized."""
    every = [city_code, *codes]
    return pd.DataFrame({
        "code": every, "name": every, "level": ["city"] + ["district"] * len(codes),
        "parent_code": [None] + [city_code] * len(codes),
        "prioritized": np.arange(len(every)) % 7 == 1, "population": np.nan, "area_km2": np.nan,
    })


def draw_values(catalogue: pd.DataFrame, codes: list[str], n_periods: int,
                rng: np.random.Generator, city_code: str | None = None) -> pd.DataFrame:
    """One row per indicator × area × period × sex, periods from 2014.

    ``city_code``, when given, is the first category of ``area_code`` (with no
    rows), so that city rows can be added to the frame later.
    """
    n_ind, n_areas = len(catalogue), len(codes)
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
    labels = codes if city_code is None else [city_code, *codes]
    first = len(labels) - n_areas
    return pd.DataFrame({
        "indicator_id": _keys(catalogue["id"], np.repeat(np.arange(n_ind), n // n_ind)),
        "area_code": _keys(labels, np.tile(
            np.repeat(np.arange(first, n_areas + first), n_periods * 3), n_ind)),
        "period": _keys(periods(n_periods), np.tile(np.repeat(np.arange(n_periods), 3),
                                                    n_ind * n_areas)),
        "sex": _keys(SEXES, np.tile(np.arange(3), n // 3)),
        "age_group": _keys(["all"], np.zeros(n, np.int64)),
        "numerator": num.ravel(), "denominator": den.ravel(), "value": value.ravel(),
        "lower_ci": (value - half).ravel(), "upper_ci": (value + half).ravel(),
        "status": _keys(["suppressed_at_source"], np.full(n, -1)),
    }, copy=False)


def nation(n_areas: int, n_indicators: int, n_periods: int, seed: int = 7) -> Nation:
    """n_areas × n_indicators × n_periods × 3 sexes value rows (plus supplied city medians)."""
    rng = np.random.default_rng(seed)
    cat = catalogue(n_indicators, rng)
    codes = area_codes(n_areas)
    frame = draw_values(cat, codes, n_periods, rng, city_code=CITY_CODE)
    city = _city_medians(cat, n_periods)
    if len(city):
        for col in ("indicator_id", "area_code", "period", "sex", "age_group", "status"):
            city[col] = pd.Categorical(city[col], categories=frame[col].cat.categories)
        frame = pd.concat([frame, city], ignore_index=True)
    return Nation(frame, cat, areas(codes), CITY_CODE)


def periods(n_periods: int) -> list[str]:
    return [str(FIRST_YEAR + i) for i in range(n_periods)]


def _keys(labels: Iterable[str], codes: np.ndarray) -> pd.Categorical:
    cats: Any = pd.Index(list(labels), dtype=object)
    return pd.Categorical.from_codes(codes, categories=cats)


def _city_medians(catalogue: pd.DataFrame, n_periods: int) -> pd.DataFrame:
    ids = catalogue.loc[catalogue["value_type"] == "median", "id"].tolist()
    rows = [(i, CITY_CODE, period, s, "all", np.nan, np.nan, 40.0, 39.0, 41.0, None)
            for i in ids for period in periods(n_periods) for s in SEXES]
    return pd.DataFrame(rows, columns=VALUE_COLUMNS)
