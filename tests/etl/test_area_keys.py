"""Area keys beyond codes: names through a pattern, boundary corrections, areal interpolation.

Known answers come from the generating functions (tests/etl/smallcity.py,
tests/etl/smallareas.py) and from geometry worked out by hand on boxes.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from sqlalchemy import Engine

from etl.errors import ValidationError
from etl.pipeline import run, validate
from store.read import read_snapshot
from tests.etl.smallareas import SMALL, residents, write_city
from tests.etl.smallcity import (
    CITY_CODE,
    CODES,
    CONFIG,
    DERIVED_CATALOGUE,
    grid,
    table_csv,
    table_rows,
    write_small_city,
)


def named_table() -> str:
    """The small city's table with areas written 'Small City (District 3)' (and the city's
    rows as 'Small City')."""
    names = {code: f"Small City (District {i + 1})" for i, code in enumerate(CODES)}
    rows = [[r[0], names.get(r[1], "Small City"), *r[2:]] for r in table_rows()]
    return table_csv(rows, delimiter=";")


BY_NAME = CONFIG.replace('synthetic = true', 'synthetic = true\nrow_code = "Small City"').replace(
    'path = "table.csv"', 'path = "table.csv"\narea_match = { by = "name", pattern = "Small City ({name})" }')


def test_areas_named_through_a_pattern_load_as_their_codes(sqlite_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path, config=BY_NAME, table=named_table()), sqlite_engine)
    values = read_snapshot(sqlite_engine).values
    expected = {(r[0], r[1], r[2]) for r in table_rows()}
    assert set(zip(values["indicator_id"], values["area_code"], values["period"], strict=True)) == expected


def test_names_that_miss_or_match_twice_are_errors_with_the_fix(tmp_path: Path) -> None:
    twice = grid()
    twice.loc[8, "name"] = "District 8"  # D09 now shares D08's name
    folder = tmp_path / "city"
    table = named_table().replace("(District 2)", "(Distrct 2)")
    config = write_small_city(folder, config=BY_NAME, table=table)
    twice.to_file(folder / "areas.gpkg", driver="GPKG")
    with pytest.raises(ValidationError) as info:
        validate(config)
    by_value = {p.value: p for p in info.value.problems}
    miss = by_value["Small City (Distrct 2)"]
    assert miss.message.startswith("no area of the boundaries is named 'Distrct 2'")
    assert "close matches: 'Small City (District 2)'" in miss.fix and miss.row == 7
    both = by_value["Small City (District 8)"]
    assert "is the name of 2 areas of the boundaries ('D08', 'D09')" in both.message
    assert "give the areas distinct names" in both.fix
    assert "Small City (District 9)" in by_value  # no feature is named District 9 any more


def test_a_pattern_of_codes_and_rows_that_do_not_fit_it(tmp_path: Path) -> None:
    rows = [[r[0], f"DeSO {r[1]}" if r[1] != CITY_CODE else r[1], *r[2:]] for r in table_rows()]
    rows[0][1] = "D01"  # not written as the pattern says
    config = CONFIG.replace('path = "table.csv"', 'path = "table.csv"\narea_match = { pattern = "DeSO {code}" }')
    with pytest.raises(ValidationError) as info:
        validate(write_small_city(tmp_path, config=config, table=table_csv(rows)))
    assert len(info.value.problems) == 1
    problem = info.value.problems[0]
    assert problem.message == "area 'D01' does not fit area_match.pattern 'DeSO {code}'"
    assert problem.row == 2 and "e.g. 'DeSO D01'" in problem.fix


CORRECTED = CONFIG.replace('name_field = "name"', 'name_field = "name"\ncorrections = [\n'
                           '  { feature = 9, new_code = "D09" },\n  { drop = ["D03"] },\n'
                           '  { merge = ["D01", "D02"], into = "D01" },\n]').replace(
    'path = "table.csv"', 'path = "table.csv"\nunknown_areas = "ignore"')


def test_corrections_recode_drop_and_merge_features(sqlite_engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "city"
    config = write_small_city(folder, config=CORRECTED.replace(
        'name_field = "name"', 'name_field = "name"\npopulation_field = "pop"'))
    features = grid()
    features["pop"] = [100 * (i + 1) for i in range(9)]
    features.loc[8, "code"] = "D08"  # a duplicate code: feature 9 is D09
    features.to_file(folder / "areas.gpkg", driver="GPKG")
    run(config, sqlite_engine)
    areas = read_snapshot(sqlite_engine).areas.set_index("code")
    assert sorted(areas.index) == sorted({*CODES, CITY_CODE} - {"D02", "D03"})
    assert areas.loc["D01", "area_km2"] == pytest.approx(2.0, rel=1e-3)  # D01 and D02 merged
    assert areas.loc["D01", "population"] == 300 and areas.loc["D01", "name"] == "District 1"
    assert areas.loc["D09", "population"] == 900


def test_a_correction_of_an_unknown_code_names_it_with_close_matches(tmp_path: Path) -> None:
    config = CONFIG.replace('name_field = "name"', 'name_field = "name"\n'
                            'corrections = [{ code = "D1", new_code = "X" }, { drop = ["D7"] }]')
    with pytest.raises(ValidationError) as info:
        validate(write_small_city(tmp_path, config=config))
    found = [p for p in info.value.problems if p.column == "boundaries.corrections"]
    assert [p.value for p in found] == ["D1", "D7"]  # both, at once
    assert found[0].file == "city.toml" and found[0].row == 10
    assert "[boundaries] corrections #1: no feature of areas.gpkg has code 'D1'" in found[0].message
    assert "close matches: 'D01'" in found[0].fix


AREAL = """
[[sources]]
name = "crimes"
path = "crimes.csv"
crosswalk = "strips"

[[derived]]
indicator = "residents"
value = { source = "crimes" }

[[crosswalks]]
name = "strips"
path = "strips.gpkg"
method = "{method}"
code_field = "omrade"
"""
COUNTS = {"P1": 600.0, "P2": 1200.0, "P3": 1800.0}
# Shares are of true (equal-area) surface; the boxes are squares in SWEREF99 TM, whose
# scale changes by about 1e-5 across the city, so hand shares of the squares agree to that.
TRUE_AREA = 1e-4


def _interpolated(engine: Engine, folder: Path, method: str, extra: str = "") -> dict[str, float]:
    config = CONFIG.replace('path = "catalogue.csv"', 'path = "catalogue_derived.csv"')
    config += AREAL.replace("{method}", method) + extra
    crimes = "area,period,crimes\n" + "".join(f"{k},2023,{v:g}\n" for k, v in COUNTS.items())
    run(write_city(folder, config, {"crimes.csv": crimes}), engine)
    values = read_snapshot(engine).values
    rows = values[values["indicator_id"] == "residents"]
    assert (rows["estimated"] == True).all()  # noqa: E712  (True, not None: every one is an estimate)
    return dict(zip(rows["area_code"], rows["value"], strict=True))


def test_areal_interpolation_by_area_shares_counts_by_overlap(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Strips P1..P3 (x 0.5-1.5, 1.5-2.5, 2.5-3.5 km) over the districts' columns (0-1, 1-2,
    2-3 km): each district holds a sixth of each strip it touches; P3's outer half is lost."""
    found = _interpolated(sqlite_engine, tmp_path, "area")
    for row in range(3):
        first, second, third = CODES[3 * row: 3 * row + 3]
        assert found[first] == pytest.approx(COUNTS["P1"] / 6, rel=TRUE_AREA)
        assert found[second] == pytest.approx((COUNTS["P1"] + COUNTS["P2"]) / 6, rel=TRUE_AREA)
        assert found[third] == pytest.approx((COUNTS["P2"] + COUNTS["P3"]) / 6, rel=TRUE_AREA)
    assert sum(found.values()) == pytest.approx(sum(COUNTS.values()) - COUNTS["P3"] / 2, rel=TRUE_AREA)


def test_areal_interpolation_by_population_follows_the_residents(sqlite_engine: Engine, tmp_path: Path) -> None:
    """The small areas' residents as the population layer: a strip's count goes to each
    district in proportion to the strip's residents there (P3's outer half has none)."""
    layer = 'population_path = "small.gpkg"\npopulation_field = "bef"\n'
    found = _interpolated(sqlite_engine, tmp_path, "population", layer)
    columns = {"P1": (1, 2), "P2": (3, 4), "P3": (5,)}  # small-area columns under each strip
    expected = dict.fromkeys(CODES, 0.0)
    for strip, cols in columns.items():
        inside = [c for c in SMALL if int(c[2]) in cols]
        total = sum(residents(c) for c in inside)
        for c in inside:
            r, col = int(c[1]), int(c[2])
            expected[CODES[(r // 2) * 3 + col // 2]] += COUNTS[strip] * residents(c) / total
    assert found == pytest.approx(expected, rel=TRUE_AREA)
    assert sum(found.values()) == pytest.approx(sum(COUNTS.values()))


def test_interpolation_needs_a_crs(tmp_path: Path) -> None:
    folder = tmp_path / "city"
    config = CONFIG.replace('path = "catalogue.csv"', 'path = "catalogue_derived.csv"') + AREAL.replace(
        "{method}", "area").replace("strips.gpkg", "strips.shp")
    path = write_city(folder, config, {"crimes.csv": "area,period,crimes\nP1,2023,5\n",
                                       "catalogue_derived.csv": DERIVED_CATALOGUE})
    gpd.read_file(folder / "strips.gpkg").to_file(folder / "strips.shp")
    (folder / "strips.prj").unlink()
    with pytest.raises(ValidationError) as info:
        validate(path)
    problem = next(p for p in info.value.problems if p.file == "strips.shp")
    assert problem.message == "the file declares no CRS"
    assert "add crs = 'EPSG:....' to [crosswalks #1 strips]" in problem.fix


@pytest.mark.postgis
def test_estimated_values_reach_the_snapshot_on_postgis(postgis_engine: Engine, tmp_path: Path) -> None:
    found = _interpolated(postgis_engine, tmp_path, "area")
    assert len(found) == len(CODES) and not np.isnan(list(found.values())).any()
    values = read_snapshot(postgis_engine).values
    assert values.loc[values["indicator_id"] == "unemployment", "estimated"].isna().all()
