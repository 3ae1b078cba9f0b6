"""Trend and gap-trend tests: known answers against independent formulas, and outcomes."""

from __future__ import annotations

import numpy as np
import pytest

from indicators import comparison_table
from indicators import trends as tr
from tests.indicators import builders as b

# The "other" example of PHEindicatormethods' assign_trend_markers documentation.
EXAMPLE_VALUE = np.array([30.6, 30.2, 28.0, 24.6, 24.67])
EXAMPLE_LL = np.array([28.98, 28.63, 26.44, 23.15, 23.16])
EXAMPLE_UL = np.array([32.25, 31.9, 29.64, 26.19, 26.25])
EXAMPLE_COUNT = np.array([1367.0, 1332, 1199, 1023, 994])
EXAMPLE_DEN = np.array([44701.0, 44064, 42811, 41527, 40299])
PERIODS = [str(y) for y in range(2017, 2024)]


def independent_wls(y: np.ndarray, se: np.ndarray) -> tuple[float, float]:
    """Slope and χ² = slope²/var(slope) of weighted least squares via the normal equations."""
    t = np.arange(1.0, len(y) + 1)
    x = np.column_stack([np.ones_like(t), t])
    w = np.diag(1 / se**2)
    cov = np.linalg.inv(x.T @ w @ x)
    beta = cov @ x.T @ w @ y
    return float(beta[1]), float(beta[1] ** 2 / cov[1, 1])


def test_weighted_regression_matches_the_normal_equations() -> None:
    se = (EXAMPLE_UL - EXAMPLE_LL) / (2 * 1.959963984540054)
    complete, slope, chi2, stable, _ = tr.wls(EXAMPLE_VALUE[None, :], (1 / se**2)[None, :])
    want_slope, want_chi2 = independent_wls(EXAMPLE_VALUE, se)
    assert complete[0, 0] and stable[0, 0]
    assert slope[0, 0] == pytest.approx(want_slope, rel=1e-9)
    assert chi2[0, 0] == pytest.approx(want_chi2, rel=1e-9)
    assert tr.classify(complete, slope, chi2, stable)[0, 0] == tr.DECREASING


def test_logistic_chi_square_is_the_cochran_armitage_statistic() -> None:
    x, n = EXAMPLE_COUNT, EXAMPLE_DEN
    t = np.arange(1.0, 6.0)
    p_bar = x.sum() / n.sum()
    armitage = (t @ (x - n * p_bar)) ** 2 / (
        p_bar * (1 - p_bar) * (n @ t**2 - (n @ t) ** 2 / n.sum()))
    complete, direction, chi2, stable = tr.logistic(x[None, :], n[None, :])
    assert chi2[0, 0] == pytest.approx(armitage, rel=1e-9)
    assert direction[0, 0] < 0 and complete[0, 0] and stable[0, 0]


def test_an_outlier_that_carries_the_slope_is_no_significant_change() -> None:
    values = np.array([[10.0, 10.0, 10.0, 10.0, 12.0]])
    weights = np.full((1, 5), 100.0)
    complete, slope, chi2, stable, _ = tr.wls(values, weights)
    assert chi2[0, 0] > tr.TREND_CHI2  # significant on all five points...
    assert not stable[0, 0]  # ...but leaving the last out leaves no slope
    assert tr.classify(complete, slope, chi2, stable)[0, 0] == tr.NO_CHANGE


def proportion_series(counts: list[float], dens: list[float], area: str = "A") -> list[dict]:
    return [b.value("unemp", area, p, num=x, den=n) for p, x, n in
            zip(PERIODS, counts, dens, strict=False)]


def flat(area: str, n_periods: int = 5, rate: float = 0.1, den: float = 20000.0) -> list[dict]:
    return proportion_series([rate * den] * n_periods, [den] * n_periods, area)


def test_falling_unemployment_is_getting_better_on_the_rows_with_five_periods() -> None:
    counts = list(EXAMPLE_COUNT)
    rows = proportion_series(counts, list(EXAMPLE_DEN)) + flat("B")
    table = comparison_table(b.values(rows), b.catalogue(), b.areas(["A", "B"]), b.CITY)
    assert b.row(table, "A", period="2021")["trend"] == "getting_better"
    assert b.row(table, "A", period="2020")["trend"] == "not_enough_data"
    assert b.row(table, "B", period="2021")["trend"] == "no_significant_change"
    neutral = b.catalogue(b.indicator("unemp", polarity="neutral"))
    table = comparison_table(b.values(rows), neutral, b.areas(["A", "B"]), b.CITY)
    assert b.row(table, "A", period="2021")["trend"] == "decreasing"


def test_every_row_gets_the_trend_of_the_five_periods_ending_at_it() -> None:
    # rising for 5 periods, then flat: the window ending 2023 (2019..2023) is flat-ish
    counts = [1000, 1100, 1200, 1300, 1400, 1400, 1400]
    rows = proportion_series(counts, [20000] * 7) + flat("B", 7)
    table = comparison_table(b.values(rows), b.catalogue(), b.areas(["A", "B"]), b.CITY)
    assert b.row(table, "A", period="2021")["trend"] == "getting_worse"
    assert b.row(table, "A", period="2021")["is_latest"] is np.False_
    assert b.row(table, "A", period="2023")["is_latest"] is np.True_


def test_a_missing_period_leaves_not_enough_data() -> None:
    rows = [r for r in proportion_series(list(EXAMPLE_COUNT), list(EXAMPLE_DEN))
            if r["period"] != "2019"] + flat("B")
    table = comparison_table(b.values(rows), b.catalogue(), b.areas(["A", "B"]), b.CITY)
    assert b.row(table, "A", period="2021")["trend"] == "not_enough_data"
    assert b.row(table, "B", period="2021")["trend"] == "no_significant_change"


def gap_table(counts_a: list[float]) -> tuple[str, str]:
    den = 50000.0
    rows = proportion_series(counts_a, [den] * 5) + flat("B", den=200000.0)
    table = comparison_table(b.values(rows), b.catalogue(), b.areas(["A", "B"]), b.CITY)
    return b.row(table, "A", period="2021")["gap_trend"], b.row(table, b.CITY,
                                                               period="2021")["gap_trend"]


def test_gap_trend_narrowing_widening_stable() -> None:
    # B (most of the city) stays at 10%; A moves towards or away from it
    assert gap_table([9000, 8000, 7000, 6000, 5500]) == ("narrowing", "not_enough_data")
    assert gap_table([5500, 6000, 7000, 8000, 9000]) == ("widening", "not_enough_data")
    assert gap_table([7500, 7500, 7500, 7500, 7500]) == ("stable", "not_enough_data")
