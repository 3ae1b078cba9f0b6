"""The demo city's programme report (issue #13 acceptance): the PDF read back with pypdf
(text and pages) and the XLSX with openpyxl, from the demo as `wellbeing demo` loads it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from etl.demo import load_demo
from presentation.comparisons import comparison_table_of
from reports.programme_report import render_programme_report
from store.engine import make_engine
from store.read import Snapshot, read_snapshot

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
PRIORITIZED = ("Hjortkullen", "Brännhagen", "Stenåsen")  # the city's order: DC25, DC32, DC38
YEAR = 2024


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Snapshot, pd.DataFrame]]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'atlas.sqlite'}")
    load_demo(engine)
    snapshot = read_snapshot(engine, with_geometry=True)
    yield snapshot, comparison_table_of(snapshot)
    engine.dispose()


def _goals() -> list[dict[str, str]]:
    with (DEMO / "programme_goals.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_demo_report_pdf_holds_goals_areas_and_counts(demo: tuple[Snapshot, pd.DataFrame]) -> None:
    snapshot, table = demo
    programme = str(snapshot.programme["programmes"]["id"].iloc[0])
    content, name, _ = render_programme_report(snapshot, table, programme, YEAR, "pdf", "sv",
                                               date(2025, 1, 15))
    assert name == f"programme-{programme}-{YEAR}-sv.pdf"
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) >= 6
    first = reader.pages[0].extract_text()
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert f"ÅRLIG GENOMFÖRANDERAPPORT {YEAR}" in first
    for goal in _goals():
        assert goal["name_sv"] in first
    # the summary lists the prioritized areas in the city's order, each with initiatives
    positions = [first.index(area) for area in PRIORITIZED]
    assert positions == sorted(positions)
    for area in PRIORITIZED:
        assert area in text
    # every target of the programme is counted once in the summary's totals
    targets = snapshot.programme["targets"]
    total = next(line for line in first.splitlines() if line.startswith("Totalt"))
    assert sum(int(n) for n in total.split()[1:5]) == len(targets[targets["programme_id"] == programme])


def test_the_demo_report_xlsx_has_numbers_as_numbers(demo: tuple[Snapshot, pd.DataFrame]) -> None:
    snapshot, table = demo
    programme = str(snapshot.programme["programmes"]["id"].iloc[0])
    content, _, _ = render_programme_report(snapshot, table, programme, YEAR, "xlsx", "pl")
    book = openpyxl.load_workbook(io.BytesIO(content))
    rows = list(book["Wskaźniki"].iter_rows(min_row=2, values_only=True))
    assert rows and all(isinstance(r[9], float | int) or r[9] is None for r in rows)
    assert any(isinstance(r[11], float | int) for r in rows)  # targets are numbers
    initiatives = list(book["Inicjatywy"].iter_rows(min_row=2, values_only=True))
    assert initiatives and all(isinstance(r[9], int) for r in initiatives)  # start years
