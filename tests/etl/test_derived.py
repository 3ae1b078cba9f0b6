"""Derived indicators: numerators and denominators from sources and other indicators.

Known answers come from the small city's generating functions (tests/etl/smallcity.py:
``population``, ``born``, ``dwellings``), never from the ETL's output.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from etl.ages import Band, parse_band, tiling
from etl.errors import ValidationError
from etl.pipeline import run, validate
from store.read import read_snapshot
from tests.etl.smallcity import (
    CITY_CODE,
    CODES,
    DERIVED_CONFIG,
    PERIODS,
    TENURES,
    born,
    dwellings,
    population,
    table_rows,
    write_small_city,
)

BANDS = ("0-19", "20-64", "65-79", "80+")


def _values(engine: Engine, folder: Path, config: str = DERIVED_CONFIG,
            files: dict[str, str] | None = None) -> pd.DataFrame:
    run(write_small_city(folder, config=config, files=files), engine)
    return read_snapshot(engine).values


def _one(values: pd.DataFrame, indicator: str, area: str, period: str = "2023",
         sex: str = "total") -> pd.Series:
    rows = values[(values.indicator_id == indicator) & (values.area_code == area)
                  & (values.period == period) & (values.sex == sex)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def _residents(area: str, period: str, sex: str = "total", bands: tuple[str, ...] = BANDS) -> int:
    return sum(population(area, period, sex, b) for b in bands)


def test_shares_rates_and_counts_match_a_hand_computation(sqlite_engine: Engine, tmp_path: Path) -> None:
    values = _values(sqlite_engine, tmp_path)
    for area in ("D03", CITY_CODE):
        row = _one(values, "foreign_born", area)
        abroad = born(area, "2023", "totalt") - born(area, "2023", "Sverige")
        assert (row.numerator, row.denominator) == (abroad, born(area, "2023", "totalt"))
        assert row.value == pytest.approx(100 * abroad / born(area, "2023", "totalt"))
    rental = _one(values, "rental_share", "D07", "2022")
    assert rental.numerator == dwellings("D07", "2022", "hyresrätt")
    assert rental.denominator == sum(dwellings("D07", "2022", t) for t in TENURES)
    assert rental.value == pytest.approx(rental.numerator / rental.denominator)
    residents = _one(values, "residents", "D05")
    assert residents.value == _residents("D05", "2023")  # female + male: the file has no total rows
    assert _one(values, "residents", CITY_CODE).value == _residents(CITY_CODE, "2023")


def test_age_bands_are_summed_and_sexes_computed_one_row_each(sqlite_engine: Engine,
                                                              tmp_path: Path) -> None:
    values = _values(sqlite_engine, tmp_path)
    for sex in ("female", "male", "total"):
        row = _one(values, "aged_65_plus", "D02", "2022", sex)
        old = _residents("D02", "2022", sex, ("65-79", "80+"))
        assert (row.numerator, row.denominator) == (old, _residents("D02", "2022", sex))
        assert row.value == pytest.approx(100 * old / _residents("D02", "2022", sex))
    ratio = _one(values, "dependency_ratio", "D09")
    young_old = _residents("D09", "2023", bands=("0-19", "65-79", "80+"))
    assert ratio.numerator == young_old  # 0-19 plus 65+
    assert ratio.value == pytest.approx(100 * young_old / _residents("D09", "2023", bands=("20-64",)))


def test_a_rate_over_a_population_reads_another_indicators_numerator(sqlite_engine: Engine,
                                                                     tmp_path: Path) -> None:
    values = _values(sqlite_engine, tmp_path)
    admitted = {(r[1], r[2]): int(r[4]) for r in table_rows() if r[0] == "admissions"}
    row = _one(values, "admission_rate", "D04", "2022")
    assert row.numerator == admitted[("D04", "2022")]
    assert row.value == pytest.approx(100_000 * admitted[("D04", "2022")] / _residents("D04", "2022"))
    assert len(values[values.indicator_id == "admission_rate"]) == len(PERIODS) * (len(CODES) + 1)


def test_a_suppressed_part_suppresses_the_sum_and_a_missing_part_leaves_it_missing(
        sqlite_engine: Engine, tmp_path: Path) -> None:
    lines = write_small_city(tmp_path / "probe", config=DERIVED_CONFIG).parent.joinpath(
        "tenure.csv").read_text(encoding="utf-8").splitlines()
    lines = [ln.replace("D01,2023,", "D01,2023,..,", 1).rsplit(",", 1)[0] if ln.startswith("D01,2023,")
             else ln for ln in lines]
    lines = [ln for ln in lines if not ln.startswith("D02,2023,")]
    values = _values(sqlite_engine, tmp_path / "city", files={"tenure.csv": "\n".join(lines) + "\n"})
    suppressed = _one(values, "rental_share", "D01")
    assert suppressed.status == "suppressed_at_source" and pd.isna(suppressed.value)
    assert values[(values.indicator_id == "rental_share") & (values.area_code == "D02")
                  & (values.period == "2023")].empty  # no row at all: nothing to divide


def test_a_failed_derivation_loads_nothing(sqlite_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "valid", config=DERIVED_CONFIG), sqlite_engine)
    before = read_snapshot(sqlite_engine).values
    broken = DERIVED_CONFIG.replace('where = { region = "Sverige" }', 'where = { region = "Sverge" }')
    with pytest.raises(ValidationError, match=r"numerator\.minus #1\.where\.region: no row of source "
                       r"'birth' \(birth\.csv\) has region = 'Sverge'.*close matches: 'Sverige'"):
        run(write_small_city(tmp_path / "broken", config=broken), sqlite_engine)
    pd.testing.assert_frame_equal(read_snapshot(sqlite_engine).values, before)


def test_all_problems_of_the_derived_blocks_are_listed_at_once(tmp_path: Path) -> None:
    broken = (DERIVED_CONFIG.replace('source = "tenure", column = "hyresrätt"',
                                     'source = "tenure", column = "hyresratt"')
              .replace('indicator = "admissions"', 'indicator = "admision"')
              .replace('age = "20-64"', 'age = "18-64"'))
    with pytest.raises(ValidationError) as info:
        validate(write_small_city(tmp_path, config=broken))
    messages = "\n".join(str(p) for p in info.value.problems)
    assert "[derived #3 rental_share] numerator.column: 'hyresratt' is not a number column" in messages
    assert "close matches: 'hyresrätt'" in messages
    assert "[derived #4 admission_rate] numerator.indicator: indicator 'admision' is not in the catalogue" in messages
    assert "[derived #6 dependency_ratio] denominator.age: age '18-64' cannot be made" in messages
    assert all(p.file == "city.toml" and p.row is not None for p in info.value.problems)


@pytest.mark.parametrize(("text", "band"), [("0-4", Band(0, 4)), ("0–17", Band(0, 17)),
                                            ("65+", Band(65, None)), ("all", Band(0, None)),
                                            ("85-", Band(85, None)), ("5-2", None), ("ung", None)])
def test_age_labels(text: str, band: Band | None) -> None:
    assert parse_band(text) == band


def test_tiling_finds_the_bands_or_says_why() -> None:
    bands = [Band(0, 4), Band(5, 9), Band(10, 14), Band(15, 19), Band(20, 64), Band(65, None)]
    assert tiling(Band(0, 19), bands) == bands[:4]
    assert tiling(Band(0, None), [*bands, Band(0, None)]) == [Band(0, None)]  # widest first
    assert tiling(Band(0, 17), bands) == "band(s) 15-19 reach across its limits"
    assert tiling(Band(0, 9), [Band(0, 4), Band(6, 9)]) == "the bands within it leave a gap"
    assert tiling(Band(90, None), bands) == "band(s) 65+ reach across its limits"


@pytest.mark.parametrize(("config", "message"), [
    (DERIVED_CONFIG.replace('value = { source = "population" }',
                            'value = { source = "population" }\n[[derived]]\nindicator = "foreign_born"\n'
                            'age_group = "0-19"\nvalue = { source = "population" }'),
     "[derived #6 foreign_born] value: reads source 'population', whose unit is count, as the value "
     "of foreign_born, which the catalogue says is a percentage"),
    (DERIVED_CONFIG.replace('name = "tenure"\npath = "tenure.csv"',
                            'name = "tenure"\npath = "tenure.csv"\nsex_codes = { K = "female" }'),
     "[sources #3 tenure] gives sex_codes but the file has no sex column"),
    (DERIVED_CONFIG.replace('name = "tenure"\npath = "tenure.csv"',
                            'name = "tenure"\npath = "tenure.csv"\nunit = "mean"'),
     "[derived #3 rental_share] numerator: the numerator reads source 'tenure', whose unit is mean"),
])
def test_units_and_keys_that_cannot_apply(tmp_path: Path, config: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(write_small_city(tmp_path, config=config))
    assert any(message in str(p) for p in info.value.problems), str(info.value)


def test_a_source_no_term_uses_is_a_warning(tmp_path: Path) -> None:
    config = DERIVED_CONFIG + '\n[[sources]]\nname = "spare"\npath = "birth.csv"\n'
    warnings = validate(write_small_city(tmp_path, config=config)).warnings
    [warning] = [w for w in warnings if w.file == "city.toml"]  # birth.csv's stray spaces aside
    assert str(warning).startswith("city.toml, row ") and (
        "[sources #4 spare] is read but no [[derived]] term uses it" in warning.message)
