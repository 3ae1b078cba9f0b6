"""Standardised indicators inside the comparison table (indicators.standardise).

Expected values are computed here by a different route: a plain Python loop over the
bands (DSR = Σ wᵢ·dᵢ/pᵢ / Σ wᵢ × 100,000 with the ESP 2013 weights typed in from the
Eurostat 2013 report; ISR = Σ d / Σ pᵢ·rᵢ × 100 with the city's rates summed by hand),
not the engine's grid code.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators import comparison_table
from indicators.standardise import standardise

BANDS = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
         "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89",
         "90+"]
ESP2013 = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000,
           5500, 5000, 4000, 2500, 1500, 1000]  # Eurostat (2013), table 3.1
AREAS = [f"A{i}" for i in range(6)]
CITY = "C"
PERIODS = ["2020", "2021", "2022", "2023", "2024"]


def _data(seed: int = 3, low: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for a, area in enumerate(AREAS):
        for period in PERIODS:
            for sex in ("female", "male"):
                for b, band in enumerate(BANDS):
                    pop = float(rng.integers(150, 700))
                    rate = 0.00005 * math.exp(0.095 * b * 5) * (1 + 0.15 * a)
                    if low and area == "A0":
                        rate /= 50
                    deaths = float(max(rng.poisson(pop * min(rate, 0.6)), 1 if b == 18 else 0))
                    for ind in ("mort", "adm", "le"):
                        rows.append({"indicator_id": ind, "area_code": area, "period": period,
                                     "sex": sex, "age_group": band, "numerator": deaths,
                                     "denominator": pop, "value": np.nan, "lower_ci": np.nan,
                                     "upper_ci": np.nan, "status": None})
    return pd.DataFrame(rows)


CATALOGUE = pd.DataFrame({
    "id": ["mort", "adm", "le"], "domain": "health",
    "value_type": ["dsr", "isr", "life_expectancy"], "multiplier": [100_000, 1, 1],
    "polarity": ["low_is_good", "low_is_good", "high_is_good"], "decimals": [0, 0, 1],
    "standard": ["esp2013", None, None],
})
AREA_FRAME = pd.DataFrame({"code": [*AREAS, CITY], "level": ["n"] * len(AREAS) + ["city"]})


def _loop_dsr(data: pd.DataFrame, weights: dict[str, float]) -> float:
    total = sum(weights.values())
    return sum(weights[r.age_group] * r.numerator / r.denominator
               for r in data.itertuples()) / total * 100_000


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return comparison_table(_data(), CATALOGUE, AREA_FRAME, CITY)


def _row(table: pd.DataFrame, ind: str, area: str, sex: str = "total",
         age: str = "all", period: str = "2024") -> pd.Series:
    got = table.loc[(table.indicator_id == ind) & (table.area_code == area)
                    & (table.sex == sex) & (table.age_group == age) & (table.period == period)]
    assert len(got) == 1
    return got.iloc[0]


def test_dsr_of_an_area_and_of_the_city_match_a_plain_loop(table: pd.DataFrame) -> None:
    data = _data()
    weights = dict(zip(BANDS, ESP2013, strict=True))
    mine = data[(data.indicator_id == "mort") & (data.period == "2024")]
    female = mine[(mine.area_code == "A2") & (mine.sex == "female")]
    assert _row(table, "mort", "A2", "female").value == pytest.approx(
        _loop_dsr(female, weights), rel=1e-9)
    persons = mine[mine.area_code == "A2"].groupby("age_group", as_index=False)[
        ["numerator", "denominator"]].sum()
    assert _row(table, "mort", "A2").value == pytest.approx(_loop_dsr(persons, weights),
                                                            rel=1e-9)
    city = mine.groupby("age_group", as_index=False)[["numerator", "denominator"]].sum()
    row = _row(table, "mort", CITY)
    assert row.value == pytest.approx(_loop_dsr(city, weights), rel=1e-9)
    assert row.numerator == city.numerator.sum() and row.denominator == city.denominator.sum()
    assert row.compared_to_city == "benchmark"


def test_dsr_keeps_its_own_998_limits_and_compares_with_the_city(table: pd.DataFrame) -> None:
    row = _row(table, "mort", "A5")
    assert row.ci998_source == "computed"
    assert row.lower_ci998 < row.lower_ci95 < row.value < row.upper_ci95 < row.upper_ci998
    city = _row(table, "mort", CITY).value
    expected = "similar" if row.lower_ci95 <= city <= row.upper_ci95 else (
        "worse" if row.value > city else "better")
    if expected != "similar" and not (row.lower_ci998 <= city <= row.upper_ci998):
        expected = "much_" + expected
    assert row.compared_to_city == expected
    assert row.value_type == "dsr" and row.status == "ok"


def test_isr_against_the_citys_own_rates(table: pd.DataFrame) -> None:
    data = _data()
    mine = data[(data.indicator_id == "adm") & (data.period == "2024")]
    city = mine.groupby(["sex", "age_group"])[["numerator", "denominator"]].sum()
    area = mine[(mine.area_code == "A4") & (mine.sex == "male")]
    expected = sum(r.denominator * city.loc[("male", r.age_group), "numerator"]
                   / city.loc[("male", r.age_group), "denominator"] for r in area.itertuples())
    assert _row(table, "adm", "A4", "male").value == pytest.approx(
        100 * area.numerator.sum() / expected, rel=1e-9)
    assert _row(table, "adm", CITY, "male").value == pytest.approx(100.0, rel=1e-12)


def test_life_expectancy_at_birth_and_at_65(table: pd.DataFrame) -> None:
    at_birth, at_65 = _row(table, "le", "A1"), _row(table, "le", "A1", age="65+")
    assert 60 < at_birth.value < 95 and 5 < at_65.value < 30
    assert at_65.value < at_birth.value - 40
    assert _row(table, "le", CITY).compared_to_city == "benchmark"
    assert at_birth.value_type == "life_expectancy"


def test_too_few_events_is_blank_with_its_reason() -> None:
    table = comparison_table(_data(low=True), CATALOGUE, AREA_FRAME, CITY)
    row = _row(table, "mort", "A0", "female")
    assert row.status == "too_few_events" and math.isnan(row.value)
    assert row.compared_to_city == "not_compared"


def test_supplied_city_rows_are_recomputed_from_the_areas() -> None:
    data = _data()
    bogus = data[data.area_code == "A0"].assign(area_code=CITY, numerator=1.0)
    out = standardise(pd.concat([data, bogus]), CATALOGUE, CITY)
    plain = standardise(data, CATALOGUE, CITY)
    pd.testing.assert_frame_equal(out.reset_index(drop=True), plain.reset_index(drop=True))


def test_a_city_standard_population_is_the_citys_own() -> None:
    data = _data()
    catalogue = CATALOGUE.assign(standard=["city", None, None])
    table = comparison_table(data, catalogue, AREA_FRAME, CITY)
    mort = data[data.indicator_id == "mort"]
    weights = mort.groupby("age_group")["denominator"].sum().to_dict()
    area = mort[(mort.period == "2023") & (mort.area_code == "A3")].groupby(
        "age_group", as_index=False)[["numerator", "denominator"]].sum()
    assert _row(table, "mort", "A3", period="2023").value == pytest.approx(
        _loop_dsr(area, weights), rel=1e-9)


def test_other_indicators_pass_through_untouched() -> None:
    values = pd.DataFrame({"indicator_id": ["x"], "area_code": ["A0"], "period": ["2024"],
                           "sex": ["total"], "age_group": ["all"], "numerator": [3.0],
                           "denominator": [10.0], "value": [np.nan], "lower_ci": [np.nan],
                           "upper_ci": [np.nan], "status": [None]})
    catalogue = pd.DataFrame({"id": ["x"], "value_type": ["proportion"]})
    assert standardise(values, catalogue, CITY) is values
