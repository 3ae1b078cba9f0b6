"""The scatter page's model: two indicators across the areas, at each one's latest period.

"Do areas with low income also have poor health?" Each area is one point (x: the first
indicator, y: the second), prioritized areas highlighted, the city marked; the
association is stated as Pearson's r and Spearman's rank correlation with the number of
areas (suppressed values are blank in the slices, so they never count).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.model import Atlas
from dashboard.viewmodels.catalogue import IndicatorInfo, info_of
from dashboard.viewmodels.map import headline_cell

MIN_AREAS = 5  # fewer areas with both values: no correlation is stated


@dataclass(frozen=True)
class Axis:
    info: IndicatorInfo
    period: str | None


@dataclass(frozen=True)
class ScatterModel:
    x: Axis
    y: Axis
    sex: str
    frame: pd.DataFrame  # code, name, x, y, prioritized (areas with both values)
    city: tuple[float | None, float | None]
    pearson: float | None
    spearman: float | None
    missing: int  # areas without both values


def _values(atlas: Atlas, indicator_id: str, sex: str) -> tuple[str | None, pd.Series]:
    periods = atlas.periods(indicator_id)
    if not periods:
        return None, pd.Series(dtype=float)
    period = periods[-1]
    rows = headline_cell(atlas, indicator_id, period, sex)
    return period, rows.set_index(rows["area_code"].astype(str))["value"].astype(float)


def correlation(x: np.ndarray, y: np.ndarray) -> tuple[float | None, float | None]:
    """Pearson's r and Spearman's rho (the r of the ranks, ties averaged) of paired values;
    None when there are fewer than ``MIN_AREAS`` pairs or a variable does not vary."""
    if len(x) < MIN_AREAS or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None, None
    pearson = float(np.corrcoef(x, y)[0, 1])
    rx, ry = pd.Series(x).rank().to_numpy(), pd.Series(y).rank().to_numpy()
    spearman = float(np.corrcoef(rx, ry)[0, 1])
    return pearson, spearman


def scatter_model(atlas: Atlas, x_id: str, y_id: str, sex: str, lang: str) -> ScatterModel:
    cat: Any = atlas.catalogue()
    areas = atlas.areas()
    x_period, xs = _values(atlas, x_id, sex)
    y_period, ys = _values(atlas, y_id, sex)
    city_code = atlas.city_code()
    frame = pd.DataFrame({"code": areas.index.astype(str), "name": areas["name"].to_numpy(),
                          "prioritized": areas["prioritized"].to_numpy(dtype=bool)})
    frame["x"] = frame["code"].map(xs).astype(float)
    frame["y"] = frame["code"].map(ys).astype(float)
    both = frame.dropna(subset=["x", "y"]).reset_index(drop=True)
    pearson, spearman = correlation(both["x"].to_numpy(), both["y"].to_numpy())
    city = (_one(xs, city_code), _one(ys, city_code))
    return ScatterModel(Axis(info_of(cat.loc[x_id], lang), x_period), Axis(info_of(cat.loc[y_id], lang), y_period),
                        sex, both, city, pearson, spearman, len(frame) - len(both))


def _one(values: pd.Series, code: str) -> float | None:
    value = values.get(code)
    return None if value is None or pd.isna(value) else float(value)


def default_pair(atlas: Atlas) -> tuple[str | None, str | None]:
    """What to show first: the city's deprivation measure (else the first indicator with
    values) against the first indicator of another domain ("do areas with low income also
    have poor health?")."""
    cat = atlas.catalogue()
    ids = [str(i) for i in cat.index if atlas.periods(str(i))]
    if not ids:
        return None, None
    deprivation = atlas.city().get("deprivation_indicator")
    x = str(deprivation) if deprivation in ids else ids[0]
    other = [i for i in ids if cat.loc[i, "domain"] != cat.loc[x, "domain"]] or [i for i in ids if i != x]
    return x, (other[0] if other else x)


def pair(atlas: Atlas, x: str | None, y: str | None) -> tuple[str | None, str | None]:
    """The chosen pair, known indicators only; a missing or unknown one from the default."""
    known = atlas.catalogue().index
    dx, dy = default_pair(atlas)
    x = x if x in known else dx
    y = y if y in known else (dy if dy != x else dx)
    return x, y
