"""Indicator tables: long and wide layouts, markers, computed values and problems."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from etl.catalogue import read_catalogue
from etl.checks import LIMIT
from etl.config import load_config
from etl.errors import Problem
from etl.tables import TablesResult, read_tables
from store.read import VALUE_COLUMNS
from tests.etl.smallcity import CITY_CODE, CODES, CONFIG, table_csv, table_rows, write_small_city

HEADER = "indicator,area,period,sex,numerator,denominator,value\n"


def _read(
    tmp_path: Path, table: str | bytes | None = None, extra: str = "", **files: str | bytes
) -> TablesResult:
    """read_tables on the small city, with ``extra`` lines appended to its [[tables]] section."""
    config = write_small_city(tmp_path, table=table, config=CONFIG + extra, files=files or None)
    cfg = load_config(config)
    catalogue, problems = read_catalogue(cfg)
    assert problems == []
    return read_tables(cfg, set(CODES), catalogue)


def _errors(result: TablesResult) -> list[Problem]:
    return [p for p in result.problems if p.severity == "error"]


def _row(
    values: pd.DataFrame, indicator: str, area: str, period: str = "2023", sex: str = "total"
) -> pd.Series:
    hit = values[
        (values.indicator_id == indicator)
        & (values.area_code == area)
        & (values.period == period)
        & (values.sex == sex)
    ]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_valid_city_reads_every_row(tmp_path: Path) -> None:
    result = _read(tmp_path)
    assert result.problems == []
    assert list(result.values.columns) == VALUE_COLUMNS
    assert len(result.values) == len(table_rows())
    assert set(result.values.area_code) == {*CODES, CITY_CODE}
    assert list(result.rows_per_file.values()) == [len(table_rows())]
    assert isinstance(result.values["area_code"].dtype, pd.CategoricalDtype)


def test_values_are_computed_by_value_type(tmp_path: Path) -> None:
    values = _read(tmp_path).values
    expected = {
        "unemployment": 100.0,
        "low_income": 1.0,
        "admissions": 1000.0,
    }  # scale per value type
    for indicator, scale in expected.items():
        rows = values[values.indicator_id == indicator]
        assert np.allclose(rows.value, scale * rows.numerator / rows.denominator)
        assert rows.status.isna().all()
    given = values[values.indicator_id == "median_income"]
    assert given.value.notna().all() and given.numerator.isna().all()


def test_markers_keep_the_row_with_a_status(tmp_path: Path) -> None:
    table = HEADER + (
        "unemployment,D01,2023,total,..,1000,\n"
        "unemployment,D02,2023,total,,,x\n"
        "unemployment,D03,2023,total,,,-\n"
        "unemployment,D04,2023,total,,,\n"
        "unemployment,D05,2023,total,,,X\n"
    )
    values = _read(tmp_path, table).values
    assert values.value.isna().all()
    assert values.status.tolist() == ["suppressed_at_source"] * 3 + [
        "missing",
        "suppressed_at_source",
    ]


def test_semicolon_decimal_comma_and_thousands(tmp_path: Path) -> None:
    table = "indicator;area;period;value\nmedian_income;D01;2023;25 000,5\nmedian_income;D02;2023;1.234,25\nunemployment;D03;2023;12,5\n"
    result = _read(tmp_path, table.encode("cp1252"))
    assert result.problems == []
    assert result.values.value.tolist() == [25000.5, 1234.25, 12.5]


def test_configured_decimal_wins_over_detection(tmp_path: Path) -> None:
    table = "indicator;area;period;value\nmedian_income;D01;2023;1,234\n"
    result = _read(tmp_path, table, 'decimal = "."\n')
    assert result.values.value.tolist() == [1234.0]


def test_headerless_whitespace_table_with_city_rows(tmp_path: Path) -> None:
    config = CONFIG.replace('code = "SC"', 'code = "SC"\nrow_code = "STAD"')
    extra = 'header = false\nnames = ["year", "area", "variable", "value"]\ncolumns = {period = "year", indicator = "variable"}\n'
    table = "2022 STAD population 20000\n2022 D01 population 1000\n2023  D01 population \n"
    cfg = load_config(write_small_city(tmp_path, table=table, config=config + extra))
    result = read_tables(cfg, set(CODES), read_catalogue(cfg)[0])
    assert result.problems == []
    assert result.values.area_code.tolist() == [CITY_CODE, "D01", "D01"]
    assert result.values.status.tolist() == [None, None, "missing"]


def test_wide_table_with_suffixes_map_and_constants(tmp_path: Path) -> None:
    table = "Område;Kön;arb_num;arb_den;low_income;Namn\nD01;K;50;1000;0,1;Norr\nD01;M;60;1000;0,2;Norr\n"
    extra = (
        'format = "wide"\nnumerator_suffix = "_num"\ndenominator_suffix = "_den"\n'
        'columns = {area = "Område", sex = "Kön"}\nconstants = {period = "2023"}\n'
        'sex_codes = {K = "female", M = "male"}\nindicators = {unemployment = "arb", low_income = "low_income"}\n'
    )
    result = _read(tmp_path, table, extra)
    assert _errors(result) == []
    assert [p.message for p in result.problems] == [
        "1 column(s) are not catalogue indicators and were ignored: Namn"
    ]
    values = result.values
    female = _row(values, "unemployment", "D01", sex="female")
    assert female.value == pytest.approx(100 * female.numerator / female.denominator)
    assert _row(values, "low_income", "D01", sex="male").value == pytest.approx(0.2)
    assert set(values.period) == {"2023"}


def test_wide_problem_points_at_the_indicator_column(tmp_path: Path) -> None:
    table = "area,period,unemployment,low_income\nD01,2023,140,0.1\n"
    result = _read(tmp_path, table, 'format = "wide"\n')
    [problem] = _errors(result)
    assert (problem.row, problem.column, problem.value) == (2, "unemployment", 140)


def test_long_indicator_map_and_sex_codes(tmp_path: Path) -> None:
    table = (
        "Indikator,Område,År,Kön,Värde\nArbetslöshet,D01,2023,K,5\nArbetslöshet,D01,2023,Totalt,6\n"
    )
    extra = (
        'columns = {indicator = "Indikator", area = "Område", period = "År", sex = "Kön", value = "Värde"}\n'
        'indicators = {"Arbetslöshet" = "unemployment"}\nsex_codes = {K = "female", Totalt = "total"}\n'
    )
    values = _read(tmp_path, table, extra).values
    assert values[["indicator_id", "sex", "value"]].values.tolist() == [
        ["unemployment", "female", 5.0],
        ["unemployment", "total", 6.0],
    ]


def test_age_group_status_and_ci_columns(tmp_path: Path) -> None:
    table = (
        "indicator,area,period,age_group,value,lower_ci,upper_ci,status\n"
        "median_income,D01,2023,,25000,24000,26000,\nmedian_income,D01,2023,65+,19000,,,provisional\n"
    )
    values = _read(tmp_path, table).values
    assert values.age_group.tolist() == ["all", "65+"]
    assert values.status.tolist() == [None, "provisional"]
    assert values.lower_ci.tolist()[0] < values.value.tolist()[0] < values.upper_ci.tolist()[0]


def test_unknown_areas_ignored_with_one_warning(tmp_path: Path) -> None:
    rows = table_rows() + [["unemployment", "X99", "2023", "total", "1", "10", ""]] * 2
    result = _read(tmp_path, table_csv(rows), 'unknown_areas = "ignore"\n')
    assert _errors(result) == []
    [warning] = result.problems
    assert warning.severity == "warning"
    assert warning.message == "2 row(s) with 1 unknown area code(s) were ignored (e.g. 'X99')"
    assert len(result.values) == len(table_rows())


def test_repeated_unknown_code_is_one_problem(tmp_path: Path) -> None:
    rows = [["unemploymnet", code, "2023", "total", "1", "10", ""] for code in CODES]
    [problem] = _errors(_read(tmp_path, table_csv(rows)))
    assert problem.message == f"unknown indicator on {len(CODES)} row(s), first at row 2"
    assert "(close matches: 'unemployment')" in problem.fix


def test_problems_per_kind_are_capped_with_a_count(tmp_path: Path) -> None:
    n = LIMIT + 70
    table = HEADER + "".join(f"median_income,D01,{2000 + i},total,,,12..{i}\n" for i in range(n))
    errors = _errors(_read(tmp_path, table))
    assert len(errors) == LIMIT + 1
    assert [p.row for p in errors[:3]] == [2, 3, 4]
    assert errors[-1].message == "and 70 more row(s) with the same problem (value is not a number)"


def test_duplicates_across_tables_name_both_files(tmp_path: Path) -> None:
    extra = '\n[[tables]]\npath = "more.csv"\n'
    more = HEADER + "population,D02,2030,total,,,1\npopulation,D01,2022,total,,,5\n"
    errors = _errors(_read(tmp_path, None, extra, **{"more.csv": more}))
    first_d01 = 1 + next(
        i for i, r in enumerate(table_rows(), 1) if r[:3] == ["population", "D01", "2022"]
    )
    [problem] = errors
    assert (problem.file, problem.row) == ("more.csv", 3)
    assert problem.message.endswith(f"as table.csv row {first_d01}")


def test_zero_denominator_leaves_value_missing_with_warning(tmp_path: Path) -> None:
    result = _read(tmp_path, HEADER + "admissions,D01,2023,total,0,0,\n")
    [warning] = result.problems
    assert (warning.severity, warning.column) == ("warning", "denominator")
    assert result.values.value.isna().all() and result.values.status.tolist() == ["missing"]


def test_given_value_is_kept_and_checked_against_ci(tmp_path: Path) -> None:
    table = "indicator,area,period,numerator,denominator,value,lower_ci,upper_ci\nunemployment,D01,2023,50,1000,7,1,6\n"
    result = _read(tmp_path, table)
    assert result.values.value.tolist() == [7.0]
    [problem] = _errors(result)
    assert (problem.message, problem.column) == (
        "value lies outside its confidence interval",
        "value",
    )


def test_all_kinds_reported_together(tmp_path: Path) -> None:
    table = HEADER + (
        "unemployment,D01,2023,total,1200,1000,\n"
        "low_income,D10,2023,total,1,10,\n"
        "unemployment,D02,2023,total,,,140\n"
        "median_income,D03,2023,total,,,abc\n"
        "unemployment,D01,2023,total,50,1000,\n"
    )
    errors = _errors(_read(tmp_path, table))
    assert [(p.row, p.column) for p in errors] == [
        (2, "numerator"),
        (3, "area"),
        (4, "value"),
        (5, "value"),
        (6, None),
    ]


def test_xlsx_long_table(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["indicator", "area", "period", "value"])
    book.active.append(["median_income", "D01", 2023, 25000])
    book.active.append(["unemployment", "D02", 2023.0, "7,5"])
    book.save(tmp_path / "table.xlsx")
    config = CONFIG.replace('path = "table.csv"', 'path = "table.xlsx"\ndecimal = ","')
    cfg = load_config(write_small_city(tmp_path, config=config))
    result = read_tables(cfg, set(CODES), read_catalogue(cfg)[0])
    assert result.problems == []
    assert result.values[["period", "value"]].values.tolist() == [["2023", 25000.0], ["2023", 7.5]]


def test_percentages_that_look_like_proportions_warn(tmp_path: Path) -> None:
    table = HEADER + "".join(
        f"unemployment,{code},2023,total,,,0.{i + 1}\n" for i, code in enumerate(CODES)
    )
    result = _read(tmp_path, table)
    [warning] = result.problems
    assert warning.severity == "warning"
    assert (
        warning.message
        == f"all {len(CODES)} values of percentage indicator 'unemployment' lie between 0 and 1; they look like proportions"
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), min_size=1, max_size=9))
def test_count_checks_match_a_row_by_row_reference(
    tmp_path: Path, pairs: list[tuple[int, int]]
) -> None:
    rows = [
        ["low_income", CODES[i], "2023", "total", str(n), str(d), ""]
        for i, (n, d) in enumerate(pairs)
    ]
    result = _read(tmp_path, table_csv(rows))
    found = {(p.row, p.message) for p in _errors(result)}
    expected = set()
    for line, (n, d) in enumerate(pairs, start=2):
        if n < 0:
            expected.add((line, "numerator is negative"))
        if d < 0:
            expected.add((line, "denominator is negative"))
        if n > d >= 0:
            expected.add((line, "numerator is greater than the denominator"))
    assert found == expected
    ok = [i for i, (n, d) in enumerate(pairs) if 0 <= n <= d and d > 0]
    computed = result.values.value.to_numpy()
    assert np.allclose(computed[ok], [pairs[i][0] / pairs[i][1] for i in ok])


def test_rows_with_unknown_codes_are_not_duplicates_of_each_other(tmp_path: Path) -> None:
    table = HEADER + "unemployment,X1,2023,total,1,10,\nunemployment,X2,2023,total,1,10,\n"
    errors = _errors(_read(tmp_path, table))
    assert [(p.row, p.value) for p in errors] == [(2, "X1"), (3, "X2")]


def test_chunked_reading_gives_the_same_values_and_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = table_rows()
    rows[40] = [*rows[40][:6], "12..5"]
    rows.append(rows[3])  # a duplicate, in another chunk than its first row
    lines = table_csv(rows).split("\n")
    lines.insert(30, lines[30] + ",surplus")  # a row with too many fields
    text = "\n".join(lines)
    whole = _read(tmp_path / "whole", text)
    monkeypatch.setattr("etl.readers.CHUNK_ROWS", 7)
    chunked = _read(tmp_path / "chunked", text)
    pd.testing.assert_frame_equal(whole.values, chunked.values)
    assert [(p.row, p.message) for p in chunked.problems] == [
        (p.row, p.message) for p in whole.problems
    ]
    assert {p.row for p in whole.problems} == {31, 43, len(rows) + 2}


def test_sd_column_is_read_and_a_negative_sd_is_an_error(tmp_path: Path) -> None:
    table = (
        "indicator,area,period,value,denominator,sd\n"
        "median_income,D01,2023,25000,40,3000.5\nmedian_income,D02,2023,26000,40,\n"
        "median_income,D03,2023,27000,40,-2\n"
    )
    result = _read(tmp_path, table)
    assert result.values.sd.iloc[0] == 3000.5
    assert np.isnan(result.values.sd.iloc[1])
    [problem] = _errors(result)
    assert (problem.file, problem.row, problem.column, problem.value) == ("table.csv", 4, "sd", -2)
    assert problem.message == "standard deviation is negative"
    assert "0 or more" in problem.fix


def test_table_without_sd_column_gives_missing_sd(tmp_path: Path) -> None:
    values = _read(tmp_path).values
    assert values.sd.isna().all()


def test_ignore_columns_silences_the_unknown_column_warning(tmp_path: Path) -> None:
    from etl.boundaries import read_boundaries
    from etl.catalogue import read_catalogue
    from etl.config import load_config
    from etl.demo import DEMO_CONFIG

    cfg = load_config(DEMO_CONFIG)
    areas, _ = read_boundaries(cfg)
    catalogue, _ = read_catalogue(cfg)
    result = read_tables(cfg, set(areas["code"]), catalogue)
    assert not [p for p in result.problems if "not catalogue indicators" in p.message]
    # Without the key, the name column is reported (so the test can fail).
    import dataclasses

    bare = dataclasses.replace(
        cfg, tables=tuple(dataclasses.replace(t, ignore_columns=()) for t in cfg.tables)
    )
    warned = [p for p in read_tables(bare, set(areas["code"]), catalogue).problems
              if "not catalogue indicators" in p.message]
    assert len(warned) == 2 and all("Område" in p.message for p in warned)
