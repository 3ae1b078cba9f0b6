"""Means with a source standard deviation: Student's t limits, pooled city SD, Welch's test.

Reference: PHEindicatormethods ``phe_mean`` (R/Means.R): the limits of a mean
are mean ∓ qt(1 − α/2, n − 1)·sd/√n. The quantiles below come from
``scipy.stats.t.ppf``, an implementation independent of the engine's
``scipy.special.stdtrit`` table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from indicators import comparison_table
from indicators.contract import VALUE_TYPES
from indicators.measures import measure
from tests.indicators import builders as b

MEAN = VALUE_TYPES.index("mean")


def _with_sd(rows: list[dict[str, object]], sds: list[float | None]) -> pd.DataFrame:
    return b.values(rows).assign(sd=pd.Series(sds, dtype=float))


def _mean_table(frame: pd.DataFrame) -> pd.DataFrame:
    cat = b.catalogue(b.indicator("bmi", "mean", "high_is_good"))
    return comparison_table(frame, cat, b.areas(), b.CITY)


def test_known_answer_t_limits_from_sd_and_n() -> None:
    # mean 45, sd 12, n 25: se = 12/5 = 2.4; qt(0.975, 24) = 2.0638985616...,
    # qt(0.999, 24) = 3.4668...; so the 95% CI is 45 ∓ 4.9534 (40.0466..49.9534).
    mean, sd, n = 45.0, 12.0, 25.0
    m = measure(np.array([MEAN]), np.array([1.0]), np.array([np.nan]), np.array([n]),
                np.array([mean]), np.array([np.nan]), np.array([np.nan]), np.array([sd]))
    se = sd / np.sqrt(n)
    for lo, hi, q in ((m.lo95, m.hi95, 0.975), (m.lo998, m.hi998, 0.999)):
        half = stats.t.ppf(q, n - 1) * se
        assert lo[0] == pytest.approx(mean - half, rel=1e-9)
        assert hi[0] == pytest.approx(mean + half, rel=1e-9)
    assert m.sd[0] == sd


def test_table_limits_city_mean_and_welch_from_explicit_sd() -> None:
    rng = np.random.default_rng(11)
    samples = {"A": rng.normal(52, 9, 80), "B": rng.normal(47, 10, 400),
               "D": rng.normal(48, 8, 500)}
    rows = [b.value("bmi", c, den=len(s), val=s.mean()) for c, s in samples.items()]
    table = _mean_table(_with_sd(rows, [s.std(ddof=1) for s in samples.values()]))
    a = b.row(table, "A")
    sa = samples["A"]
    half = stats.t.ppf(0.975, len(sa) - 1) * sa.std(ddof=1) / np.sqrt(len(sa))
    assert a["upper_ci95"] - a["value"] == pytest.approx(half, rel=1e-9)
    everyone = np.concatenate(list(samples.values()))
    city = b.row(table, b.CITY)
    assert city["value"] == pytest.approx(everyone.mean(), rel=1e-12)  # weighted by n
    city_half = stats.t.ppf(0.975, len(everyone) - 1) * everyone.std(ddof=1) / np.sqrt(
        len(everyone))
    assert city["upper_ci95"] - city["value"] == pytest.approx(city_half, rel=1e-9)
    others = np.concatenate([samples["B"], samples["D"]])
    assert a["rest_value"] == pytest.approx(others.mean(), rel=1e-9)
    p = stats.ttest_ind(sa, others, equal_var=False).pvalue
    assert a["compared_to_rest_of_city"] == (
        "similar" if p >= 0.05 else "much_better" if p < 0.002 else "better")
    assert a["compared_to_city"] != "not_compared"


def test_source_interval_wins_over_the_sd() -> None:
    rows = [b.value("bmi", "A", den=50, val=30.0, lo=29.0, hi=31.0),
            b.value("bmi", "B", den=50, val=31.0)]
    table = _mean_table(_with_sd(rows, [40.0, 4.0]))
    a = b.row(table, "A")
    assert (a["lower_ci95"], a["upper_ci95"]) == (29.0, 31.0)
    half_b = stats.t.ppf(0.975, 49) * 4.0 / np.sqrt(50)
    assert b.row(table, "B")["upper_ci95"] == pytest.approx(31.0 + half_b, rel=1e-9)


def test_one_observation_has_no_interval_and_is_not_compared() -> None:
    rows = [b.value("bmi", "A", den=1, val=30.0), b.value("bmi", "B", den=40, val=25.0)]
    table = _mean_table(_with_sd(rows, [5.0, 5.0]))
    a = b.row(table, "A")
    assert np.isnan(a["lower_ci95"]) and np.isnan(a["upper_ci998"])
    assert a["compared_to_city"] == "not_compared"
    assert a["compared_to_rest_of_city"] == "not_compared"


def test_mean_without_sd_or_interval_stays_not_compared() -> None:
    rows = [b.value("bmi", "A", den=40, val=30.0), b.value("bmi", "B", den=40, val=25.0)]
    table = _mean_table(_with_sd(rows, [None, 5.0]))
    a = b.row(table, "A")
    assert np.isnan(a["upper_ci95"])
    assert a["compared_to_city"] == "not_compared"
