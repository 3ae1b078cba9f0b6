"""NUL and other control characters in every kind of field are errors at validate.

Codes (ids, area codes, periods, sex and age groups, note areas and kinds) may
hold no control (Cc) or invisible format (Cf) character; free text (names,
definitions, note texts, status notes) no control character but tab, line feed
and carriage return (etl.characters). A driver's error never reaches the user
whole: the load reports its first line (etl.load).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from etl.config import load_config
from etl.errors import EtlError, ValidationError
from etl.load import CityData, fingerprint, load_city, source_files
from etl.pipeline import read_inputs, run, validate
from store.schema import IndicatorValue, LoadBatch
from tests.etl.smallcity import (
    CATALOGUE,
    CONFIG,
    NOTES,
    grid,
    table_csv,
    table_rows,
    write_small_city,
)

NUL = "U+0000 NUL"


def _table(row: int, column: int, text: str) -> dict[str, str | bytes]:
    rows = table_rows()
    rows[row - 2][column] = text
    return {"table.csv": table_csv(rows)}


def _replace(name: str, old: str, new: str, source: str) -> dict[str, str | bytes]:
    assert old in source
    return {name: source.replace(old, new, 1)}


def _with_columns(name: str, text: str) -> dict[str, str | bytes]:
    """The table with one more column ``name``: ``text`` in row 2, ``all`` or empty elsewhere."""
    lines = table_csv().splitlines()
    fill = "all" if name == "age_group" else ""
    out = [f"{lines[0]},{name}", f"{lines[1]},{text}"] + [f"{line},{fill}" for line in lines[2:]]
    return {"table.csv": "\n".join(out) + "\n"}


# (case, files replaced, file, row, column, the character the message names)
CASES = [
    ("period", _table(2, 2, "20\x0022"), "table.csv", 2, "period", NUL),
    ("area", _table(2, 1, "D\x0001"), "table.csv", 2, "area", NUL),
    ("sex", _table(2, 3, "tot\x00al"), "table.csv", 2, "sex", NUL),
    ("indicator", _table(2, 0, "unemp\x00loyment"), "table.csv", 2, "indicator", NUL),
    ("age group", _with_columns("age_group", "18\x00-64"), "table.csv", 2, "age_group", NUL),
    ("status", _with_columns("status", "prelim\x00"), "table.csv", 2, "status", ""),
    ("period, invisible", _table(2, 2, "2022\u200b"), "table.csv", 2, "period",
     "U+200B ZERO WIDTH SPACE"),
    ("catalogue id", _replace("catalogue.csv", "\nlow_income,", "\nlow\x00income,", CATALOGUE),
     "catalogue.csv", 3, "id", NUL),
    ("catalogue name", _replace("catalogue.csv", "Low income", "Low\x00income", CATALOGUE),
     "catalogue.csv", 3, "name_en", NUL),
    ("catalogue source", _replace("catalogue.csv", "Synthetic", "Synth\x1betic", CATALOGUE),
     "catalogue.csv", 2, "source", "U+001B ESCAPE"),
    ("notes text", _replace("notes.csv", "Öppet alla dagar", "Öppet\x00alla dagar", NOTES),
     "notes.csv", 2, "text_sv", NUL),
    ("notes area", _replace("notes.csv", "\nD01,", "\nD0\x001,", NOTES),
     "notes.csv", 6, "area", NUL),
]


@pytest.mark.parametrize(("case", "files", "file", "row", "column", "said"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_control_character_is_an_error_with_file_row_column_and_fix(
    tmp_path: Path, case: str, files: dict[str, str | bytes], file: str, row: int, column: str,
    said: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        validate(write_small_city(tmp_path, files=files))
    found = [p for p in caught.value.problems if (p.file, p.row, p.column) == (file, row, column)]
    assert found, str(caught.value)
    message = found[0].message
    assert said in message  # the status check names no character: the value shows it
    assert "contains a control character" in message or "contains an invisible" in message
    assert "remove the control or invisible character" in found[0].fix
    text = str(caught.value)
    assert "\x00" not in text and "\x1b" not in text and "\u200b" not in text


def _boundaries(tmp_path: Path, field: str, text: str) -> Path:
    areas = grid()
    areas.loc[1, field] = text
    tmp_path.mkdir()
    areas.to_file(tmp_path / "areas.gpkg", driver="GPKG")
    return write_small_city(tmp_path)


@pytest.mark.parametrize(("field", "text", "said"), [
    ("code", "D\x1b02", "contains a control character (U+001B ESCAPE)"),
    ("code", "D0\u200b2", "contains an invisible character (U+200B ZERO WIDTH SPACE)"),
    ("name", "District\x07 2", "contains a control character (U+0007 CONTROL CHARACTER)"),
])
def test_a_control_character_in_a_boundary_field_is_an_error(
    tmp_path: Path, field: str, text: str, said: str
) -> None:
    """GDAL ends a text at a NUL (the ETL never sees one there); other control
    characters and invisible ones reach the checks."""
    with pytest.raises(ValidationError) as caught:
        validate(_boundaries(tmp_path / "city", field, text))
    (problem,) = [p for p in caught.value.problems if p.file == "areas.gpkg"]
    assert (problem.row, problem.column) == (2, field)
    assert problem.message == f"{field} {said}"


def test_a_control_character_in_the_configuration_is_an_error(tmp_path: Path) -> None:
    config = CONFIG.replace('name = "Small City"', 'name = "Small\\u0000City"')
    with pytest.raises(EtlError, match=r"city\.name contains a control character \(U\+0000 NUL\)"
                       r" \(value: 'Small\\x00City'\)"):
        load_config(write_small_city(tmp_path, config=config))


def test_tabs_and_line_breaks_are_free_text(tmp_path: Path) -> None:
    catalogue = CATALOGUE.replace("Low income", '"Low\tincome,\r\nper household"')
    report = validate(write_small_city(tmp_path, catalogue=catalogue))
    assert report.indicators == 5


def test_a_nul_period_never_reaches_the_sqlite_store(sqlite_engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\(value: '20\\x0022'\)"):
        run(write_small_city(tmp_path, files=_table(2, 2, "20\x0022")), sqlite_engine)
    with sqlite_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(IndicatorValue)).scalar() == 0
        (message,) = conn.execute(select(LoadBatch.message)).scalars()
    assert "\x00" not in message and r"20\x0022" in message


@pytest.mark.postgis
def test_a_nul_period_is_a_validation_error_on_postgis(
    postgis_engine: Engine, tmp_path: Path
) -> None:
    """Before: validate passed, and the COPY failed late with psycopg's DataError."""
    with pytest.raises(ValidationError, match="period contains a control character"):
        run(write_small_city(tmp_path, files=_table(2, 2, "20\x0022")), postgis_engine)
    with postgis_engine.connect() as conn:
        (status, message) = conn.execute(select(LoadBatch.status, LoadBatch.message)).one()
    assert status == "failed" and r"20\x0022" in message


@pytest.mark.postgis
def test_a_database_error_is_one_short_line_without_sql(
    postgis_engine: Engine, tmp_path: Path
) -> None:
    """Values that slip past validation (here a NUL put in by hand) make the driver fail;
    the user sees the first line of its message, not the statement or the data."""
    cfg = load_config(write_small_city(tmp_path))
    files = source_files(cfg)
    inputs = read_inputs(cfg, files=files)
    values = inputs.values.copy()
    values["period"] = values["period"].cat.rename_categories({"2022": "20\x0022"})
    data = CityData(cfg, inputs.areas, inputs.catalogue, values, inputs.files,
                    fingerprint(cfg, files), inputs.notes)
    with pytest.raises(EtlError) as caught:
        load_city(postgis_engine, replace(data))
    text = str(caught.value)
    assert text.startswith("load failed and was rolled back; the previous data are untouched: ")
    assert "\n" not in text and len(text) < 400
    for leak in ("COPY", "SQL", "INSERT", "20\x0022", "CONTEXT"):
        assert leak not in text
    with postgis_engine.connect() as conn:
        (message,) = conn.execute(select(LoadBatch.message)).scalars()
    assert message == text
