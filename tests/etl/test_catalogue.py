"""The indicator catalogue: columns, defaults, aliases and problems."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from etl.catalogue import COLUMNS, ETL_COLUMNS, OUTPUT_COLUMNS, read_catalogue
from etl.config import load_config
from etl.errors import Problem
from store.schema import Indicator
from tests.etl.smallcity import CATALOGUE, CONFIG, write_small_city

DOCS = Path(__file__).resolve().parents[2] / "docs" / "catalogue.md"


def _read(
    tmp_path: Path, text: str | bytes, config: str = CONFIG
) -> tuple[pd.DataFrame, list[Problem]]:
    cfg = load_config(write_small_city(tmp_path, catalogue=text, config=config))
    return read_catalogue(cfg)


def test_columns_are_the_store_columns(tmp_path: Path) -> None:
    catalogue, problems = _read(tmp_path, CATALOGUE)
    store_columns = [c.name for c in Indicator.__table__.columns if c.name != "batch_id"]
    assert list(catalogue.columns) == OUTPUT_COLUMNS + ETL_COLUMNS  # plausibility: ETL only
    assert sorted(OUTPUT_COLUMNS) == sorted(store_columns)
    assert problems == []
    assert catalogue["id"].tolist()[:2] == ["unemployment", "low_income"]


def test_defaults_and_fallbacks(tmp_path: Path) -> None:
    text = "id,name_en,domain,value_type\nmy_rate,My rate,health,rate\n"
    catalogue, problems = _read(tmp_path, text)
    row = catalogue.iloc[0]
    assert [(p.severity, p.column) for p in problems] == [("warning", "name_sv"),
                                                         ("warning", "name_pl")]
    assert (row["name_sv"], row["name_pl"]) == ("My rate [EN]", "My rate [EN]")  # marked, not passed off
    assert (row["multiplier"], row["decimals"], row["weight"], row["polarity"]) == (
        1.0,
        1,
        1.0,
        "neutral",
    )
    assert row["unit"] is None and row["min_numerator"] is None


def test_friendly_aliases(tmp_path: Path) -> None:
    text = (
        "id,name_en,domain,value_type,polarity,multiplier\n"
        "a,A,x,Percent,Higher is better,1\nb,B,x,rate,lower-is-better,100 000\n"
    )
    catalogue, problems = _read(tmp_path, text)
    assert [p for p in problems if p.severity == "error"] == []
    assert catalogue["polarity"].tolist() == ["high_is_good", "low_is_good"]
    assert catalogue["value_type"].tolist() == ["percentage", "rate"]
    assert catalogue["multiplier"].tolist() == [1.0, 100_000.0]


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    text = (
        "id,name_en,domain,value_type,polarity,decimals,weight,polarty\n"
        "a,A,x,ratio,good,1.5,-1,\n"
        "a,,x,rate,neutral,1,1,\n"
    )
    _, problems = _read(tmp_path, text)
    found = {(p.row, p.column, p.severity): p for p in problems}
    assert found[(1, "polarty", "warning")].fix.startswith(
        "rename it to a catalogue column (did you mean 'polarity'?)"
    )
    assert found[(2, "value_type", "error")].value == "ratio"
    assert "(did you mean 'rate'?)" in found[(2, "value_type", "error")].fix
    assert found[(2, "polarity", "error")].fix == "use one of high_is_good, low_is_good, neutral"
    assert found[(2, "decimals", "error")].message == "decimals must be a whole number from 0 to 6"
    assert found[(2, "weight", "error")].message == "weight must be >= 0"
    assert found[(3, "name_en", "error")].message == "name_en is empty"
    assert found[(3, "id", "error")].message == "duplicate id (also on row 2)"


def test_missing_required_columns_list_the_file_columns(tmp_path: Path) -> None:
    catalogue, problems = _read(tmp_path, "id;name;type\na;A;rate\n")
    assert catalogue.empty
    messages = sorted(p.message for p in problems if p.severity == "error")
    assert messages == [
        "required column 'domain' is missing",
        "required column 'name_en' is missing",
        "required column 'value_type' is missing",
    ]
    assert all(
        p.fix.endswith("the file has 'id', 'name', 'type'")
        for p in problems
        if p.severity == "error"
    )


def test_xlsx_catalogue_with_sheet(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Katalog"
    sheet.append(["id", "name_en", "name_sv", "domain", "value_type", "multiplier", "decimals"])
    sheet.append(["deaths", "Deaths", "Dödsfall", "health", "rate", 100000, 2])
    book.save(tmp_path / "catalogue.xlsx")
    config = CONFIG.replace('path = "catalogue.csv"', 'path = "catalogue.xlsx"\nsheet = "Katalog"')
    catalogue, problems = _read(tmp_path, CATALOGUE, config)
    assert [(p.severity, p.column) for p in problems] == [("warning", "name_pl")]
    assert catalogue.iloc[0][["name_sv", "multiplier", "decimals"]].tolist() == [
        "Dödsfall",
        100000.0,
        2,
    ]


def test_cp1252_catalogue_is_read(tmp_path: Path) -> None:
    text = "id;name_en;name_sv;domain;value_type\nx;Income;Medianinkomst för hushåll;work;median\n"
    cfg = load_config(write_small_city(tmp_path, catalogue=text.encode("cp1252")))
    catalogue, problems = read_catalogue(cfg)
    assert [(p.severity, p.column) for p in problems] == [("warning", "name_pl")]
    assert catalogue.iloc[0]["name_sv"] == "Medianinkomst för hushåll"


@pytest.mark.parametrize("column", [c.name for c in COLUMNS])
def test_every_column_is_documented(column: str) -> None:
    assert f"`{column}`" in DOCS.read_text(encoding="utf-8"), (
        f"docs/catalogue.md does not describe {column}"
    )


def test_the_documented_example_reads_without_problems(tmp_path: Path) -> None:
    example = DOCS.read_text(encoding="utf-8").split("```csv\n", 1)[1].split("```", 1)[0]
    catalogue, problems = _read(tmp_path, example)
    assert problems == []
    named = catalogue.set_index("id")["headline_age_group"]
    assert named.to_dict() == {"unemployment": None, "admissions": None, "median_income": None,
                               "population": None, "low_income": "18-64"}
    assert catalogue.index.tolist() == [2, 3, 4, 5, 6]  # each indicator's row in the file


def test_missing_translations_are_one_warning_per_field_and_language(tmp_path: Path) -> None:
    rows = "\n".join(f"i{n},I{n},Ä{n},Ą{n},health,rate,dni,dagar," for n in range(14))
    text = ("id,name_en,name_sv,name_pl,domain,value_type,unit_pl,unit_sv,definition_en\n"
            + rows + "\ni14,I14,Ä14,Ą14,health,rate,,dagar,Deaths / residents\n")
    catalogue, problems = _read(tmp_path, text)
    found = {(p.column, p.severity): p for p in problems}
    assert sorted(found) == [("definition_pl", "warning"), ("definition_sv", "warning"),
                             ("unit_en", "warning"), ("unit_pl", "warning")]
    unit_en = found[("unit_en", "warning")]
    assert "15 indicator(s) have no unit in English (unit_en)" in unit_en.message
    assert "'i9' and 5 more" in unit_en.message and unit_en.row == 2
    assert "add a column 'unit_en' with the English text" in unit_en.fix
    unit_pl = found[("unit_pl", "warning")]
    assert "1 indicator(s)" in unit_pl.message and "'i14'" in unit_pl.message
    assert unit_pl.row == 16 and "fill in 'unit_pl' for them" in unit_pl.fix
    assert catalogue.set_index("id").loc["i0", ["unit_pl", "unit_sv", "unit_en"]].tolist() == [
        "dni", "dagar", None]


def test_a_plain_column_serves_every_language(tmp_path: Path) -> None:
    text = ("id,name_en,name_sv,name_pl,domain,value_type,unit,unit_pl,source\n"
            "a,A,Ä,Ą,health,rate,per 1000,na 1000,SCB\n")
    catalogue, problems = _read(tmp_path, text)
    assert problems == []
    assert catalogue.iloc[0][["unit", "unit_pl", "unit_sv", "source"]].tolist() == [
        "per 1000", "na 1000", None, "SCB"]
