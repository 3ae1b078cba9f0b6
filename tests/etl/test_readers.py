"""Reading tables as text: delimiter, encoding, decimal separator, line numbers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from etl.numbers import detect_decimal, parse_numbers
from etl.readers import open_table, read_all
from etl.sniff import detect_delimiter, detect_encoding


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["a,b,c", "1,2,3", "4,5,6"], ","),
        (["a;b;c", "1;2,5;3", "4;5,5;6"], ";"),
        (["a\tb\tc", "1\t2,5\t3"], "\t"),
        (["a|b|c", "1|2|3"], "|"),
        (["2015 STAD BBC_P 20", "2005  DX01 BEV0_17 140615"], "whitespace"),
        (["name,value", '"Söder, inner",3', '"Norr, outer",4'], ","),
        (["a;b;c", "1;2;3", "4,5,6", "7;8;9"], ";"),
    ],
)
def test_detect_delimiter(lines: list[str], expected: str) -> None:
    assert detect_delimiter(lines) == expected


def test_detect_delimiter_gives_up_on_one_column() -> None:
    assert detect_delimiter(["just text", "more text here"], expected=None) in (None, "whitespace")
    assert detect_delimiter(["abc", "def"]) is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id;namn\n1;Södermalm\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "id;namn\n1;Södermalm\n".encode(), "utf-8-sig"),
        ("id;namn\n1;Södermalm\n".encode("cp1252"), "cp1252"),
    ],
)
def test_detect_encoding(tmp_path: Path, content: bytes, expected: str) -> None:
    path = _write(tmp_path, "t.csv", content)
    assert detect_encoding(path, "t.csv", None) == (expected, [])


def test_declared_utf8_with_bom_is_read_without_the_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.csv", b"\xef\xbb\xbfid,name\n1,a\n")
    table = open_table(path, "t.csv", encoding="utf-8")
    assert table.columns == ["id", "name"]


def test_wrong_declared_encoding_names_line_and_fix(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.csv", "id;namn\n1;ok\n2;Malmö\n".encode("cp1252"))
    encoding, problems = detect_encoding(path, "t.csv", "utf-8")
    assert encoding is None
    assert problems[0].row == 3
    assert "byte(s) F6 (reads as 'ö' in cp1252)" in problems[0].message
    assert 'set encoding = "cp1252"' in problems[0].fix


def test_unknown_codec_is_a_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.csv", "a,b\n1,2\n")
    _, problems = detect_encoding(path, "t.csv", "klingon")
    assert "unknown encoding 'klingon'" in problems[0].message


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("12,5", ",", 12.5),
        ("1 234,5", ",", 1234.5),
        ("1\u00a0234,5", ",", 1234.5),
        ("1.234.567,25", ",", 1234567.25),
        ("-3,25", ",", -3.25),
        ("\u22123,5", ",", -3.5),
        ("12.5", ".", 12.5),
        ("1,234.5", ".", 1234.5),
        ("1 234", ".", 1234.0),
        ("1e3", ".", 1000.0),
        ("140", ",", 140.0),
    ],
)
def test_parse_numbers_accepts(text: str, decimal: str, expected: float) -> None:
    values, bad = parse_numbers(pd.Series([text]), decimal)
    assert not bad[0]
    assert values[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "decimal"),
    [
        ("12..5", "."),
        ("12.5", ","),
        ("1.23,4", ","),
        ("12,5", "."),
        ("nan", "."),
        ("inf", "."),
        ("12 %", "."),
        ("abc", ","),
    ],
)
def test_parse_numbers_rejects(text: str, decimal: str) -> None:
    values, bad = parse_numbers(pd.Series([text]), decimal)
    assert bad[0]
    assert np.isnan(values[0])


def test_parse_numbers_empty_is_missing_not_bad() -> None:
    values, bad = parse_numbers(pd.Series(["", "1"]), ".")
    assert np.isnan(values[0]) and not bad[0]
    assert values[1] == 1.0


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda v: round(v, 3)))
def test_parse_numbers_round_trips_both_conventions(number: float) -> None:
    dot = f"{number:,.3f}"  # 1,234.500
    comma = dot.replace(",", " ").replace(".", ",")  # 1 234,500
    values, bad = parse_numbers(pd.Series([dot, comma, repr(number)]), ".")
    assert not bad[0] and values[0] == pytest.approx(number)
    values, bad = parse_numbers(pd.Series([comma]), ",")
    assert not bad[0] and values[0] == pytest.approx(number)


@pytest.mark.parametrize(
    ("cells", "delimiter", "expected"),
    [
        (["12,5", "3,25", "7"], ";", ","),
        (["12.5", "3.25", "7"], ",", "."),
        (["1,234", "2,500"], ";", ","),
        (["1,234", "2,500"], ",", "."),
        (["1 234,5", "3,5", "12.25"], ";", ","),
        (["7", "8"], ";", "."),
    ],
)
def test_detect_decimal(cells: list[str], delimiter: str, expected: str) -> None:
    assert detect_decimal([pd.Series(cells)], delimiter) == expected


def test_line_numbers_follow_the_editor(tmp_path: Path) -> None:
    text = "Title of the export\nnote\nid,val\n1,a\n\n2,b\n3,c,extra\n4,d\n"
    table = open_table(_write(tmp_path, "t.csv", text), "t.csv", skip_rows=2)
    frame, lines = read_all(table)
    assert table.columns == ["id", "val"]
    assert frame["id"].tolist() == ["1", "2", "4"]
    assert lines.tolist() == [4, 6, 8]
    assert [(p.row, p.message) for p in table.problems] == [
        (7, "row has 3 fields but the header has 2")
    ]


def test_headerless_whitespace_file(tmp_path: Path) -> None:
    text = "2015 STAD BBC_P 20\n2016 DX21 BHBDRFKLEIN_M2LEEG \n2005  DX01 BEV0_17 140615\n"
    table = open_table(
        _write(tmp_path, "t.csv", text),
        "t.csv",
        header=False,
        names=("year", "area", "var", "value"),
    )
    frame, lines = read_all(table)
    assert table.delimiter == "whitespace"
    assert frame["value"].tolist() == ["20", "", "140615"]
    assert lines.tolist() == [1, 2, 3]


def test_repeated_header_column_is_a_problem(tmp_path: Path) -> None:
    table = open_table(_write(tmp_path, "t.csv", "a,b,a\n1,2,3\n"), "t.csv")
    assert [p.message for p in table.problems] == ["column 'a' appears 2 times in the header"]


def test_cells_are_text_as_typed(tmp_path: Path) -> None:
    table = open_table(_write(tmp_path, "t.csv", "code,value\n0380 , 01.50\nNA,null\n"), "t.csv")
    frame, _ = read_all(table)
    assert frame.to_dict("list") == {"code": ["0380 ", "NA"], "value": [" 01.50", "null"]}


def test_xlsx_cells_as_text_with_excel_rows(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in (
        ["Export 2024"],
        ["area", "period", "value"],
        ["0180", 2023, 12.5],
        [None, None, None],
        ["0181", 2023.0, "7,5"],
    ):
        sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    table = open_table(tmp_path / "t.xlsx", "t.xlsx", sheet="Data", skip_rows=1)
    frame, lines = read_all(table)
    assert frame.to_dict("list") == {
        "area": ["0180", "0181"],
        "period": ["2023", "2023"],
        "value": ["12.5", "7,5"],
    }
    assert lines.tolist() == [3, 5]


def test_xlsx_missing_sheet_lists_sheets(tmp_path: Path) -> None:
    Workbook().save(tmp_path / "t.xlsx")
    table = open_table(tmp_path / "t.xlsx", "t.xlsx", sheet="Data")
    assert table.problems[0].message == "has no sheet 'Data'"
    assert table.problems[0].fix == "set sheet to one of 'Sheet'"


def test_missing_file_lists_neighbours(tmp_path: Path) -> None:
    _write(tmp_path, "table.csv", "a,b\n")
    table = open_table(tmp_path / "tabel.csv", "tabel.csv")
    assert table.problems[0].message == "file not found"
    assert "table.csv" in table.problems[0].fix
