"""Inequality within the city from a snapshot (presentation.inequality).

The expected SII is computed here by a different route: areas sorted by deprivation
by hand, midpoints of their cumulative population shares, and numpy.polyfit with
weights √share (weighted least squares), evaluated at 1 and 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import comparison_table
from presentation.inequality import (
    decile_points,
    deprivation_of,
    gap_unit,
    headline,
    inequality_table,
)
from store.read import Snapshot

N = 12
CODES = [f"A{i:02d}" for i in range(N)]
PEOPLE = [1000 + 150 * i for i in range(N)]
POOR = [5 + 2.5 * ((i * 7) % N) for i in range(N)]  # low income share, %, shuffled order


def _snapshot(deprivation: str | None = "poor") -> Snapshot:
    rows = []
    for period in ("2020", "2021", "2022", "2023", "2024"):
        for i, code in enumerate(CODES):
            n = PEOPLE[i]
            rows.append(("poor", code, period, round(POOR[i] / 100 * n), n))
            sick = 0.05 + 0.004 * POOR[i] * (1 - 0.15 * (int(period) - 2020))
            rows.append(("sick", code, period, round(sick * n), n))
    values = pd.DataFrame(rows, columns=["indicator_id", "area_code", "period", "numerator",
                                         "denominator"])
    values = values.assign(sex="total", age_group="all", value=np.nan, lower_ci=np.nan,
                           upper_ci=np.nan, sd=np.nan, status=None)
    catalogue = pd.DataFrame({"id": ["poor", "sick"], "domain": "d",
                              "value_type": "percentage", "multiplier": 1,
                              "polarity": "low_is_good", "decimals": 1})
    areas = pd.DataFrame({"code": [*CODES, "C"], "name": [*CODES, "City"],
                          "level": ["nb"] * N + ["city"], "parent_code": None,
                          "prioritized": False, "population": [*PEOPLE, sum(PEOPLE)]})
    return Snapshot(city={"code": "C", "name": "City", "deprivation_indicator": deprivation},
                    areas=areas, catalogue=catalogue, values=values, batch_id=1)


@pytest.fixture(scope="module")
def snap_table() -> tuple[Snapshot, pd.DataFrame]:
    snap = _snapshot()
    return snap, comparison_table(snap.values, snap.catalogue, snap.areas, "C")


def _hand_sii(table: pd.DataFrame, period: str) -> tuple[float, float, float]:
    rows = table[(table.indicator_id == "sick") & (table.period == period)
                 & (table.level == "nb")].set_index("area_code")
    order = sorted(range(N), key=lambda i: -POOR[i])  # most deprived first
    share = np.array([PEOPLE[i] for i in order], float) / sum(PEOPLE)
    x = np.cumsum(share) - share / 2
    y = np.array([rows.loc[CODES[i], "value"] for i in order])
    slope, intercept = np.polyfit(x, y, 1, w=np.sqrt(share))
    return slope, intercept, intercept + slope


def test_sii_matches_a_weighted_fit_by_hand(snap_table: tuple[Snapshot, pd.DataFrame]) -> None:
    snap, table = snap_table
    got = inequality_table(table, snap)
    row = got[(got.indicator_id == "sick") & (got.period == "2024")].iloc[0]
    slope, at0, at1 = _hand_sii(table, "2024")
    assert row.sii == pytest.approx(slope, rel=1e-9)
    assert row.fitted_most_deprived == pytest.approx(at0, rel=1e-9)
    assert row.fitted_least_deprived == pytest.approx(at1, rel=1e-9)
    assert row.sii < 0  # sickness falls towards the least deprived end
    assert set(got.indicator_id) == {"sick"}  # the measure itself is not ranked by itself
    assert row.sii_trend == "narrowing"  # the gradient shrinks by 15% a year


def test_deciles_run_from_most_to_least_deprived(snap_table: tuple[Snapshot, pd.DataFrame]) -> None:
    snap, table = snap_table
    points = decile_points(table, snap, "sick", "2024", "total")
    assert points["decile"].is_monotonic_increasing and points["areas"].sum() == N
    assert points["x"].is_monotonic_increasing and 0 < points["x"].min() < points["x"].max() < 1
    assert points["value"].iloc[0] > points["value"].iloc[-1]


def test_headline_in_three_languages(snap_table: tuple[Snapshot, pd.DataFrame]) -> None:
    snap, table = snap_table
    row = inequality_table(table, snap).query("period == '2024'").iloc[0]
    en = headline(row, "Sickness", gap_unit("percentage", "%", "en"), 1, "low income", "en")
    assert en.startswith("Sickness is ") and "percentage points higher in the most deprived" in en
    gap = -row.sii
    assert f"{gap:.1f} percentage points" in en
    assert f"95% CI {-row.sii_upper_ci95:.1f} to {-row.sii_lower_ci95:.1f}" in en
    assert "The gap is narrowing." in en
    assert "utsatta" in headline(row, "Sjuklighet", "%", 1, "låg inkomst", "sv")
    assert "Różnica maleje." in headline(row, "Chorobowość", "%", 1, "niski dochód", "pl")


def test_no_measure_no_table() -> None:
    snap = _snapshot(None)
    assert deprivation_of(snap) is None
    table = comparison_table(snap.values, snap.catalogue, snap.areas, "C")
    assert inequality_table(table, snap).empty
    assert decile_points(table, snap, "sick", "2024", "total").empty
