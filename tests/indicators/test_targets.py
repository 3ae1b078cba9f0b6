"""Targets: compared with target and progress, known answers and properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import targets as tg
from store.programme_read import PROGRAMME_COLUMNS

CITY = "DEMO"


def target(indicator: str = "unemp", area: str = "DC25", *, baseline: str = "2018",
           base_value: float = 9.0, period: str = "2030", value: float = 6.0,
           direction: str = "decrease", sex: str = "total", age: str = "all") -> dict:
    return {"indicator_id": indicator, "area_code": area, "sex": sex, "age_group": age,
            "programme_id": "P1", "goal_id": "G1", "baseline_period": baseline,
            "baseline_value": base_value, "target_period": period, "target_value": value,
            "direction": direction}


def targets(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=PROGRAMME_COLUMNS["targets"])


def values(series: dict[str, float | None], indicator: str = "unemp", area: str = "DC25",
           sex: str = "total", age: str = "all") -> pd.DataFrame:
    return pd.DataFrame({"indicator_id": indicator, "area_code": area, "sex": sex, "age_group": age,
                         "period": list(series), "value": [np.nan if v is None else v
                                                           for v in series.values()]})


def one(tgt: dict, table: pd.DataFrame) -> pd.Series:
    out = tg.target_progress(targets(tgt), table)
    assert list(out.columns) == [*PROGRAMME_COLUMNS["targets"], *tg.PROGRESS_COLUMNS]
    return out.iloc[0]


@pytest.mark.parametrize(("period", "year"), [("2020", 2020), ("2018-2020", 2020), ("2018–2020", 2020),
                                              (" 2019/2021 ", 2021), ("2021Q3", 2021)])
def test_period_year_is_the_end_year(period: str, year: int) -> None:
    assert tg.period_year(period) == year


@pytest.mark.parametrize("period", [None, float("nan"), "", "latest"])
def test_period_without_a_year_is_nan(period: object) -> None:
    assert np.isnan(tg.period_year(period))


def test_meets_follows_the_direction_and_counts_equality_as_met() -> None:
    got = tg.meets([6.0, 6.0, 5.0, 7.0, np.nan], [6.0, 6.0, 6.0, 6.0, 6.0],
                   ["decrease", "increase", "increase", "decrease", "increase"])
    assert got.tolist() == [True, True, False, False, False]


def test_known_answer_projection_on_track() -> None:
    # 9, 8.5, 8, 7.5 in 2018..2021: slope -0.5/year, projected to 2025 = 5.5 <= 6 → on track
    row = one(target(period="2025"), values({"2018": 9, "2019": 8.5, "2020": 8, "2021": 7.5}))
    assert row["slope"] == pytest.approx(-0.5)
    assert row["projected_value"] == pytest.approx(5.5)
    assert (row["latest_period"], row["latest_value"], row["points"]) == ("2021", 7.5, 4)
    assert (row["compared_to_target"], row["progress"]) == ("not_met", "on_track")


def test_known_answer_projection_off_track() -> None:
    # 9, 8.9, 8.8 (slope -0.1): projected to 2030 = 8.8 − 0.9 = 7.9 > 6 → off track
    row = one(target(baseline="2019"), values({"2018": 1.0, "2019": 9, "2020": 8.9, "2021": 8.8}))
    assert row["points"] == 3  # 2018 is before the baseline: left out
    assert row["projected_value"] == pytest.approx(7.9)
    assert row["progress"] == "off_track"


def test_least_squares_matches_an_independent_fit_on_noisy_values() -> None:
    years = np.arange(2016, 2023)
    y = np.array([20.1, 21.5, 20.9, 22.8, 23.0, 24.2, 23.9])
    row = one(target(baseline="2016", period="2028", value=30, direction="increase"),
              values({str(k): v for k, v in zip(years, y, strict=True)}))
    x = np.column_stack([np.ones_like(years, dtype=float), years.astype(float)])
    beta = np.linalg.lstsq(x, y, rcond=None)[0]
    assert row["projected_value"] == pytest.approx(beta[0] + beta[1] * 2028)
    assert row["progress"] == ("on_track" if beta[0] + beta[1] * 2028 >= 30 else "off_track")


def test_pooled_periods_use_their_end_year() -> None:
    table = values({"2016-2018": 10.0, "2017-2019": 11.0, "2018-2020": 12.0})
    row = one(target(baseline="2016-2018", period="2024-2026", value=15, direction="increase"), table)
    assert row["slope"] == pytest.approx(1.0)
    assert row["projected_value"] == pytest.approx(18.0)  # 12 + 6 years
    assert row["progress"] == "on_track"


def test_a_series_already_past_the_target_is_achieved() -> None:
    for direction, series in (("decrease", [9, 7, 5.9]), ("increase", [50, 61, 70])):
        goal = 6.0 if direction == "decrease" else 65.0
        row = one(target(value=goal, direction=direction),
                  values(dict(zip(["2018", "2019", "2020"], series, strict=True))))
        assert (row["compared_to_target"], row["progress"]) == ("met", "achieved")


def test_a_flat_series_below_an_increase_target_is_off_track() -> None:
    row = one(target(value=70, direction="increase"), values({str(y): 60.0 for y in range(2018, 2024)}))
    assert row["slope"] == pytest.approx(0.0)
    assert (row["compared_to_target"], row["progress"]) == ("not_met", "off_track")


def test_too_few_points_and_the_baseline_value_as_a_point() -> None:
    # two values after the baseline, none at it: the baseline value makes the third point
    row = one(target(baseline="2018", base_value=9.0), values({"2019": 8.0, "2020": 7.0}))
    assert row["points"] == 3
    assert row["slope"] == pytest.approx(-1.0)
    assert row["progress"] == "on_track"
    row = one(target(baseline="2019"), values({"2019": 8.0, "2020": 7.5}))
    assert (row["points"], row["progress"]) == (2, "too_few_points")


def test_no_data_and_suppressed_values() -> None:
    row = one(target(), values({"2019": None, "2020": None}))
    assert (row["compared_to_target"], row["progress"], row["points"]) == ("no_data", "no_data", 0)
    row = one(target(), values({"2019": 8.0}, area="DC99"))
    assert row["progress"] == "no_data"
    # the latest value suppressed: judged on the latest value there is
    row = one(target(baseline="2018"), values({"2018": 9, "2019": 8, "2020": 7, "2021": None}))
    assert row["latest_period"] == "2020"


def test_target_year_passed_unmet_is_off_track() -> None:
    row = one(target(baseline="2018", period="2020"), values({"2018": 9, "2019": 8, "2020": 7, "2021": 6.5}))
    assert (row["compared_to_target"], row["progress"]) == ("not_met", "off_track")


def test_sex_and_age_group_are_separate_targets() -> None:
    table = pd.concat([values({"2018": 9, "2019": 8, "2020": 7}),
                       values({"2018": 9, "2019": 9, "2020": 9}, sex="female")])
    out = tg.target_progress(targets(target(), target(sex="female")), table)
    assert out["progress"].tolist() == ["on_track", "off_track"]


def test_no_targets_gives_the_columns() -> None:
    out = tg.target_progress(targets(), values({"2018": 1.0}))
    assert out.empty and list(out.columns)[-len(tg.PROGRESS_COLUMNS):] == tg.PROGRESS_COLUMNS


def test_with_targets_city_wide_target_applies_to_every_area_progress_to_its_own() -> None:
    table = pd.concat([
        values({"2018": 9.0, "2019": 8.0, "2020": 7.0}, area="DC25"),
        values({"2018": 5.0, "2019": 5.5, "2020": 5.8}, area="DC32"),
        values({"2018": 7.0, "2019": 6.8, "2020": 6.6}, area=CITY),
        values({"2020": 50.0}, indicator="other", area="DC25"),
    ], ignore_index=True)
    table.index = table.index + 100  # any index: the result follows it
    tgts = targets(target(area=CITY, value=6.0), target(area="DC25", value=6.5))
    got = tg.with_targets(table, tgts, CITY)
    assert list(got.columns) == tg.ROW_COLUMNS and got.index.equals(table.index)
    by = table.assign(**{c: got[c] for c in got.columns})
    dc25 = by[by["area_code"] == "DC25"].set_index(["indicator_id", "period"])
    assert dc25.loc[("unemp", "2020"), "target_area"] == "DC25"
    assert dc25.loc[("unemp", "2020"), "target_value"] == 6.5
    assert dc25.loc[("unemp", "2020"), "compared_to_target"] == "not_met"
    assert dc25.loc[("unemp", "2020"), "progress"] == "on_track"
    assert dc25.loc[("unemp", "2019"), "progress"] is None  # progress: the latest row only
    assert pd.isna(dc25.loc[("other", "2020"), "target_value"])  # no target: empty cells
    dc32 = by[by["area_code"] == "DC32"].set_index("period")
    assert (dc32["target_area"] == CITY).all() and (dc32["target_value"] == 6.0).all()
    assert dc32["compared_to_target"].tolist() == ["met", "met", "met"]
    assert dc32["progress"].isna().all()  # a city-wide target's progress is the city's
    city = by[by["area_code"] == CITY].set_index("period")
    assert city.loc["2020", "progress"] == "on_track"  # 7, 6.8, 6.6: 6.6 − 10 × 0.2 = 4.6 by 2030
    assert city.loc["2020", "target_area"] == CITY


def test_with_targets_suppressed_row_has_no_data_and_empty_inputs() -> None:
    table = values({"2018": 9.0, "2019": 8.0, "2020": None})
    got = tg.with_targets(table, targets(target()), CITY)
    assert got["compared_to_target"].tolist() == ["not_met", "not_met", "no_data"]
    assert got["progress"].tolist() == [None, "too_few_points", None]
    assert tg.with_targets(table, targets(), CITY)["target_value"].isna().all()


def test_the_documented_example_is_on_track() -> None:
    """docs/programmes.md, *Targets and progress*: Hjortkullen's unemployment."""
    row = one(target(baseline="2019", base_value=22.5, value=15.0),
              values({"2019": 22.5, "2020": 21.0, "2021": 20.5, "2022": 19.0}))
    assert row["slope"] == pytest.approx(-1.1)
    assert row["projected_value"] == pytest.approx(10.3)
    assert (row["compared_to_target"], row["progress"]) == ("not_met", "on_track")
