"""The catalogue's headline age group against the tables' age groups: a warning when an
indicator in several age groups (none ``all``) has none, an error when it names one the
tables do not have (tests/etl/malformed/catalogue_unknown_headline_age_group)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from etl.errors import ValidationError
from etl.headline import check_headline_age_groups
from etl.pipeline import validate
from tests.etl.smallcity import CATALOGUE, CITY_CODE, CODES, CONFIG, write_small_city
from wellbeing.etl_commands import etl_app

CHILD_POVERTY = "child_poverty,Child poverty,Barnfattigdom,Ubóstwo dzieci,work_income,%,percentage,1,low_is_good,1,Synthetic"
WARNING = (
    "catalogue.csv, row 7, column 'headline_age_group': indicator 'child_poverty' has values "
    "in age groups '0-17', '18-64' and none of them is 'all'; the catalogue names no headline "
    "age group for it. Fix: set headline_age_group for child_poverty in catalogue.csv to one "
    "of '0-17', '18-64'; until then profiles leave this indicator out"
)


def _bands_csv(ages: tuple[str, ...] = ("18-64", "0-17")) -> str:
    counts = [(area, 50 + i, 1000) for i, area in enumerate(CODES)]
    counts.append((CITY_CODE, sum(n for _, n, _ in counts), 1000 * len(CODES)))  # the areas' sums
    rows = [f"child_poverty,{area},2023,total,{age},{num},{den}"
            for area, num, den in counts for age in ages]
    return "indicator,area,period,sex,age_group,numerator,denominator\n" + "\n".join(rows) + "\n"


def _city(folder: Path, headline: str | None = None, ages: tuple[str, ...] = ("18-64", "0-17"),
          ) -> Path:
    """The small city plus child_poverty in age bands (bands.csv), its catalogue row last."""
    if headline is None:
        catalogue = CATALOGUE + CHILD_POVERTY + "\n"
    else:
        lines = CATALOGUE.splitlines()
        catalogue = "\n".join([lines[0] + ",headline_age_group", *(line + "," for line in lines[1:]),
                               f"{CHILD_POVERTY},{headline}"]) + "\n"
    return write_small_city(folder, catalogue=catalogue,
                            config=CONFIG + '\n[[tables]]\npath = "bands.csv"\n',
                            files={"bands.csv": _bands_csv(ages)})


def test_bands_without_all_and_without_a_headline_age_group_warn(tmp_path: Path) -> None:
    report = validate(_city(tmp_path))
    found = [p for p in report.warnings if p.column == "headline_age_group"]
    assert [str(p) for p in found] == [WARNING]
    assert (found[0].file, found[0].row, found[0].severity) == ("catalogue.csv", 7, "warning")


def test_cli_validate_prints_the_warning(tmp_path: Path) -> None:
    result = CliRunner().invoke(etl_app, ["validate", str(_city(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "Warnings (1):" in result.output
    assert f"  - {WARNING}" in result.output
    assert "Valid: SC:" in result.output


def test_a_named_headline_age_group_silences_the_warning(tmp_path: Path) -> None:
    report = validate(_city(tmp_path, headline="18-64"))
    assert report.warnings == []


def test_one_age_group_or_all_needs_no_headline_age_group(tmp_path: Path) -> None:
    assert validate(_city(tmp_path / "one", ages=("18-64",))).warnings == []
    assert validate(_city(tmp_path / "all", ages=("0-17", "all"))).warnings == []


def test_an_unknown_headline_age_group_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        validate(_city(tmp_path, headline="18+"))
    [problem] = caught.value.problems
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "catalogue.csv", 7, "headline_age_group", "18+")
    assert str(problem) == (
        "catalogue.csv, row 7, column 'headline_age_group': headline_age_group names an age "
        "group that the tables do not have for indicator 'child_poverty'; they have '0-17', "
        "'18-64' (value: '18+'). Fix: set headline_age_group for child_poverty to one of "
        "'0-17', '18-64', written as in the tables' age_group column, or add rows for age "
        "group '18+' to the tables"
    )


def _catalogue(headline: list[str | None]) -> pd.DataFrame:
    ids = [f"i{n}" for n in range(len(headline))]
    return pd.DataFrame({"id": ids, "headline_age_group": headline},
                        index=pd.Index(range(2, 2 + len(ids)), name="row"))


def _values(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator_id", "sex", "age_group"])
    return frame.astype("category")


def test_known_answers_of_the_check() -> None:
    catalogue = _catalogue([None, "65+", None, "all", None])
    values = _values([
        ("i0", "total", "10-14"), ("i0", "total", "5-9"),   # bands, no all: warning
        ("i1", "female", "65+"), ("i1", "total", "all"),    # named 65+ exists (any sex)
        ("i2", "total", "all"), ("i2", "male", "0-17"),     # total rows: only all
        ("i3", "total", "18-64"),                           # named all, not there: error
    ])                                                      # i4 has no values: not checked
    problems = check_headline_age_groups(catalogue, values, "cat.csv")
    assert [(p.row, p.severity, p.value) for p in problems] == [
        (2, "warning", None), (5, "error", "all")]
    assert "age groups '5-9', '10-14'" in problems[0].message  # natural order
    assert problems[1].fix.startswith("set headline_age_group for i3 to '18-64', written")
    # plain text columns (no categorical fast path) give the same answer
    assert check_headline_age_groups(catalogue, values.astype(str), "cat.csv") == problems


def test_the_check_takes_the_first_row_of_a_duplicate_id() -> None:
    catalogue = _catalogue(["all", "x"]).assign(id=["i0", "i0"])
    values = _values([("i0", "total", "all")])
    assert check_headline_age_groups(catalogue, values, "cat.csv") == []
    assert check_headline_age_groups(catalogue.iloc[0:0], values, "cat.csv") == []
    assert check_headline_age_groups(catalogue, values.iloc[0:0], "cat.csv") == []

