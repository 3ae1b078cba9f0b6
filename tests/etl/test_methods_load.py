"""The public-health methods' inputs, loaded and read back: age-banded values of dsr, isr
and life expectancy indicators, the catalogue's standard, the city's deprivation measure
and a national comparator, on SQLite and PostGIS."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from etl.banded import ESP2013_BANDS
from etl.pipeline import run, validate
from indicators.standards import ESP2013_BANDS as ENGINE_BANDS
from store.read import (
    COMPARATOR_COLUMNS,
    COMPARATOR_VALUE_COLUMNS,
    read_batches,
    read_snapshot,
)
from tests.etl.smallcity import (
    CODES,
    ESP_BANDS,
    METHODS_CONFIG,
    METHODS_IDS,
    PERIODS,
    SWEDEN_ROWS,
    health_counts,
    write_small_city,
)


def test_the_etl_bands_are_the_engine_esp2013_bands() -> None:
    """etl.banded copies the engine's list (the ETL may not import the engine)."""
    assert ESP2013_BANDS == ENGINE_BANDS
    assert ESP_BANDS == ENGINE_BANDS  # the test city's bands too
    assert len(ESP2013_BANDS) == 19 and ESP2013_BANDS[-1] == "90+"


def test_banded_values_and_comparators_load_and_read_back(store_engine: Engine,
                                                          tmp_path: Path) -> None:
    result = run(write_small_city(tmp_path, methods=True), store_engine)
    snap = read_snapshot(store_engine)
    assert snap.city["deprivation_indicator"] == "low_income"
    catalogue = snap.catalogue.set_index("id")
    assert catalogue.loc["mortality", ["value_type", "standard", "multiplier"]].tolist() == [
        "dsr", "esp2013", 100000.0]  # the multiplier of a dsr defaults to 100,000
    assert catalogue.loc["admission_ratio", "value_type"] == "isr"
    assert catalogue.loc["life_expectancy", "headline_age_group"] == "all"
    assert catalogue["standard"].drop("mortality").isna().all()  # only a dsr has a standard
    banded = snap.values[snap.values["indicator_id"].isin(list(METHODS_IDS))]
    assert len(banded) == len(METHODS_IDS) * len(CODES) * len(PERIODS) * 2 * 19
    assert set(banded["age_group"]) == set(ESP2013_BANDS) and set(banded["sex"]) == {
        "female", "male"}
    assert banded[["value", "lower_ci", "upper_ci"]].isna().all().all()  # the engine's job
    assert banded["status"].isna().all()  # counts present: not "missing"
    row = banded.set_index(["indicator_id", "area_code", "period", "sex", "age_group"]).loc[
        ("life_expectancy", "D07", "2023", "male", "90+")]
    assert (row["numerator"], row["denominator"]) == health_counts(
        "life_expectancy", "D07", "2023", "male", "90+")
    assert list(snap.comparators.columns) == COMPARATOR_COLUMNS
    assert snap.comparators.values.tolist() == [["SE", "national", "Sverige", "Sweden", "Sweden"]]
    assert list(snap.comparator_values.columns) == COMPARATOR_VALUE_COLUMNS
    got = {(r.indicator_id, r.period, r.sex): (r.value, r.lower_ci, r.upper_ci)
           for r in snap.comparator_values.itertuples()}
    expected = {(i, p, s or "total"): tuple(float(x) if x else math.nan for x in (v, lo, hi))
                for i, p, s, v, lo, hi in SWEDEN_ROWS}
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert pd.Series(got[key]).equals(pd.Series(values)), key
    assert set(snap.comparator_values["age_group"]) == {"all"}
    _, files = read_batches(store_engine)
    mine = files[files["batch_id"] == result.batch_id].set_index("kind")
    assert mine.loc["comparator", "rows"] == len(SWEDEN_ROWS)
    assert str(mine.loc["comparator", "path"]).endswith("sweden.csv")


def test_a_refresh_without_comparators_empties_them(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path / "a", methods=True), store_engine)
    assert len(read_snapshot(store_engine).comparator_values) == len(SWEDEN_ROWS)
    run(write_small_city(tmp_path / "b"), store_engine)
    snap = read_snapshot(store_engine)
    assert snap.comparators.empty and snap.comparator_values.empty
    assert snap.city["deprivation_indicator"] is None


def test_values_given_on_band_rows_are_blanked_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "city"
    config = write_small_city(folder, methods=True)
    health = folder / "health.csv"
    lines = health.read_text().splitlines()
    lines[0] += ",value"
    lines[1:] = [line + ("," if i else ",12.5") for i, line in enumerate(lines[1:])]
    health.write_text("\n".join(lines) + "\n")
    report = validate(config)
    warned = [p for p in report.warnings if "not used" in p.message]
    assert [(p.file, p.row, p.column, p.value) for p in warned] == [
        ("health.csv", 2, "value", 12.5)]


def test_a_comparator_with_ignored_indicators_and_mapped_columns(store_engine: Engine,
                                                                 tmp_path: Path) -> None:
    """Columns mapped like a [[tables]] file, decimal comma, sex codes, a marker, an
    indicator the catalogue lacks ignored, a source name mapped to a catalogue id."""
    config = METHODS_CONFIG + """
[[comparators]]
code = "C03"
kind = "regional"
name = "Region"
path = "region.csv"
columns = { indicator = "mått", period = "år", sex = "kön", value = "värde" }
sex_codes = { K = "female", M = "male", T = "total" }
indicators = { "Arbetslöshet" = "unemployment" }
unknown_indicators = "ignore"
"""
    region = ("mått;år;kön;värde\nArbetslöshet;2023;K;6,9\nArbetslöshet;2023;M;7,3\n"
              "Arbetslöshet;2022;T;..\nBilinnehav;2023;T;412\n")
    run(write_small_city(tmp_path, methods=True, config=config, files={"region.csv": region}),
        store_engine)
    values = read_snapshot(store_engine).comparator_values
    mine = values[values["comparator_code"] == "C03"]
    assert mine[["indicator_id", "period", "sex"]].values.tolist() == [
        ["unemployment", "2022", "total"], ["unemployment", "2023", "female"],
        ["unemployment", "2023", "male"]]
    assert mine["value"].tolist()[1:] == [6.9, 7.3] and math.isnan(mine["value"].iloc[0])
