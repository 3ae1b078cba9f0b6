"""SII and RII across areas ranked by deprivation, and the trend of the SII.

Sources of the expected values:
* the relative ranks: the worked example of PHEindicatormethods' phe_sii documentation
  (a most deprived group with 12% of the population has rank 0.06, the next with 10%
  has 0.12 + 0.10/2 = 0.17);
* SII, RII and their variances: PHE's regression y√a ~ √a + x√a without intercept
  solved here with numpy's lstsq, its covariance as the sandwich (X'X)⁻¹X'·diag(a·s²)·
  X(X'X)⁻¹ (matrix algebra, not the engine's sums), Fieller's limits as the roots of
  the quadratic found by mpmath.polyroots;
* the Monte-Carlo check: PHE's simulation (normal draws of every value, fixed seed)
  gives the same limits to within its simulation error.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import IndicatorError, inequality_trend, slope_index_of_inequality
from indicators.inequality import relative_ranks
from tests.indicators import methods_reference as ref

Z95 = 1.959963984540054
POP = np.array([7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534], dtype=float)
VALUE = np.array([75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3])
LOWER = np.array([72.7, 75.3, 80.9, 80.2, 77.1, 78.0, 79.0, 81.4, 75.8, 83.2])
UPPER = np.array([79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4])


def deciles(value: np.ndarray = VALUE, period: str = "2023") -> pd.DataFrame:
    """Ten areas; area i is the i-th most deprived (deprivation score 10 − i)."""
    return pd.DataFrame({"indicator_id": "le", "period": period, "sex": "total",
                         "area_code": [f"A{i}" for i in range(10)],
                         "deprivation": 10.0 - np.arange(10), "value": value,
                         "lower_ci95": value - (VALUE - LOWER), "upper_ci95": value + (UPPER - VALUE),
                         "denominator": POP})


def by_matrices(value: np.ndarray) -> dict[str, float]:
    a = POP / POP.sum()
    x = (np.cumsum(POP) - POP / 2) / POP.sum()
    design = np.column_stack([np.sqrt(a), x * np.sqrt(a)])
    beta, *_ = np.linalg.lstsq(design, value * np.sqrt(a), rcond=None)
    se = (UPPER - LOWER) / (2 * Z95)
    bread = np.linalg.inv(design.T @ design) @ design.T
    cov = bread @ np.diag(a * se**2) @ bread.T  # Var(y√a) = a·s²
    return {"b0": beta[0], "b1": beta[1], "v00": cov[0, 0], "v11": cov[1, 1],
            "v01": cov[0, 1]}


def fieller_by_roots(num: float, den: float, v_num: float, v_den: float, cov: float,
                     z: float) -> list[float]:
    coeffs = [num**2 - z**2 * v_num, -2 * (num * den - z**2 * cov), den**2 - z**2 * v_den]
    return sorted(float(mpmath.re(r)) for r in mpmath.polyroots(coeffs, extraprec=50, asc=True))


def test_relative_ranks_are_cumulative_population_midpoints() -> None:
    x = relative_ranks(np.zeros(3, dtype=np.int64), 1, np.array([3.0, 2.0, 1.0]),
                       np.array([12.0, 10.0, 78.0]))
    assert x.tolist() == pytest.approx([0.06, 0.17, 0.61], rel=1e-12)
    tied = relative_ranks(np.zeros(3, dtype=np.int64), 1, np.array([3.0, 3.0, 1.0]),
                          np.array([12.0, 10.0, 78.0]))
    assert tied.tolist() == pytest.approx([0.11, 0.11, 0.61], rel=1e-12)


def test_sii_and_rii_match_phes_regression_solved_by_matrices() -> None:
    got = slope_index_of_inequality(deciles()).iloc[0]
    m = by_matrices(VALUE)
    assert got["sii"] == pytest.approx(m["b1"], rel=1e-9)
    assert got["rii"] == pytest.approx((m["b0"] + m["b1"]) / m["b0"], rel=1e-9)
    for confidence, suffix in ((0.95, "ci95"), (0.998, "ci998")):
        z = float(ref.z(confidence))
        half = z * np.sqrt(m["v11"])
        assert got[f"sii_lower_{suffix}"] == pytest.approx(m["b1"] - half, rel=1e-9)
        assert got[f"sii_upper_{suffix}"] == pytest.approx(m["b1"] + half, rel=1e-9)
        v_num = m["v00"] + 2 * m["v01"] + m["v11"]
        lo, hi = fieller_by_roots(m["b0"] + m["b1"], m["b0"], v_num, m["v00"],
                                  m["v00"] + m["v01"], z)
        assert got[f"rii_lower_{suffix}"] == pytest.approx(lo, rel=1e-9)
        assert got[f"rii_upper_{suffix}"] == pytest.approx(hi, rel=1e-9)
    assert (got["areas"], got["population"], got["status"]) == (10, POP.sum(), "ok")


def test_the_limits_are_those_phes_simulation_estimates() -> None:
    """PHE draws every value from N(value, s²) and refits: percentiles of 200,000 draws."""
    rng = np.random.default_rng(20240611)
    se = (UPPER - LOWER) / (2 * Z95)
    draws = VALUE + rng.standard_normal((200_000, 10)) * se
    a = POP / POP.sum()
    x = (np.cumsum(POP) - POP / 2) / POP.sum()
    xc = x - a @ x
    slope = (draws * a * xc).sum(axis=1) / (a @ xc**2)
    y0 = draws @ a - slope * (a @ x)
    got = slope_index_of_inequality(deciles()).iloc[0]
    sii_lo, sii_hi = np.percentile(slope, [2.5, 97.5])
    rii_lo, rii_hi = np.percentile((y0 + slope) / y0, [2.5, 97.5])
    assert (got["sii_lower_ci95"], got["sii_upper_ci95"]) == pytest.approx((sii_lo, sii_hi),
                                                                            rel=0.01)
    assert (got["rii_lower_ci95"], got["rii_upper_ci95"]) == pytest.approx((rii_lo, rii_hi),
                                                                            rel=0.002)


@given(st.floats(-50, 50), st.floats(50, 150), st.permutations(list(range(10))))
def test_a_straight_line_is_recovered_whatever_the_row_order(slope: float, at_zero: float,
                                                             order: list[int]) -> None:
    x = (np.cumsum(POP) - POP / 2) / POP.sum()
    got = slope_index_of_inequality(deciles(at_zero + slope * x).iloc[order]).iloc[0]
    assert got["sii"] == pytest.approx(slope, rel=1e-9, abs=1e-9)
    assert got["rii"] == pytest.approx((at_zero + slope) / at_zero, rel=1e-9)
    assert got["sii_lower_ci95"] <= got["sii"] <= got["sii_upper_ci95"]
    assert got["sii_lower_ci998"] <= got["sii_lower_ci95"]


def test_direction_of_the_deprivation_measure_and_too_few_areas() -> None:
    high_first = slope_index_of_inequality(deciles()).iloc[0]
    flipped = deciles().assign(deprivation=np.arange(10.0))
    low_first = slope_index_of_inequality(flipped, higher_is_more_deprived=False).iloc[0]
    assert low_first["sii"] == pytest.approx(high_first["sii"], rel=1e-12)
    few = slope_index_of_inequality(deciles().iloc[:4]).iloc[0]
    assert few["status"] == "too_few_areas" and np.isnan(few["sii"]) and few["areas"] == 4
    gaps = deciles().assign(value=lambda d: d["value"].where(d.index != 3))
    assert slope_index_of_inequality(gaps).iloc[0]["areas"] == 9
    with pytest.raises(IndicatorError, match="required column is missing"):
        slope_index_of_inequality(deciles().drop(columns="deprivation"))


def sii_series(values: list[float], width: float = 1.0) -> pd.DataFrame:
    return pd.DataFrame({"indicator_id": "le", "sex": "total",
                         "period": [str(2015 + i) for i in range(len(values))], "sii": values,
                         "sii_lower_ci95": [v - width for v in values],
                         "sii_upper_ci95": [v + width for v in values]})


def test_is_the_gap_closing() -> None:
    closing = inequality_trend(sii_series([-9.0, -8.0, -7.0, -6.0, -5.0, -4.0]))
    assert closing.tolist() == ["not_enough_data"] * 4 + ["narrowing", "narrowing"]
    widening = inequality_trend(sii_series([3.0, 4.0, 5.0, 6.0, 7.0]))
    assert widening.iloc[-1] == "widening"
    flat = inequality_trend(sii_series([5.0, 5.1, 4.9, 5.0, 5.05]))
    assert flat.iloc[-1] == "stable"
    broken = sii_series([-9.0, -8.0, np.nan, -6.0, -5.0])
    assert inequality_trend(broken).iloc[-1] == "not_enough_data"
