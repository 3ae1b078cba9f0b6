"""Spreadsheet formula injection: text from a city's files that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return never becomes a live formula in an XLSX or CSV
the atlas writes, and real numbers stay numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import Engine, update
from typer.testing import CliRunner

from dashboard.model import Atlas
from presentation.formulas import is_formula_like, neutralise_frame
from reports import render_profile
from store.schema import Area
from tests.cli.test_export_data import store  # noqa: F401 - fixture
from tests.export.city import FOCUS
from wellbeing.cli import app

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|'/c calc'!A0", "-2+3", "@SUM(A1:A2)",
           "\tTAB", "\rCR"]


def hostile_snapshot(atlas: Atlas) -> tuple[object, pd.DataFrame]:
    """The export city with the focus area and an indicator renamed to formulas."""
    snap, table = atlas.snapshot(), atlas.comparisons()
    areas = snap.areas.copy()
    areas.loc[areas["code"] == FOCUS, "name"] = HOSTILE[0]
    catalogue = snap.catalogue.copy()
    for lang in ("sv", "pl", "en"):
        catalogue.loc[catalogue.index[0], f"name_{lang}"] = HOSTILE[1]
        catalogue.loc[catalogue.index[1], f"name_{lang}"] = HOSTILE[3]
    notes = snap.notes.copy()
    if not notes.empty:
        notes.loc[notes.index[0], ["title_sv", "title_pl", "title_en"]] = HOSTILE[2]
        notes.loc[notes.index[0], ["text_sv", "text_pl", "text_en"]] = HOSTILE[4]
    return replace(snap, areas=areas, catalogue=catalogue, notes=notes), table


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_recognised(text: str) -> None:
    assert is_formula_like(text)


@pytest.mark.parametrize("text", ["-3", "+1.5", "-0,3", "12%", "Hässleholmen", "–", ""])
def test_numbers_and_plain_text_are_left_alone(text: str) -> None:
    assert not is_formula_like(text)


def test_xlsx_profile_has_no_formula_cells(atlas: Atlas) -> None:
    snap, table = hostile_snapshot(atlas)
    content, _, _ = render_profile(snap, table, FOCUS, "xlsx", "en")  # type: ignore[arg-type]
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    seen: dict[str, str] = {}
    numbers = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value in HOSTILE:
                    seen[cell.value] = cell.data_type
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                numbers += isinstance(cell.value, int | float)
    assert HOSTILE[0] in seen and HOSTILE[1] in seen, seen  # the hostile text is there, as text
    assert set(seen.values()) == {"s"}
    assert numbers > 20  # values stay numbers


def test_csv_profile_prefixes_formula_like_text(atlas: Atlas) -> None:
    snap, table = hostile_snapshot(atlas)
    content, _, _ = render_profile(snap, table, FOCUS, "csv", "en")  # type: ignore[arg-type]
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    cells = [v for row in rows for v in row.values() if v]
    assert not any(v.startswith(("=", "+", "@", "\t", "\r")) for v in cells)
    assert "'" + HOSTILE[0] in {r["area_name"] for r in rows}
    assert "'" + HOSTILE[1] in {r["indicator_name"] for r in rows}
    assert any(float(r["value"]) > 0 for r in rows if r["value"])  # numbers unchanged


def test_export_data_prefixes_formula_like_names(store: Engine, tmp_path: Path) -> None:  # noqa: F811
    with store.begin() as conn:
        conn.execute(update(Area).where(Area.code == "A").values(name="=1+1"))
    out = tmp_path / "all.csv"
    result = CliRunner().invoke(app, ["export", "data", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"period": str})
    assert set(frame.loc[frame["area_code"] == "A", "area_name"]) == {"'=1+1"}
    assert pd.api.types.is_float_dtype(frame["value"])


def test_neutralise_frame_keeps_numeric_and_categorical_columns() -> None:
    frame = pd.DataFrame({"n": [-1.5, 2.0], "t": ["=A1", "ok"],
                          "c": pd.Categorical(["@x", "y"])})
    out = neutralise_frame(frame)
    assert out["n"].tolist() == [-1.5, 2.0]
    assert out["t"].tolist() == ["'=A1", "ok"]
    assert out["c"].tolist() == ["'@x", "y"]
    assert frame["t"].tolist() == ["=A1", "ok"]  # the input is not changed
