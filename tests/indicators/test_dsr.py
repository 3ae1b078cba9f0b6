"""Directly standardised rates: the ESP 2013, known answers, invariants, statuses, errors.

Expected values come from tests/indicators/methods_reference.py: PHEindicatormethods'
phe_dsr transcribed for one group at a time in 40-digit mpmath, with Byar's limits
written out and Garwood's exact limits found by root-finding (not the engine's route).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import IndicatorError, directly_standardised_rates, european_standard_population
from indicators.standards import ESP2013_BANDS, ESP2013_WEIGHTS
from tests.indicators import methods_reference as ref

ESP = list(ESP2013_WEIGHTS)


def banded(areas: dict[str, tuple[list[float], list[float]]], sex: str = "total",
           period: str = "2023") -> pd.DataFrame:
    rows = [{"area_code": code, "period": period, "sex": sex, "age_group": band, "events": x,
             "population": n}
            for code, (events, people) in areas.items()
            for band, x, n in zip(ESP2013_BANDS, events, people, strict=True)]
    return pd.DataFrame(rows)


def sample(seed: int, scale: int = 30) -> tuple[list[float], list[float]]:
    rng = np.random.default_rng(seed)
    people = rng.integers(200, 4000, 19).astype(float).tolist()
    events = rng.integers(0, scale, 19).astype(float).tolist()
    return events, people


def test_the_european_standard_population_2013() -> None:
    esp = european_standard_population()
    assert list(esp["age_group"]) == ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29",
                                      "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
                                      "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
    # Eurostat (2013), ESP 2013 by five-year age group
    assert esp["population"].sum() == 100_000
    assert esp.set_index("age_group")["population"][["0-4", "45-49", "85-89", "90+"]].tolist() == [
        5000, 7000, 1500, 1000]
    infants = european_standard_population(split_infants=True)
    assert len(infants) == 20 and infants["population"].sum() == 100_000
    assert infants["population"].iloc[:2].tolist() == [1000, 4000]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dsr_and_dobson_limits_match_phe_dsr_transcribed(seed: int) -> None:
    events, people = sample(seed)
    got = directly_standardised_rates(banded({"A": (events, people)})).iloc[0]
    for confidence, lo_col, hi_col in ((0.95, "lower_ci95", "upper_ci95"),
                                       (0.998, "lower_ci998", "upper_ci998")):
        value, lo, hi = ref.dsr(events, people, ESP, 100_000, confidence)
        assert got["value"] == pytest.approx(value, rel=1e-9)
        assert got[lo_col] == pytest.approx(lo, rel=1e-9)
        assert got[hi_col] == pytest.approx(hi, rel=1e-9)
    assert (got["events"], got["population"]) == (sum(events), sum(people))
    assert got["status"] == "ok"


def test_below_10_events_the_dsr_is_not_published() -> None:
    events = [0.0] * 19
    events[-1] = 9.0
    got = directly_standardised_rates(banded({"A": (events, [1000.0] * 19)})).iloc[0]
    assert got["status"] == "too_few_events" and np.isnan(got["value"])
    assert np.isnan(got["lower_ci95"]) and got["events"] == 9
    events[-1] = 10.0
    got = directly_standardised_rates(banded({"A": (events, [1000.0] * 19)})).iloc[0]
    value, lo, hi = ref.dsr(events, [1000.0] * 19, ESP, 100_000, 0.95)
    assert got["status"] == "ok"
    assert (got["value"], got["lower_ci95"], got["upper_ci95"]) == pytest.approx((value, lo, hi),
                                                                                   rel=1e-9)


def test_the_city_dsr_comes_from_summed_counts_not_averaged() -> None:
    a, b = sample(4), sample(5, scale=90)
    table = directly_standardised_rates(banded({"A": a, "B": b}), city_code="C")
    city = table[table["area_code"] == "C"].iloc[0]
    summed = ([x + y for x, y in zip(a[0], b[0], strict=True)],
              [x + y for x, y in zip(a[1], b[1], strict=True)])
    value, lo, hi = ref.dsr(*summed, ESP, 100_000, 0.95)
    assert (city["value"], city["lower_ci95"], city["upper_ci95"]) == pytest.approx(
        (value, lo, hi), rel=1e-9)
    areas = table[table["area_code"] != "C"]["value"].mean()
    assert abs(city["value"] - areas) > 1.0  # not the mean of the areas' DSRs
    assert list(table["area_code"]) == ["A", "B", "C"]


def test_a_citys_own_standard_population() -> None:
    events, people = sample(6)
    own = pd.DataFrame({"age_group": list(ESP2013_BANDS), "population": people})
    got = directly_standardised_rates(banded({"A": (events, people)}), standard=own).iloc[0]
    # standardised to its own population, a DSR is the crude rate
    assert got["value"] == pytest.approx(sum(events) / sum(people) * 100_000, rel=1e-12)


def test_persons_standardised_by_age_and_sex_weigh_each_sex_by_the_esp() -> None:
    f, m = sample(7), sample(8)
    data = pd.concat([banded({"A": f}, sex="female"), banded({"A": m}, sex="male")])
    persons = directly_standardised_rates(data, by=("area_code", "period"),
                                          strata=("age_group", "sex")).iloc[0]
    both = ([*f[0], *m[0]], [*f[1], *m[1]])
    value, lo, hi = ref.dsr(*both, ESP + ESP, 100_000, 0.95)
    assert (persons["value"], persons["lower_ci95"], persons["upper_ci95"]) == pytest.approx(
        (value, lo, hi), rel=1e-9)
    by_sex = directly_standardised_rates(data)
    assert persons["value"] == pytest.approx(by_sex["value"].mean(), rel=1e-12)


@given(st.lists(st.integers(0, 60), min_size=19, max_size=19), st.integers(1, 50))
def test_the_standards_own_age_structure_gives_the_crude_rate(events: list[int],
                                                             k: int) -> None:
    people = [k * w / 100 for w in ESP]
    got = directly_standardised_rates(banded({"A": ([float(e) for e in events], people)}),
                                      min_events=0).iloc[0]
    assert got["value"] == pytest.approx(sum(events) / sum(people) * 100_000, rel=1e-12)
    if sum(events) > 0:
        assert got["lower_ci998"] <= got["lower_ci95"] <= got["value"] <= got["upper_ci95"]
        assert got["upper_ci95"] <= got["upper_ci998"]


def test_incomplete_bands_are_missing() -> None:
    events, people = sample(9)
    people[3] = 0.0
    data = banded({"A": (events, people), "B": sample(10)})
    data = data[~((data["area_code"] == "B") & (data["age_group"] == "90+"))]
    got = directly_standardised_rates(data).set_index("area_code")
    assert got.loc["A", "status"] == "missing" and np.isnan(got.loc["A", "value"])
    assert got.loc["B", "status"] == "missing"


def test_bad_inputs_say_what_and_how_to_fix() -> None:
    data = banded({"A": sample(11)})
    with pytest.raises(IndicatorError, match="stratum not in the standard population"):
        directly_standardised_rates(data.replace({"age_group": {"90+": "90-94"}}))
    with pytest.raises(IndicatorError, match="no row for a stratum of the standard"):
        directly_standardised_rates(data[data["age_group"] != "90+"])
    with pytest.raises(IndicatorError, match="negative events"):
        directly_standardised_rates(data.assign(events=-1.0))
    with pytest.raises(IndicatorError, match="two rows for the same group and stratum"):
        directly_standardised_rates(pd.concat([data, data.iloc[:1]]))
    with pytest.raises(IndicatorError, match="required column is missing"):
        directly_standardised_rates(data.drop(columns="population"))
    with pytest.raises(IndicatorError, match="already hold rows for the city"):
        directly_standardised_rates(data, city_code="A")
