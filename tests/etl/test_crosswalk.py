"""Crosswalks: small areas dissolved into districts, and tables and sources summed through a key.

Known answers come from the generating functions of tests/etl/smallareas.py (each
district is four 500 m small areas), never from the ETL's output.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
from sqlalchemy import Engine

from etl.errors import ValidationError
from etl.pipeline import run, validate
from store.read import read_geometries, read_snapshot
from tests.etl.smallareas import CROSSWALK, SMALL, district, key_csv, residents, write_city
from tests.etl.smallcity import CATALOGUE, CITY_CODE, CODES, CONFIG, PERIODS, grid

DISSOLVED = CONFIG.replace('path = "areas.gpkg"\ncode_field = "code"\nname_field = "name"',
                           'path = "small.gpkg"\ncode_field = "deso"\npopulation_field = "bef"\n'
                           'dissolve = { crosswalk = "small" }') + CROSSWALK
SMALL_TABLE = CONFIG.replace('path = "table.csv"', 'path = "small.csv"\ncrosswalk = "small"') + CROSSWALK


def unemployed(code: str, period: str) -> int:
    return 5 + int(code[1]) + 2 * int(code[2]) + PERIODS.index(period)


def share(code: str) -> float:
    return 0.10 + 0.01 * int(code[1])


def small_table(skip: tuple[str, ...] = (), suppressed: tuple[str, ...] = ()) -> str:
    """Small areas' unemployment (counts), population (a count) and low income (a proportion
    given as a value with its denominator); the city's own rows pass through."""
    lines = ["indicator,area,period,numerator,denominator,value"]
    for p in PERIODS:
        for c in SMALL:
            if c in skip:
                continue
            num = ".." if c in suppressed else str(unemployed(c, p))
            lines += [f"unemployment,{c},{p},{num},{residents(c)},",
                      f"population,{c},{p},,,{residents(c)}",
                      f"low_income,{c},{p},,{residents(c)},{share(c)}"]
        lines.append(f"population,{CITY_CODE},{p},,,{sum(residents(c) for c in SMALL)}")
    return "\n".join(lines) + "\n"


def parts(d: str) -> list[str]:
    return [c for c in SMALL if district(c) == d]


def test_dissolve_joins_the_small_areas_into_the_keys_areas(sqlite_engine: Engine, tmp_path: Path) -> None:
    result = run(write_city(tmp_path, DISSOLVED), sqlite_engine)
    assert result.areas == 9
    snap = read_snapshot(sqlite_engine)
    areas = snap.areas.set_index("code")
    for i, code in enumerate(CODES):
        assert areas.loc[code, "name"] == f"District {i + 1}"  # the key's name_column
        assert areas.loc[code, "population"] == sum(residents(c) for c in parts(code))
        assert areas.loc[code, "area_km2"] == pytest.approx(1.0, rel=1e-3)
    assert areas.loc[CITY_CODE, "population"] == sum(residents(c) for c in SMALL)
    with sqlite_engine.connect() as conn:
        shapes = read_geometries(conn, display=False).set_index("code").to_crs("EPSG:3006")
    for code, box in zip(CODES, grid().geometry, strict=True):
        assert shapely.symmetric_difference(shapes.loc[code, "geometry"], box).area < 1.0  # m²


def test_a_table_of_small_areas_is_summed_into_the_districts(sqlite_engine: Engine, tmp_path: Path) -> None:
    result = run(write_city(tmp_path, SMALL_TABLE, {"small.csv": small_table()}), sqlite_engine)
    assert not [w for w in result.warnings if "crosswalk" in w.message]
    values = read_snapshot(sqlite_engine).values.set_index(["indicator_id", "area_code", "period"])
    for p in PERIODS:
        for d in CODES:
            num = sum(unemployed(c, p) for c in parts(d))
            den = sum(residents(c) for c in parts(d))
            row = values.loc[("unemployment", d, p)]
            assert (row["numerator"], row["denominator"]) == (num, den)
            assert row["value"] == pytest.approx(100 * num / den)  # computed from the sums
            assert values.loc[("population", d, p), "value"] == den  # counts are summed
            low = values.loc[("low_income", d, p)]  # a proportion: weighted by its denominator
            assert low["value"] == pytest.approx(sum(share(c) * residents(c) for c in parts(d)) / den)
            assert low["denominator"] == den and np.isnan(low["numerator"])
            assert row["estimated"] is None  # whole small areas: exact
        assert values.loc[("population", CITY_CODE, p), "value"] == sum(residents(c) for c in SMALL)


def test_a_district_with_a_missing_or_suppressed_part_is_missing_or_suppressed(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    table = small_table(skip=("S00",), suppressed=("S55",))
    result = run(write_city(tmp_path, SMALL_TABLE, {"small.csv": table}), sqlite_engine)
    missing = [w for w in result.warnings if "because a part is missing" in w.message]
    assert missing and "'D01'" in missing[0].message
    values = read_snapshot(sqlite_engine).values.set_index(["indicator_id", "area_code", "period"])
    first = values.loc[("unemployment", "D01", "2022")]
    assert np.isnan(first["value"]) and first["status"] == "missing"  # never a sum of 3 parts of 4
    last = values.loc[("unemployment", "D09", "2022")]
    assert np.isnan(last["value"]) and last["status"] == "suppressed_at_source"
    assert values.loc[("unemployment", "D05", "2022"), "value"] > 0


SPLIT = """
[[crosswalks]]
name = "small"
path = "key.csv"
from_column = "deso"
to_column = "regso"
weight_column = "andel"
"""


def test_a_key_that_splits_an_area_shares_its_counts_and_flags_the_estimates(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    """S01 is split 50/50 between D01 and D02 (weights): both take half its counts."""
    rows = [f"{c};{district(c)};1" for c in SMALL if c != "S01"] + ["S01;D01;0.5", "S01;D02;0,5"]
    config = CONFIG.replace('path = "table.csv"', 'path = "small.csv"\ncrosswalk = "small"') + SPLIT
    key = "deso;regso;andel\n" + "\n".join(rows) + "\n"
    run(write_city(tmp_path, config, {"small.csv": small_table(), "key.csv": key}), sqlite_engine)
    values = read_snapshot(sqlite_engine).values.set_index(["indicator_id", "area_code", "period"])
    d01 = [c for c in parts("D01") if c != "S01"]
    row = values.loc[("population", "D01", "2023")]
    assert row["value"] == pytest.approx(sum(residents(c) for c in d01) + residents("S01") / 2)
    assert values.loc[("population", "D02", "2023"), "value"] == pytest.approx(
        sum(residents(c) for c in parts("D02")) + residents("S01") / 2)
    assert row["estimated"] is True and values.loc[("population", "D05", "2023"), "estimated"] is None


MEAN_CATALOGUE = CATALOGUE + (
    "mean_age,Mean age,Medelålder,Średni wiek,demography,years,mean,1,neutral,1,Synthetic\n"
    "aged,Aged,Äldre,Starsi,demography,%,percentage,1,neutral,1,Synthetic\n")
SOURCES = """
[[sources]]
name = "people"
path = "people.csv"
crosswalk = "small"

[[sources]]
name = "ages"
path = "ages.csv"
unit = "mean"
crosswalk = "small"
crosswalk_weight = "persons"

[[derived]]
indicator = "aged"
numerator = { source = "people", column = "aged" }
denominator = { source = "people", column = "all" }

[[derived]]
indicator = "mean_age"
value = { source = "ages", column = "mean" }
"""


def test_sources_through_a_crosswalk_sum_counts_and_weight_means(sqlite_engine: Engine, tmp_path: Path) -> None:
    people = "area,period,all,aged\n" + "".join(
        f"{c},2023,{residents(c)},{int(c[2]) + 10}\n" for c in SMALL)
    ages = "area,period,mean,persons\n" + "".join(
        f"{c},2023,{30 + int(c[1])},{residents(c)}\n" for c in SMALL)
    config = CONFIG.replace('path = "catalogue.csv"', 'path = "mean_catalogue.csv"') + CROSSWALK + SOURCES
    files = {"people.csv": people, "ages.csv": ages, "mean_catalogue.csv": MEAN_CATALOGUE}
    run(write_city(tmp_path, config, files), sqlite_engine)
    values = read_snapshot(sqlite_engine).values.set_index(["indicator_id", "area_code", "period"])
    for d in CODES:
        own = parts(d)
        aged = sum(int(c[2]) + 10 for c in own)
        persons = sum(residents(c) for c in own)
        assert (values.loc[("aged", d, "2023"), "numerator"],
                values.loc[("aged", d, "2023"), "denominator"]) == (aged, persons)
        expected = sum((30 + int(c[1])) * residents(c) for c in own) / persons
        assert values.loc[("mean_age", d, "2023"), "value"] == pytest.approx(expected)


@pytest.mark.parametrize(("unit", "weight", "message"), [
    ("mean", None, "reads mean values through crosswalk 'small'; a mean is never summed"),
    ("median", None, "the median of a neighbourhood cannot be computed"),
    ("count", "persons", "weights a source of counts, which are summed"),
])
def test_units_that_cannot_go_through_a_crosswalk_are_refused(
    tmp_path: Path, unit: str, weight: str | None, message: str
) -> None:
    block = f'\n[[sources]]\nname = "ages"\npath = "ages.csv"\nunit = "{unit}"\ncrosswalk = "small"\n'
    block += f'crosswalk_weight = "{weight}"\n' if weight else ""
    with pytest.raises(Exception, match=message):
        validate(write_city(tmp_path, CONFIG + CROSSWALK + block))


def test_every_problem_of_a_table_and_its_key_is_listed_at_once(tmp_path: Path) -> None:
    key = key_csv([(c, district(c)) for c in SMALL if c != "S12"] + [("S13", "D05")])
    table = small_table().replace("S44,", "S4x,")
    config = SMALL_TABLE.replace('crosswalk = "small"', 'crosswalk = "small"\nunknown_areas = "error"')
    with pytest.raises(ValidationError) as info:
        validate(write_city(tmp_path, config, {"small.csv": table, "key.csv": key}))
    text = str(info.value)
    assert "source area 'S13' is sent to 2 areas ('D02', 'D05'" in text  # a many-to-many key
    assert "key.csv, row" in text
    bad_table = write_city(tmp_path / "b", config, {"small.csv": table})
    with pytest.raises(ValidationError) as info:
        validate(bad_table)
    found = [p for p in info.value.problems if p.value == "S4x"]
    assert found and "is not in [crosswalks #1 small]" in found[0].message
    assert "close matches: " in found[0].fix and "'S44'" in found[0].fix

