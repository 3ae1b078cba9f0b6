"""A synthetic nation drawn one block of indicators at a time, the same block for the same
arguments wherever it is drawn (a Dask worker or the benchmark's own process).

Block ``k`` holds indicators ``k*per_block ...``; its values come from
``synthetic.nation.draw_values`` with a generator seeded by (seed, k), so a worker can
draw its block without the rest of the nation ever being in one process, and
:func:`whole` concatenates the same blocks for the single-process engine.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from synthetic.nation import CITY_CODE, SEXES, area_codes, catalogue, draw_values, periods

KEY_COLUMNS = ("indicator_id", "area_code", "period", "sex", "age_group", "status")


def full_catalogue(n_indicators: int, seed: int) -> pd.DataFrame:
    return catalogue(n_indicators, np.random.default_rng(seed))


def _medians(cat: pd.DataFrame, n_periods: int, like: pd.DataFrame) -> pd.DataFrame:
    """The city's supplied value of each median indicator (the engine needs one)."""
    ids = cat.loc[cat["value_type"] == "median", "id"].tolist()
    rows = [(i, CITY_CODE, p, s, "all", np.nan, np.nan, 40.0, 39.0, 41.0, None)
            for i in ids for p in periods(n_periods) for s in SEXES]
    frame = pd.DataFrame(rows, columns=list(like.columns))
    for col in KEY_COLUMNS:
        frame[col] = pd.Categorical(frame[col], categories=like[col].cat.categories)
    return frame


def block(k: int, per_block: int, n_indicators: int, n_areas: int, n_periods: int,
          seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and catalogue rows of block ``k``."""
    cat = full_catalogue(n_indicators, seed).iloc[k * per_block:(k + 1) * per_block]
    cat = cat.reset_index(drop=True)
    frame = draw_values(cat, area_codes(n_areas), n_periods, np.random.default_rng([seed, k]),
                        city_code=CITY_CODE)
    medians = _medians(cat, n_periods, frame)
    if len(medians):
        frame = pd.concat([frame, medians], ignore_index=True)
    return frame, cat


def n_blocks(n_indicators: int, per_block: int) -> int:
    return -(-n_indicators // per_block)


def whole(per_block: int, n_indicators: int, n_areas: int, n_periods: int,
          seed: int = 7) -> pd.DataFrame:
    """Every block's values in one frame (indicator ids as one categorical)."""
    ids = pd.Index(full_catalogue(n_indicators, seed)["id"].tolist(), dtype=object)
    frames = []
    for k in range(n_blocks(n_indicators, per_block)):
        frame, _ = block(k, per_block, n_indicators, n_areas, n_periods, seed)
        frame["indicator_id"] = frame["indicator_id"].cat.set_categories(ids)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
