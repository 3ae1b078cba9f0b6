"""`wellbeing report programme` through Typer's test runner, on a store with a programme."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from store.engine import make_engine
from store.migrate import upgrade
from tests.export.programme_city import PROGRAMME, YEAR, build_programme_city
from wellbeing.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def programme_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("programme-cli") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_programme_city(engine)
    engine.dispose()
    yield path


@pytest.fixture
def store_env(programme_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{programme_store}")


def report(*args: str) -> list[str]:
    return ["report", "programme", "--programme", PROGRAMME, *args]


def test_a_pdf_report_to_a_file(store_env: None, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "soc.pdf"
    result = runner.invoke(app, report("--year", str(YEAR), "--lang", "pl", "--out", str(out)))
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    first = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "ROCZNE SPRAWOZDANIE Z REALIZACJI 2023" in first and "Spójność społeczna" in first


def test_an_xlsx_report_for_the_latest_year(store_env: None, tmp_path: Path) -> None:
    out = tmp_path / "soc.xlsx"
    result = runner.invoke(app, report("--format", "xlsx", "--lang", "en", "--out", str(out)))
    assert result.exit_code == 0, result.output
    summary = {r[0]: r[1] for r in openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True)
               if r[0]}
    assert summary["Report year"] == 2023  # the latest data year (the programme runs to 2025)


@pytest.mark.parametrize("args, code, message", [
    (["--programme", "NOPE", "--year", "2023"], 1,
     "Error: Programme 'NOPE' is not in the store. Fix: use one of SOC."),
    (["--programme", PROGRAMME, "--year", "2019"], 1,
     "Error: Year 2019 is outside programme 'SOC', which runs 2021–2025."),
    (["--programme", PROGRAMME, "--format", "docx"], 2,
     "Error: Unknown format 'docx' for a programme report. Fix: use one of pdf, html, xlsx."),
    (["--programme", PROGRAMME, "--format", "html"], 2,
     "does not end in .html but --format is html"),
    (["--programme", PROGRAMME, "--lang", "de"], 2, "Unknown language 'de'"),
])
def test_wrong_options_say_the_fix(store_env: None, tmp_path: Path, args: list[str], code: int,
                                   message: str) -> None:
    out = tmp_path / "r.pdf"
    result = runner.invoke(app, ["report", "programme", *args, "--out", str(out)])
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output and not out.exists()
