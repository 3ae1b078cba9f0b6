"""Plausibility checks at validate (warnings unless the catalogue says error), empty rows, and a
wide table's shared denominator column."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.catalogue import read_catalogue
from etl.config import load_config
from etl.errors import Problem
from etl.pipeline import validate
from etl.tables import TablesResult, read_tables
from tests.etl.smallcity import CITY_CODE, CODES, CONFIG, table_csv, table_rows, write_small_city


def _read(tmp_path: Path, table: str, extra: str = "") -> TablesResult:
    config = CONFIG.replace('path = "table.csv"\n', 'path = "table.csv"\n' + extra)
    cfg = load_config(write_small_city(tmp_path, table=table, config=config))
    return read_tables(cfg, set(CODES), read_catalogue(cfg)[0])


def _edited(edit: dict[tuple[str, str, str], list[str]]) -> str:
    """The small city's table with some (indicator, area, period) rows' cells replaced."""
    return table_csv([[*r[:4], *edit[(r[0], r[1], r[2])]] if (r[0], r[1], r[2]) in edit else r
                      for r in table_rows()])


def _only(problems: list[Problem], fragment: str) -> Problem:
    found = [p for p in problems if fragment in p.message]
    assert len(found) == 1, [str(p) for p in problems]
    return found[0]


def test_the_small_city_is_plausible(tmp_path: Path) -> None:
    assert validate(write_small_city(tmp_path)).warnings == []


def test_a_rate_above_its_multiplier_is_a_warning(tmp_path: Path) -> None:
    result = _read(tmp_path, _edited({("admissions", "D03", "2023"): ["1500", "1000", ""]}))
    problem = _only(result.problems, "above its multiplier")
    assert str(problem).startswith(
        "table.csv, row 64, column 'value': rate 1,500 per 1,000 is above its multiplier: more events "
        "than people (expected 0 to 1,000) (value: 1500). Fix: check the numerator and denominator")
    assert problem.severity == "warning"


def test_a_given_value_that_disagrees_with_its_numerator_and_denominator(tmp_path: Path) -> None:
    result = _read(tmp_path, _edited({("unemployment", "D01", "2023"): ["50", "1000", "9.0"],
                                      ("low_income", "D01", "2023"): ["100", "1000", "0.1"]}))
    problem = _only(result.problems, "disagrees")
    assert problem.message == ("value 9 disagrees with its numerator / denominator: 100 × 50 / 1,000 "
                               "= 5 (expected within ±0.1)")  # 2 % of 5, above half a decimal
    assert (problem.row, problem.column, problem.value, problem.severity) == (52, "value", 9, "warning")


def test_a_city_value_far_from_its_areas_sums_says_both(tmp_path: Path) -> None:
    result = _read(tmp_path, _edited({("population", CITY_CODE, "2022"): ["", "", "20000"]}))
    problem = _only(result.problems, "away from")
    assert problem.message == ("whole-city value 20,000 of population (2022, total, all) is 59 % away "
                               "from 12,600, the value computed from the sums of its 9 areas' counts")
    assert (problem.file, problem.row, problem.severity) == ("table.csv", 51, "warning")


def test_a_city_value_outside_its_areas_range(tmp_path: Path) -> None:
    result = _read(tmp_path, _edited({("median_income", CITY_CODE, "2023"): ["", "", "35000"]}))
    problem = _only(result.problems, "outside")
    assert problem.message == ("whole-city value 35,000 of median_income (2023, total, all) lies "
                               "outside its 9 areas' range, 25,300 to 29,300")


def test_empty_rows_between_data_rows_are_counted_not_trailing_ones(tmp_path: Path) -> None:
    lines = table_csv().splitlines()
    table = "\n".join([*lines[:3], "", ",,,,,,", *lines[3:5], "", *lines[5:], "", ""]) + "\n"
    result = _read(tmp_path, table)
    problem = _only(result.problems, "empty row")
    assert str(problem) == ("table.csv, row 4: 3 empty row(s) were skipped (rows 4, 5, 8). Fix: "
                            "nothing, unless data are missing there: delete the empty rows, or fill "
                            "them in")
    assert problem.severity == "warning"


def test_a_wide_tables_shared_denominator_column(tmp_path: Path) -> None:
    table = ("area,period,befolkning,unemployment_antal,low_income_antal,low_income_bas\n"
             "D01,2023,1000,50,100,800\nD02,2023,2000,80,,\n")
    extra = ('format = "wide"\ncolumns = { denominator = "befolkning" }\n'
             'numerator_suffix = "_antal"\ndenominator_suffix = "_bas"\n')
    result = _read(tmp_path, table, extra)
    assert [p for p in result.problems if p.severity == "error"] == []
    values = result.values.set_index(["indicator_id", "area_code"])
    assert values.loc[("unemployment", "D01"), "denominator"] == 1000
    assert values.loc[("unemployment", "D02"), "value"] == pytest.approx(100 * 80 / 2000)
    assert values.loc[("low_income", "D01"), "denominator"] == 800  # its own column wins
    assert "befolkning" not in " ".join(p.message for p in result.problems)  # not an indicator
