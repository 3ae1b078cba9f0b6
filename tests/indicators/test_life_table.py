"""Life expectancy (Chiang II): PHE's published answers, an independent transcription,
statuses and invariants.

Sources of the expected values:
* PHEINDICATORMETHODS_ANSWER: PHEindicatormethods, tests/testthat/testLifeExpectancy.R,
  ``answer1`` for its data ``df1`` (20 bands 0, 1-4, 5-9 … 90+): life expectancy with
  its 95% limits at each band start, to 8 decimals. The limits were made with z = 1.96
  (PHE's Life Expectancy Calculator; half-width / 1.96 gives the SE), so the test
  compares the SE derived from them.
* methods_reference.life_table: phe_life_expectancy transcribed row by row in plain
  Python, for layouts and data the published example does not cover.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import IndicatorError, life_expectancy
from indicators.standards import ESP2013_BANDS
from tests.indicators import methods_reference as ref

STARTS = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
POPS = [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416,
        46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936]
DEATHS = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936,
          1937]
PHEINDICATORMETHODS_ANSWER = {  # start age: (value, lower95, upper95)
    0: (80.16960813, 79.88268548, 80.45653078), 1: (79.36245674, 79.0898816, 79.63503188),
    5: (75.44193645, 75.17407307, 75.70979983), 10: (70.47299936, 70.20675732, 70.7392414),
    15: (65.52909542, 65.26548673, 65.79270412), 20: (60.67510088, 60.41876577, 60.931436),
    25: (55.78835987, 55.53801579, 56.03870395), 30: (50.92752727, 50.68279939, 51.17225516),
    35: (46.06740425, 45.82666794, 46.30814055), 40: (41.24505636, 41.00842831, 41.48168441),
    45: (36.49322717, 36.26223216, 36.72422219), 50: (31.83343842, 31.60996318, 32.05691365),
    55: (27.26027992, 27.04337271, 27.47718713), 60: (22.9719144, 22.76653134, 23.17729746),
    65: (18.76856852, 18.57570352, 18.96143352), 70: (14.95858336, 14.77985004, 15.13731667),
    75: (11.51684445, 11.34831778, 11.68537112), 80: (8.618849241, 8.451134045, 8.786564437),
    85: (6.163942934, 5.978358351, 6.349527517), 90: (6.16210635, 5.887683386, 6.436529314),
}


def frame(starts: list[object], deaths: list[float], pops: list[float], area: str = "A",
          sex: str = "male") -> pd.DataFrame:
    return pd.DataFrame({"area_code": area, "period": "2023", "sex": sex, "age_group": starts,
                         "deaths": deaths, "population": pops})


def test_phes_published_life_table_at_every_age() -> None:
    got = life_expectancy(frame(STARTS, DEATHS, POPS), at_ages=STARTS).set_index("age")
    for age, (value, lower, upper) in PHEINDICATORMETHODS_ANSWER.items():
        digits = 10 ** -(len(repr(value).split(".")[1]))  # the published rounding
        assert got.loc[age, "value"] == pytest.approx(value, abs=digits / 2 + 1e-12)
        assert got.loc[age, "se"] == pytest.approx((upper - lower) / (2 * 1.96), rel=1e-7)
        assert got.loc[age, "status"] == "ok"
    assert got.loc[0, "deaths"] == sum(DEATHS) and got.loc[65, "person_years"] == sum(POPS[14:])


@pytest.mark.parametrize("layout", ["phe", "esp"])
def test_life_table_matches_phe_life_expectancy_transcribed(layout: str) -> None:
    if layout == "phe":
        starts, deaths, pops = STARTS, DEATHS, POPS
        labels: list[object] = [str(s) for s in STARTS]
    else:  # 19 bands 0-4 … 90+: the first band's a = 0.1 as PHE's rule for the band at 0
        starts = [0, *STARTS[2:]]
        deaths = [DEATHS[0] + DEATHS[1], *DEATHS[2:]]
        pops = [POPS[0] + POPS[1], *POPS[2:]]
        labels = list(ESP2013_BANDS)
    want_e, want_se = ref.life_table(starts, [float(d) for d in deaths],
                                     [float(p) for p in pops])
    got = life_expectancy(frame(labels, deaths, pops), at_ages=starts).set_index("age")
    for i, age in enumerate(starts):
        assert got.loc[age, "value"] == pytest.approx(want_e[i], rel=1e-12)
        assert got.loc[age, "se"] == pytest.approx(want_se[i], rel=1e-12)
        z998 = float(ref.z(0.998))
        assert got.loc[age, "upper_ci998"] == pytest.approx(want_e[i] + z998 * want_se[i],
                                                            rel=1e-12)


def test_refusals_and_their_reasons() -> None:
    small = [p / 200 for p in POPS]  # 3,939.7 person-years, the same death rates
    small_deaths = [d / 200 for d in DEATHS]
    no_open_deaths = [*DEATHS[:-1], 0]
    missing_band = frame(STARTS[:-1], DEATHS[:-1], POPS[:-1], area="E")
    more_deaths = [*DEATHS[:5], 50_000, *DEATHS[6:]]
    data = pd.concat([frame(STARTS, DEATHS, POPS), frame(STARTS, small_deaths, small, area="B"),
                      frame(STARTS, no_open_deaths, POPS, area="D"), missing_band,
                      frame(STARTS, more_deaths, POPS, area="F")])
    got = life_expectancy(data, at_ages=(0,)).set_index("area_code")
    assert got["status"].to_dict() == {"A": "ok", "B": "too_few_person_years", "D": "missing",
                                       "E": "missing", "F": "missing"}
    assert got.drop("A")["value"].isna().all() and got.drop("A")["lower_ci95"].isna().all()


def test_a_value_with_a_95_interval_over_20_years_is_suppressed_but_keeps_it() -> None:
    deaths = [0.0] * 19 + [1.0]  # e₉₀ = 1/M = 20 years, SE = 1/(M·√D) = 20 years
    pops = [300.0] * 19 + [20.0]
    got = life_expectancy(frame(STARTS, deaths, pops), at_ages=(90,)).iloc[0]
    assert got["status"] == "interval_over_20_years" and np.isnan(got["value"])
    assert got["upper_ci95"] - got["lower_ci95"] > 20


def test_the_city_row_comes_from_summed_deaths_and_populations() -> None:
    half = [p // 2 for p in POPS]
    other = [p - h for p, h in zip(POPS, half, strict=True)]
    dh = [d // 2 for d in DEATHS]
    do = [d - h for d, h in zip(DEATHS, dh, strict=True)]
    data = pd.concat([frame(STARTS, dh, half), frame(STARTS, do, other, area="B")])
    got = life_expectancy(data, city_code="C").set_index(["area_code", "age"])
    assert got.loc[("C", 0), "value"] == pytest.approx(PHEINDICATORMETHODS_ANSWER[0][0],
                                                       abs=5e-9)
    assert got.loc[("C", 65), "value"] == pytest.approx(PHEINDICATORMETHODS_ANSWER[65][0],
                                                        abs=5e-9)


def test_bad_layouts_say_what_and_how_to_fix() -> None:
    with pytest.raises(IndicatorError, match="does not start at 0"):
        life_expectancy(frame(STARTS[1:], DEATHS[1:], POPS[1:]))
    with pytest.raises(IndicatorError, match="without a start age"):
        life_expectancy(frame(["all", *STARTS[1:]], DEATHS, POPS))
    with pytest.raises(IndicatorError, match="starts no band"):
        life_expectancy(frame(STARTS, DEATHS, POPS), at_ages=(64,))


@given(st.floats(1.01, 3.0))
def test_more_deaths_at_every_age_shorten_life(factor: float) -> None:
    base = life_expectancy(frame(STARTS, DEATHS, POPS), at_ages=(0, 65))
    worse = life_expectancy(frame(STARTS, [d * factor for d in DEATHS], POPS), at_ages=(0, 65))
    assert (worse["value"] < base["value"]).all()
    assert ((worse["lower_ci95"] < worse["value"]) & (worse["value"] < worse["upper_ci95"])).all()
    assert (worse["lower_ci998"] < worse["lower_ci95"]).all()


def test_fractions_override_the_share_of_a_band_lived_by_those_who_die() -> None:
    want_e, want_se = ref.life_table(STARTS, [float(d) for d in DEATHS], [float(p) for p in POPS],
                                     a0=0.2)
    got = life_expectancy(frame([str(s) for s in STARTS], DEATHS, POPS),
                          fractions={"0": 0.2}).set_index("age")
    assert got.loc[0, "value"] == pytest.approx(want_e[0], rel=1e-12)
    assert got.loc[65, "se"] == pytest.approx(want_se[14], rel=1e-12)


def test_categorical_keys_stay_categorical_with_the_city_added() -> None:
    data = frame(STARTS, DEATHS, POPS).astype({"area_code": "category", "sex": "category"})
    got = life_expectancy(data, city_code="C", at_ages=(0,))
    assert isinstance(got["area_code"].dtype, pd.CategoricalDtype)
    assert got["area_code"].tolist() == ["A", "C"]
    assert got["value"].iloc[0] == pytest.approx(got["value"].iloc[1], rel=1e-12)
