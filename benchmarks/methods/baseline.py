"""The naive way: a pandas groupby over the areas, then plain Python loops per group.

What one would write without the engine: for every area × year × sex, take its 19 rows
and compute the DSR (PHEindicatormethods phe_dsr's formulas with Byar's limits) and the
Chiang II life table (phe_life_expectancy's formulas) band by band in Python. Used only
to compare speed on the same rows; its results are checked against the engine's.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd

from indicators.standards import ESP2013_BANDS, ESP2013_WEIGHTS

KEYS = ["area_code", "period", "sex"]
WEIGHT = dict(zip(ESP2013_BANDS, ESP2013_WEIGHTS, strict=True))
START = {band: int(band.rstrip("+").split("-")[0]) for band in ESP2013_BANDS}
Z95, Z998 = NormalDist().inv_cdf(0.975), NormalDist().inv_cdf(0.999)


def _byar(o: float, z: float) -> tuple[float, float]:
    lower = o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
    return lower, upper


def naive_dsr(data: pd.DataFrame) -> pd.DataFrame:
    out = []
    for key, rows in data.groupby(KEYS, sort=False, observed=True):
        wt = sq = total_w = o = 0.0
        for band, x, n in zip(rows["age_group"], rows["deaths"], rows["population"], strict=True):
            w = WEIGHT[band]
            wt += x * w / n
            sq += x * (w / n) ** 2
            total_w += w
            o += x
        value = wt / total_w * 100_000
        var = sq / total_w**2
        record = dict(zip(KEYS, key, strict=True)) | {"value": value}
        for z, suffix in ((Z95, "95"), (Z998, "998")):
            lo, hi = _byar(o, z)
            scale = math.sqrt(var / o) * 100_000
            record[f"lower_{suffix}"] = value + scale * (lo - o)
            record[f"upper_{suffix}"] = value + scale * (hi - o)
        out.append(record if o >= 10 else dict(zip(KEYS, key, strict=True)))
    return pd.DataFrame(out)


def _life_table(starts: list[int], deaths: list[float], people: list[float]) -> list[float]:
    """e and SE at birth and at 65 (phe_life_expectancy's formulas, band by band)."""
    k = len(starts)
    n = [starts[i + 1] - starts[i] for i in range(k - 1)]
    a = [0.1 if s == 0 else 0.5 for s in starts]
    m = [d / p for d, p in zip(deaths, people, strict=True)]
    q = [m[i] * n[i] / (1 + m[i] * n[i] * (1 - a[i])) if m[i] * n[i] * a[i] <= 1 else 1.0
         for i in range(k - 1)] + [1.0]
    lx = [100000.0]
    for i in range(1, k):
        lx.append(lx[-1] * (1 - q[i - 1]))
    dx = [lx[i] - (lx[i + 1] if i + 1 < k else 0.0) for i in range(k)]
    big_l = [n[i] * (lx[i + 1] + a[i] * dx[i]) for i in range(k - 1)] + [lx[-1] / m[-1]]
    tx = [0.0] * k
    run = 0.0
    for i in range(k - 1, -1, -1):
        run += big_l[i]
        tx[i] = run
    ex = [tx[i] / lx[i] if lx[i] else 0.0 for i in range(k)]
    spi = [q[i] ** 2 * (1 - q[i]) / deaths[i] if dx[i] else 0.0 for i in range(k)]
    spi[-1] = 4 / (deaths[-1] * m[-1] ** 2)
    w = [spi[i] * lx[i] ** 2 * ((1 - a[i]) * n[i] + ex[i + 1]) ** 2 for i in range(k - 1)]
    w.append((lx[-1] / 2) ** 2 * spi[-1])
    at65 = starts.index(65)
    return [ex[0], math.sqrt(sum(w) / lx[0] ** 2), ex[at65], math.sqrt(sum(w[at65:]) / lx[at65] ** 2)]


def naive_life_expectancy(data: pd.DataFrame) -> pd.DataFrame:
    out = []
    for key, rows in data.groupby(KEYS, sort=False, observed=True):
        rows = rows.sort_values("age_group", key=lambda s: s.map(START).astype(int))
        deaths, people = rows["deaths"].tolist(), rows["population"].tolist()
        starts = [START[b] for b in rows["age_group"]]
        record = dict(zip(KEYS, key, strict=True))
        if (sum(people) >= 5000 and deaths[-1] > 0
                and all(0 < p and d <= p for d, p in zip(deaths, people, strict=True))):
            e0, se0, e65, se65 = _life_table(starts, deaths, people)
            record |= {"e0": e0 if Z95 * se0 <= 10 else math.nan, "se0": se0,  # PHE: a 95%
                       "e65": e65 if Z95 * se65 <= 10 else math.nan, "se65": se65}  # CI > 20 y
        out.append(record)
    return pd.DataFrame(out)
