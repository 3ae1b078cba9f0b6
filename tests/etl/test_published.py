"""Statistical files as published: PC-Axis, JSON-stat 2, title rows and notes in a sheet,
years as column suffixes and stray spaces, by configuration alone (known answers)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from etl.config import load_config
from etl.errors import EtlError
from etl.pipeline import run, validate
from etl.statfiles import StatFileError, read_jsonstat, read_px
from store.read import read_snapshot
from tests.etl.published import config, count, jsonstat_text, px_text, titled_xlsx, year_csv
from tests.etl.smallcity import CODES, PERIODS, write_small_city


def _values(engine: Engine) -> pd.DataFrame:
    values = read_snapshot(engine).values
    return values[values["indicator_id"] == "population"].set_index(["area_code", "period", "sex"])


PX_TABLE = """
path = "pop.px"
columns = { area = "område code", sex = "kön code", period = "år" }
sex_codes = { "1" = "male", "2" = "female" }
constants = { indicator = "population" }
"""


def test_a_px_file_loads_as_a_long_table(sqlite_engine: Engine, tmp_path: Path) -> None:
    files = {"pop.px": px_text(suppressed=True)}
    run(write_small_city(tmp_path, config=config(PX_TABLE), files=files), sqlite_engine)
    values = _values(sqlite_engine)
    assert len(values) == len(CODES) * 2 * len(PERIODS)
    for area in CODES:
        for period in PERIODS:
            for sex in ("male", "female"):
                if (area, period, sex) == ("D01", "2022", "male"):
                    continue
                assert values.loc[(area, period, sex), "value"] == count(area, period, sex)
    first = values.loc[("D01", "2022", "male")]
    assert np.isnan(first["value"]) and first["status"] == "suppressed_at_source"


def test_px_rows_are_the_lines_of_their_data() -> None:
    frame = read_px_text(px_text())
    assert frame.attrs["lines"][0] == px_text().splitlines().index("DATA=") + 2
    assert list(frame.columns) == ["område", "område code", "kön", "kön code", "år", "år code", "value"]
    assert frame["område"].iat[0] == "D01 Område D01" and frame["område code"].iat[-1] == "D09"


def read_px_text(text: str) -> pd.DataFrame:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.px"
        path.write_text(text, encoding="utf-8")
        return read_px(path)


def test_a_jsonstat_dataset_loads_as_a_long_table(sqlite_engine: Engine, tmp_path: Path) -> None:
    table = """
path = "pop.json"
columns = { area = "geo code", period = "time" }
constants = { indicator = "population" }
"""
    run(write_small_city(tmp_path, config=config(table), files={"pop.json": jsonstat_text()}),
        sqlite_engine)
    values = _values(sqlite_engine)
    assert len(values) == len(CODES) * len(PERIODS)
    assert values.loc[("D05", "2023", "total"), "value"] == count("D05", "2023", "total")
    last = values.loc[("D09", "2023", "total")]
    assert np.isnan(last["value"]) and last["status"] == "missing"


def test_a_jsonstat_value_object_and_labels(tmp_path: Path) -> None:
    import json

    doc = json.loads(jsonstat_text())
    doc["value"] = {"0": 5, "3": 7.5}
    path = tmp_path / "d.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    frame = read_jsonstat(path)
    assert frame["value"].tolist()[:4] == ["5", "", "", "7.5"]
    assert frame["geo"].iat[0] == "Område D01" and frame["time code"].iat[1] == "2023"


def test_a_px_source_feeds_a_derived_indicator(sqlite_engine: Engine, tmp_path: Path) -> None:
    cfg = config(PX_TABLE).replace('path = "catalogue.csv"', 'path = "catalogue_derived.csv"') + """
[[sources]]
name = "pxpop"
path = "pop.px"
columns = { area = "område code", sex = "kön code", period = "år" }
sex_codes = { "1" = "male", "2" = "female" }

[[derived]]
indicator = "residents"
value = { source = "pxpop", column = "value", sex = "female", plus = { sex = "male" } }
"""
    run(write_small_city(tmp_path, config=cfg, files={"pop.px": px_text()}), sqlite_engine)
    values = read_snapshot(sqlite_engine).values
    got = values[values["indicator_id"] == "residents"].set_index(["area_code", "period"])["value"]
    assert got[("D04", "2023")] == count("D04", "2023", "female") + count("D04", "2023", "male")


def test_title_rows_and_notes_below_an_xlsx_sheet(sqlite_engine: Engine, tmp_path: Path) -> None:
    table = """
path = "pop.xlsx"
skip_rows = 2
notes_below = true
columns = { area = "område", period = "år", indicator = "indikator", value = "värde" }
"""
    folder = tmp_path / "city"
    folder.mkdir()
    titled_xlsx(folder / "pop.xlsx")
    report = validate(write_small_city(folder, config=config(table)))
    [notes] = [w for w in report.warnings if "notes" in w.message]
    assert notes.message.startswith("2 row(s) below the empty row 13 were left out as notes")
    assert notes.file == "pop.xlsx" and notes.row == 13
    run(folder / "city.toml", sqlite_engine)
    values = _values(sqlite_engine)
    assert values["value"].tolist() == [count(a, "2023", "total") for a in CODES]


def test_without_notes_below_the_notes_are_errors(tmp_path: Path) -> None:
    table = """
path = "pop.xlsx"
skip_rows = 2
columns = { area = "område", period = "år", indicator = "indikator", value = "värde" }
"""
    folder = tmp_path / "city"
    folder.mkdir()
    titled_xlsx(folder / "pop.xlsx")
    with pytest.raises(EtlError, match=r"pop\.xlsx, row 15"):
        validate(write_small_city(folder, config=config(table)))


def test_notes_below_in_a_csv_stops_at_the_first_empty_row(sqlite_engine: Engine, tmp_path: Path) -> None:
    table = year_csv() + "\nKälla: SCB;;;\nAnm. 2;x;y;z\n"
    cfg = config("""
path = "years.csv"
notes_below = true
columns = { indicator = "indikator", area = "område" }
period_from_columns = { pattern = "Antal (\\\\d{4})" }
""")
    run(write_small_city(tmp_path, config=cfg, files={"years.csv": table}), sqlite_engine)
    assert len(_values(sqlite_engine)) == len(CODES) * len(PERIODS)


def test_years_as_column_suffixes_become_rows(sqlite_engine: Engine, tmp_path: Path) -> None:
    cfg = config("""
path = "years.csv"
columns = { indicator = "indikator", area = "område", period = "år", value = "antal" }
period_from_columns = { pattern = "Antal (\\\\d{4})", value = "antal", period = "år" }
""")
    report = validate(write_small_city(tmp_path, config=cfg, files={"years.csv": year_csv(spaces=True)}))
    [spaced] = [w for w in report.warnings if "spaces" in w.message]
    assert spaced.message.startswith(f"{len(CODES) * len(PERIODS)} indicator cell(s) have spaces around")
    assert spaced.row == 2 and spaced.column == "indikator" and spaced.value == "population "
    run(tmp_path / "city.toml", sqlite_engine)
    values = _values(sqlite_engine)
    for area in CODES:
        for period in PERIODS:
            assert values.loc[(area, period, "total"), "value"] == count(area, period, "total")


def test_a_bad_cell_in_a_year_column_names_its_row(tmp_path: Path) -> None:
    text = year_csv().replace(f";{count('D03', '2023', 'total')}\n", ";12x\n")
    cfg = config("""
path = "years.csv"
columns = { indicator = "indikator", area = "område" }
period_from_columns = { pattern = "Antal (\\\\d{4})" }
""")
    with pytest.raises(EtlError, match=r"years\.csv, row 4, column 'value': value is not a number"):
        validate(write_small_city(tmp_path, config=cfg, files={"years.csv": text}))


@pytest.mark.parametrize(("keys", "message"), [
    ('period_from_columns = { pattern = "Antal \\\\d{4}" }', "has 0 groups"),
    ('period_from_columns = { pattern = "Antal (\\\\d{4}" }', "is not a regular expression"),
    ('period_from_columns = "Antal"', "not a table with a pattern"),
    ('period_from_columns = { pattern = "(.*)", year = "x" }', "unknown key(s) 'year'"),
    ('period_from_columns = { pattern = "(.*)" }\nconstants = { period = "2023" }', "constants.period"),
    ('period_from_columns = { pattern = "(.*)" }\nformat = "wide"', "applies to long tables"),
])
def test_period_from_columns_is_checked_with_the_config(tmp_path: Path, keys: str, message: str) -> None:
    folder = tmp_path / "c"
    cfg = write_small_city(folder, config=config(f'path = "years.csv"\n{keys}'),
                           files={"years.csv": year_csv()})
    with pytest.raises(EtlError, match="period_from_columns") as info:
        load_config(cfg)
    assert message in str(info.value)


@pytest.mark.parametrize(("text", "message"), [
    ('STUB="a";\nVALUES("a")="x";\n', "has no DATA= keyword"),
    ('STUB="a";\nDATA=\n1;\n', "gives no VALUES"),
    ('VALUES("a")="x";\nDATA=\n1;\n', "has neither STUB nor HEADING"),
    ('STUB="a";\nVALUES("a")="x","y";\nCODES("a")="1";\nDATA=\n1 2;\n', "has 2 VALUES but 1 CODES"),
    ('STUB="a;\nDATA=\n1;\n', "a quote is not closed"),
])
def test_malformed_px_files(text: str, message: str) -> None:
    with pytest.raises(StatFileError) as info:
        read_px_text(text)
    assert message in info.value.message and info.value.fix


def test_a_px_file_in_its_declared_codepage(tmp_path: Path) -> None:
    path = tmp_path / "latin.px"
    path.write_bytes(px_text().replace('CODEPAGE="utf-8"', 'CODEPAGE="iso-8859-1"').encode("iso-8859-1"))
    frame = read_px(path)
    assert "område" in frame.columns and frame["kön"].iat[2] == "kvinnor"


def test_a_px_file_no_encoding_reads_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.px"  # 0x81 is neither UTF-8 here nor defined in cp1252
    path.write_bytes(b'STUB="a";\nVALUES("a")="\xc3\x81\x81";\nDATA=\n1;\n')
    with pytest.raises(StatFileError) as info:
        read_px(path)
    assert "cannot be decoded" in info.value.message and "UTF-8" in info.value.fix


@pytest.mark.parametrize(("keys", "message"), [
    ('path = "pop.json"\nencoding = "utf-8"', "encoding does not apply to the statistical file 'pop.json'"),
    ('path = "pop.px"\nskip_rows = 2', "skip_rows does not apply to the statistical file 'pop.px'"),
    ('path = "pop.px"\nnotes_below = true', "notes_below does not apply"),
])
def test_reading_keys_that_cannot_apply_to_a_statistical_file(tmp_path: Path, keys: str, message: str) -> None:
    cfg = write_small_city(tmp_path, config=config(keys), files={"pop.px": px_text(), "pop.json": jsonstat_text()})
    with pytest.raises(EtlError, match="does not apply") as info:
        load_config(cfg)
    assert message in str(info.value) and "Fix: remove" in str(info.value)
